import { t, type Locale } from "@/lib/i18n";

/**
 * The report's tables and the range's nudge log, each saved as a CSV file; the range's own nudges
 * saved for the lead to merge (issue 17; `onTeamLog` only while a team roster is held), which needs
 * the agent's name (`notice` says so).
 */
export function ReportExports({
  locale,
  disabled,
  onReport,
  onLog,
  onTeamLog,
  notice,
}: {
  locale: Locale;
  disabled: boolean;
  onReport(): void;
  onLog(): void;
  onTeamLog?: () => void;
  notice?: string;
}) {
  return (
    <section className="section exports" aria-labelledby="exports-title">
      <h2 id="exports-title">{t(locale, "reportPage.export")}</h2>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          data-action="export-report"
          disabled={disabled}
          onClick={onReport}
        >
          {t(locale, "reportPage.exportReport")}
        </button>
        <button
          type="button"
          className="secondary"
          data-action="export-log"
          onClick={onLog}
        >
          {t(locale, "reportPage.exportLog")}
        </button>
        {onTeamLog && (
          <button
            type="button"
            className="secondary"
            data-action="export-team-log"
            onClick={onTeamLog}
          >
            {t(locale, "reportPage.exportTeamLog")}
          </button>
        )}
      </div>
      <p className="hint" role="status">
        {notice}
      </p>
    </section>
  );
}
