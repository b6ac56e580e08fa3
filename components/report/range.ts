import { addDays, format, isValid, parse, startOfDay } from "date-fns";
import { reportPeriod } from "@/lib/engine/report/periods";
import type { ReportPeriod, ReportRangeId } from "@/lib/model/report";

/*
 * The report's picker and its periods: the ranges are whole local days as the engine counts them
 * (lib/engine/report/periods.ts); a chosen range is given by its date fields.
 */

/** What the picker holds; a chosen range names its first and last day (yyyy-MM-dd, inclusive). */
export interface RangeChoice {
  id: ReportRangeId;
  /** The chosen range's days, as the date fields give them; read only when id is "custom". */
  fromDay: string;
  toDay: string;
}

/** A chosen range longer than this keeps its last days: a year is more than the store keeps. */
const MAX_CUSTOM_DAYS = 366;

export const dayText = (at: number) => format(at, "yyyy-MM-dd");

/** A day field's value as its local midnight, or undefined when it is not a date. */
function dayOf(text: string): number | undefined {
  const day = parse(text, "yyyy-MM-dd", new Date(0));
  return isValid(day) ? startOfDay(day).getTime() : undefined;
}

/** The period a choice covers at `now`; an empty day field stands for today. */
export function periodOf(choice: RangeChoice, now: number): ReportPeriod {
  if (choice.id !== "custom") return reportPeriod(choice.id, now);
  const period = reportPeriod("custom", now, {
    first: dayOf(choice.fromDay) ?? now,
    last: dayOf(choice.toDay) ?? now,
  });
  const earliest = addDays(period.to, -MAX_CUSTOM_DAYS).getTime();
  return { from: Math.max(period.from, earliest), to: period.to };
}

/** The last day a period covers (its `to` is the midnight after it). */
export const lastDayOf = (period: ReportPeriod) =>
  addDays(period.to, -1).getTime();
