import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { format, subDays } from "date-fns";
import { downloadFile } from "@/components/shared/download";
import { periodOf, type RangeChoice, dayText } from "@/components/report/range";
import { reportCsv } from "@/components/report/report-csv";
import { ReportView } from "@/components/report/ReportView";
import { useFigures } from "@/components/report/use-figures";
import { nudgeLogCsvOf, templateNames } from "@/lib/db/nudge-log-export";
import { getDb } from "@/lib/db/schema";
import { readPlainSetting } from "@/lib/db/setting-values";
import { teamLogOf } from "@/lib/db/team-log-export";
import { pickLocale, t } from "@/lib/i18n";
import type { ReportPeriod } from "@/lib/model/report";

/*
 * The report's own page (report.html, issue 16): reached from the popup's and the workspace's
 * 催付报表 links and the options page. It reads the chosen range's figures live (a nudge logged or
 * an order paid meanwhile shows at once), and the daily report's day beside them.
 */

const days = (period: ReportPeriod) =>
  `${format(period.from, "yyyyMMdd")}-${format(period.to - 1, "yyyyMMdd")}`;

export function ReportApp() {
  const locale = pickLocale(navigator.languages);
  const db = getDb();
  const [choice, setChoice] = useState<RangeChoice>(() => {
    const now = Date.now();
    return {
      id: "today",
      // A chosen range starts as the last 7 days, for the seller to move.
      fromDay: dayText(subDays(now, 6).getTime()),
      toDay: dayText(now),
    };
  });
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
    document.title = t(locale, "reportPage.title");
  }, [locale]);
  // Read and counted in a worker: at a big shop's scale that takes seconds (use-figures.ts).
  const figures = useFigures(choice);
  // The daily report is of yesterday when that is the range, else of today: one read when the
  // range is that day already.
  const dailyId = choice.id === "yesterday" ? "yesterday" : "today";
  const ownDaily = useFigures(
    choice.id === dailyId ? undefined : { ...choice, id: dailyId },
  );
  const daily = choice.id === dailyId ? figures : ownDaily;
  const names = useLiveQuery(() => templateNames(db), [], new Map());
  const [exportNotice, setExportNotice] = useState<string>();
  const roster = useLiveQuery(() => readPlainSetting(db, "teamRoster"), [db]);

  /**
   * The range's own nudges for the lead (issue 17), named by the agent's name and carrying the
   * held roster's team, so that the lead's PayNudge refuses another team's file.
   */
  async function exportTeamLog() {
    const now = Date.now();
    const period = periodOf(choice, now);
    const [nickname, roster, me] = await Promise.all([
      readPlainSetting(db, "agentName"),
      readPlainSetting(db, "teamRoster"),
      readPlainSetting(db, "teamMe"),
    ]);
    // The roster name the agent signs with in team mode (compose-context.ts), else the nickname.
    const agent = me ?? nickname;
    if (agent === undefined) {
      setExportNotice(t(locale, "reportPage.teamLogNeedsName"));
      return;
    }
    setExportNotice(undefined);
    const file = await teamLogOf(db, {
      agent,
      now,
      range: period,
      ...(roster ? { teamId: roster.teamId } : {}),
    });
    downloadFile({
      name: `paynudge-team-${agent}-${days(period)}.json`,
      text: JSON.stringify(file),
      type: "application/json",
    });
  }

  return (
    <ReportView
      locale={locale}
      choice={choice}
      onChoice={setChoice}
      figures={figures}
      daily={daily}
      templateNames={names}
      onExportReport={() => {
        if (!figures) return;
        downloadFile({
          name: `paynudge-report-${days(figures.current.period)}.csv`,
          text: reportCsv(locale, figures, names),
          type: "text/csv",
        });
      }}
      team={roster !== undefined}
      exportNotice={exportNotice}
      onExportTeamLog={() => {
        exportTeamLog().catch((error: unknown) =>
          console.error("PayNudge: the team log's export", error),
        );
      }}
      onExportLog={() => {
        const now = Date.now();
        const period = periodOf(choice, now);
        void nudgeLogCsvOf(db, now, locale, period).then(
          (text) =>
            downloadFile({
              name: `paynudge-nudges-${days(period)}.csv`,
              text,
              type: "text/csv",
            }),
          (error: unknown) =>
            console.error("PayNudge: the nudge log's export", error),
        );
      }}
    />
  );
}
