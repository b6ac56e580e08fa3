import { t, type Locale } from "@/lib/i18n";
import { NUDGE_CHANNELS } from "@/lib/model/steps";
import { OUTCOMES, REASONS } from "@/lib/templates/outcomes";
import type { NudgeReport, ReportRange } from "@/lib/db/report";

export interface ReportSectionProps {
  locale: Locale;
  range: ReportRange;
  /** `undefined` while the database answers. */
  report: NudgeReport | undefined;
  onRange(range: ReportRange): void;
}

const RANGES: ReportRange[] = ["today", "week"];

/** The day's (or week's) nudges: how many, through which channel, what buyers said and why. */
export function ReportSection({
  locale,
  range,
  report,
  onRange,
}: ReportSectionProps) {
  return (
    <section
      className="section report"
      aria-label={t(locale, "options.report")}
    >
      <h2>{t(locale, "options.report")}</h2>
      {/* The full report (recovered orders and money, breakdowns, charts, 日报) has its own page. */}
      <p>
        <a href="/report.html" target="_blank" data-link="report-page">
          {t(locale, "options.reportPage")}
        </a>
      </p>
      <div className="actions" role="radiogroup">
        {RANGES.map((r) => (
          <label key={r}>
            <input
              type="radio"
              name="report-range"
              value={r}
              checked={range === r}
              onChange={() => onRange(r)}
            />
            {t(locale, `report.${r}`)}
          </label>
        ))}
      </div>
      {report === undefined ? (
        <p role="status">{t(locale, "popup.loading")}</p>
      ) : report.nudges === 0 ? (
        <p className="hint" data-testid="report-summary">
          {t(locale, "report.empty")}
        </p>
      ) : (
        <>
          <p data-testid="report-summary">
            {t(locale, "report.summary", {
              n: report.nudges,
              orders: report.orders,
              paid: report.paid,
            })}
          </p>
          <p className="hint" data-testid="report-channels">
            {NUDGE_CHANNELS.filter((c) => report.byChannel[c] > 0)
              .map((c) => `${t(locale, `channel.${c}`)} ${report.byChannel[c]}`)
              .join(" · ")}
          </p>
          <h3>{t(locale, "report.outcomes")}</h3>
          <table data-testid="report-outcomes">
            <tbody>
              {report.outcomes.map(({ id, count }) => (
                <tr key={id} data-outcome={id}>
                  <th scope="row">
                    {id === "none"
                      ? t(locale, "report.noOutcome")
                      : OUTCOMES[id].label[locale]}
                  </th>
                  <td>{count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t(locale, "report.reasons")}</h3>
          {report.reasons.length === 0 ? (
            <p className="hint">{t(locale, "report.noReasons")}</p>
          ) : (
            <table data-testid="report-reasons">
              <tbody>
                {report.reasons.map(({ id, count }) => (
                  <tr key={id} data-reason={id}>
                    <th scope="row">{REASONS[id].label[locale]}</th>
                    <td>{count}</td>
                    <td className="hint">{REASONS[id].action[locale]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
