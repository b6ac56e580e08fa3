import {
  encodeLines,
  type LineColumns,
} from "@/lib/engine/report/line-columns";
import type { ReportLine } from "@/lib/engine/report/lines";

/** One stored day of report lines (lib/engine/report/line-columns.ts). */
export interface DigestDay extends LineColumns {
  day: number;
}

/** Lines are filed by the UTC day of their latest moment (lineLatest): a fixed grid, whatever the zone. */
const DIGEST_DAY_MS = 86_400_000;

export const digestDayOf = (at: number) => Math.floor(at / DIGEST_DAY_MS);

export const encodeDay = (
  day: number,
  lines: readonly ReportLine[],
): DigestDay => ({ day, ...encodeLines(lines) });
