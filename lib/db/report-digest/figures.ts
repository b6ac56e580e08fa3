import type { PayNudgeDB } from "@/lib/db/schema";
import { digestDayOf } from "@/lib/db/report-digest/days";
import { readMarks } from "@/lib/db/report-digest/marks";
import { freshLines } from "@/lib/db/report-digest/fresh-lines";
import { loadReportFigures } from "@/lib/db/report-figures";
import { readPlainSetting } from "@/lib/db/setting-values";
import { lineFigures, type LineBlock } from "@/lib/engine/report/line-figures";
import { encodeLines } from "@/lib/engine/report/line-columns";
import type { ReportLine } from "@/lib/engine/report/lines";
import { previousPeriod } from "@/lib/engine/report/periods";
import type { ReportFigures, ReportPeriod } from "@/lib/model/report";

/**
 * The lines a report of `period` (and the one before it) may need, in one transaction: the days
 * filed from the previous period's start on, each order marked out of date read afresh from its
 * rows instead of its stored line. Undefined while every line is out of date (just after an
 * import or the update that brought lines).
 */
export async function readReportLines(
  db: PayNudgeDB,
  period: ReportPeriod,
): Promise<{ blocks: LineBlock[]; attributionHours: number } | undefined> {
  const since = digestDayOf(previousPeriod(period).from);
  return db.transaction(
    "r",
    [db.reportDirty, db.reportDays, db.orders, db.nudges, db.settings],
    async () => {
      const marked = await readMarks(db);
      if (marked.emptyings.length) return undefined;
      const marks = [...marked.keys];
      const [attributionHours, days, fresh] = await Promise.all([
        readPlainSetting(db, "attributionHours"),
        db.reportDays.where("day").aboveOrEqual(since).toArray(),
        marks.length ? freshLines(db, marks) : [],
      ]);
      const skip = marks.length ? new Set(marks) : undefined;
      const blocks: LineBlock[] = days.map((lines) => ({ lines, skip }));
      const lines: ReportLine[] = [];
      for (const line of fresh) if (line) lines.push(line);
      if (lines.length) blocks.push({ lines: encodeLines(lines) });
      return { blocks, attributionHours };
    },
  );
}

/**
 * The report of `period`, from the stored lines (lib/db/report-digest/fold.ts keeps them); from
 * the rows of the range while every line is out of date. The same figures either way.
 */
export async function loadDigestFigures(
  db: PayNudgeDB,
  period: ReportPeriod,
  now: number,
): Promise<ReportFigures> {
  const read = await readReportLines(db, period);
  if (!read) return loadReportFigures(db, period, now);
  return lineFigures(read.blocks, read, period);
}
