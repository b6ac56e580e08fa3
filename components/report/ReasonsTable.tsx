import { t, type Locale } from "@/lib/i18n";
import type { ReasonRow } from "@/lib/model/report";
import { formatCount, formatRate } from "@/components/report/format";
import { reasonAdvice, reasonName } from "@/components/report/labels";

/** The change of a reason's count from the previous period, in words. */
function trendText(locale: Locale, r: ReasonRow): string {
  const d = r.count - r.previousCount;
  if (r.previousCount === 0 && r.count > 0)
    return t(locale, "reportPage.trendNew");
  if (d > 0) return t(locale, "reportPage.trendUp", { n: d });
  if (d < 0) return t(locale, "reportPage.trendDown", { n: -d });
  return t(locale, "reportPage.trendSame");
}

/** The reasons buyers gave for not paying: how many, what share, the trend, and what to do. */
export function ReasonsTable({
  locale,
  reasons,
}: {
  locale: Locale;
  reasons: readonly ReasonRow[];
}) {
  if (reasons.length === 0)
    return (
      <p className="hint" data-testid="report-no-reasons">
        {t(locale, "reportPage.noReasons")}
      </p>
    );
  return (
    <table className="reasons" data-testid="report-reasons">
      <caption>{t(locale, "reportPage.reasons")}</caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, "reportPage.reason")}</th>
          <th scope="col">{t(locale, "reportPage.reasonCount")}</th>
          <th scope="col">{t(locale, "reportPage.share")}</th>
          <th scope="col">{t(locale, "reportPage.trend")}</th>
          <th scope="col">{t(locale, "reportPage.advice")}</th>
        </tr>
      </thead>
      <tbody>
        {reasons.map((r) => (
          <tr key={r.id} data-reason={r.id}>
            <th scope="row">{reasonName(locale, r.id)}</th>
            <td>{formatCount(locale, r.count)}</td>
            <td>{formatRate(locale, r.share)}</td>
            <td>{trendText(locale, r)}</td>
            <td className="advice">{reasonAdvice(locale, r.id)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
