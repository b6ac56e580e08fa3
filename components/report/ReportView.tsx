import { t, type Locale } from "@/lib/i18n";
import type { ReportFigures } from "@/lib/model/report";
import { AbTestCard } from "@/components/report/AbTestCard";
import { BreakdownTables } from "@/components/report/BreakdownTables";
import { DailyChart } from "@/components/report/DailyChart";
import { DailyReport } from "@/components/report/DailyReport";
import { Definition } from "@/components/report/Definition";
import { FiguresTable } from "@/components/report/FiguresTable";
import { GroupChart } from "@/components/report/GroupChart";
import { RangePicker } from "@/components/report/RangePicker";
import { ReasonsChart } from "@/components/report/ReasonsChart";
import { ReasonsTable } from "@/components/report/ReasonsTable";
import { ReportExports } from "@/components/report/ReportExports";
import { TeamLogMerge } from "@/components/report/TeamLogMerge";
import type { RangeChoice } from "@/components/report/range";

export interface ReportViewProps {
  locale: Locale;
  choice: RangeChoice;
  onChoice(choice: RangeChoice): void;
  /** The chosen range's report; undefined while it is read. */
  figures: ReportFigures | undefined;
  /** The daily report's day (today, or yesterday when that is the range); undefined while read. */
  daily: ReportFigures | undefined;
  templateNames: ReadonlyMap<string, string>;
  onExportReport(): void;
  onExportLog(): void;
  /**
   * A team roster is held (issue 17): the team log's export and 合并同事的记录 show. Solo use is
   * unchanged: without a roster, nothing of the team shows.
   */
  team: boolean;
  /** Saves this machine's own nudges of the range for the lead to merge (issue 17). */
  onExportTeamLog(): void;
  /** What the team log's export has to say (no agent name set), else nothing. */
  exportNotice?: string;
}

/**
 * The report's page: the range, what "recovered" means, the figures beside the previous period's,
 * the charts, the breakdowns and reasons, the daily report and the exports.
 */
export function ReportView({
  locale,
  choice,
  onChoice,
  figures,
  daily,
  templateNames,
  onExportReport,
  onExportLog,
  team,
  onExportTeamLog,
  exportNotice,
}: ReportViewProps) {
  return (
    <main className="report-page">
      <h1>{t(locale, "reportPage.title")}</h1>
      <RangePicker locale={locale} choice={choice} onChange={onChoice} />
      {figures === undefined ? (
        <p role="status">{t(locale, "popup.loading")}</p>
      ) : (
        <>
          <section className="section" aria-labelledby="figures-title">
            <h2 id="figures-title">{t(locale, "reportPage.overview")}</h2>
            <Definition
              locale={locale}
              hours={figures.attributionHours}
              estimated={figures.current.paidTimeEstimated}
            />
            <FiguresTable
              locale={locale}
              current={figures.current}
              previous={figures.previous}
            />
          </section>
          <section className="section" aria-labelledby="charts-title">
            <h2 id="charts-title">{t(locale, "reportPage.charts")}</h2>
            <DailyChart locale={locale} days={figures.days} />
            {/* A chart with nothing to draw is left out: its table below says so. */}
            {figures.breakdowns.step.length > 0 && (
              <GroupChart
                locale={locale}
                by="step"
                title={t(locale, "reportPage.chart.byStep")}
                rows={figures.breakdowns.step}
                templateNames={templateNames}
              />
            )}
            {figures.breakdowns.template.length > 0 && (
              <GroupChart
                locale={locale}
                by="template"
                title={t(locale, "reportPage.chart.byTemplate")}
                rows={figures.breakdowns.template}
                templateNames={templateNames}
              />
            )}
            {figures.reasons.length > 0 && (
              <ReasonsChart
                locale={locale}
                days={figures.days}
                reasons={figures.reasons}
              />
            )}
          </section>
          <section className="section" aria-labelledby="breakdowns-title">
            <h2 id="breakdowns-title">{t(locale, "reportPage.breakdowns")}</h2>
            <BreakdownTables
              locale={locale}
              breakdowns={figures.breakdowns}
              templateNames={templateNames}
            />
          </section>
          <section className="section" aria-labelledby="reasons-title">
            <h2 id="reasons-title">{t(locale, "reportPage.reasonsTitle")}</h2>
            <ReasonsTable locale={locale} reasons={figures.reasons} />
          </section>
        </>
      )}
      <AbTestCard locale={locale} />
      <DailyReport
        locale={locale}
        figures={daily}
        templateNames={templateNames}
      />
      <ReportExports
        locale={locale}
        disabled={figures === undefined}
        onReport={onExportReport}
        onLog={onExportLog}
        onTeamLog={team ? onExportTeamLog : undefined}
        notice={exportNotice}
      />
      {team && <TeamLogMerge locale={locale} />}
    </main>
  );
}
