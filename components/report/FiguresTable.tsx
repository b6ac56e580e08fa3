import { t, type Locale } from "@/lib/i18n";
import type { PeriodFigures } from "@/lib/model/report";
import { figureRows } from "@/components/report/figures";
import { periodText } from "@/components/report/period-text";

/** The period's figures, each with the previous period's beside it and the change. */
export function FiguresTable({
  locale,
  current,
  previous,
}: {
  locale: Locale;
  current: PeriodFigures;
  previous: PeriodFigures;
}) {
  return (
    <table className="figures" data-testid="report-figures">
      <caption>{t(locale, "reportPage.figures")}</caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, "reportPage.figure")}</th>
          <th scope="col">
            {t(locale, "reportPage.current")}
            <span className="hint period">
              {periodText(locale, current.period)}
            </span>
          </th>
          <th scope="col">
            {t(locale, "reportPage.previous")}
            <span className="hint period">
              {periodText(locale, previous.period)}
            </span>
          </th>
          <th scope="col">{t(locale, "reportPage.change")}</th>
        </tr>
      </thead>
      <tbody>
        {figureRows(locale, current, previous).map((row) => (
          <tr
            key={row.id}
            data-figure={row.id}
            className={row.id.startsWith("skipped-") ? "sub" : undefined}
          >
            <th scope="row">{row.label}</th>
            <td className="current">{row.current}</td>
            <td className="previous">{row.previous}</td>
            <td
              className={`change${row.better === undefined ? "" : row.better ? " better" : " worse"}`}
            >
              {row.change}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
