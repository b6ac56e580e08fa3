import { t, type Locale } from "@/lib/i18n";
import {
  BREAKDOWN_KEYS,
  type BreakdownKey,
  type BreakdownRow,
} from "@/lib/model/report";
import {
  formatAmounts,
  formatCount,
  formatRate,
} from "@/components/report/format";
import { BREAKDOWN_TITLES, groupName } from "@/components/report/labels";

/** One table per breakdown (step, channel, template, agent, shop, platform), most recovered first. */
export function BreakdownTables({
  locale,
  breakdowns,
  templateNames,
}: {
  locale: Locale;
  breakdowns: Record<BreakdownKey, BreakdownRow[]>;
  templateNames: ReadonlyMap<string, string>;
}) {
  return (
    <div className="breakdowns">
      {BREAKDOWN_KEYS.map((by) => {
        const rows = [...breakdowns[by]].sort(
          (a, b) => b.recovered - a.recovered || b.nudged - a.nudged,
        );
        return (
          <table key={by} data-breakdown={by}>
            <caption>{t(locale, BREAKDOWN_TITLES[by])}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, "reportPage.group")}</th>
                <th scope="col">{t(locale, "reportPage.colNudged")}</th>
                <th scope="col">{t(locale, "reportPage.colRecovered")}</th>
                <th scope="col">{t(locale, "reportPage.colRate")}</th>
                <th scope="col">{t(locale, "reportPage.colAmount")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={5} className="hint">
                    {t(locale, "reportPage.noRows")}
                  </td>
                </tr>
              ) : (
                rows.map((r) => (
                  <tr key={r.key} data-key={r.key}>
                    <th scope="row">
                      {groupName(locale, by, r.key, templateNames)}
                    </th>
                    <td>{formatCount(locale, r.nudged)}</td>
                    <td>{formatCount(locale, r.recovered)}</td>
                    <td>{formatRate(locale, r.recoveryRate)}</td>
                    <td>{formatAmounts(locale, r.recoveredCents)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        );
      })}
    </div>
  );
}
