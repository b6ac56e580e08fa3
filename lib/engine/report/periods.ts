import {
  addDays,
  differenceInCalendarDays,
  startOfDay,
  subDays,
} from "date-fns";
import type { ReportPeriod, ReportRangeId } from "@/lib/model/report";

/*
 * The report's periods in local time, as whole local days [midnight, midnight): today is the
 * whole day (its previous period is all of yesterday, as a seller compares), 7 and 30 days end
 * with today, a chosen range runs from its first day's midnight to the midnight after its last.
 * Days are counted on the calendar (date-fns), so a day of 23 or 25 hours (a DST change) is one day.
 */

/** A chosen range: any moment of its first and of its last day (read in order if swapped). */
export interface CustomDays {
  first: number;
  last: number;
}

const wholeDays = (first: Date, count: number): ReportPeriod => ({
  from: first.getTime(),
  to: addDays(first, count).getTime(),
});

/** The period a range covers at `now`; "custom" needs its days. */
export function reportPeriod(
  range: ReportRangeId,
  now: number,
  custom?: CustomDays,
): ReportPeriod {
  const today = startOfDay(now);
  switch (range) {
    case "today":
      return wholeDays(today, 1);
    case "yesterday":
      return wholeDays(subDays(today, 1), 1);
    case "7d":
      return wholeDays(subDays(today, 6), 7);
    case "30d":
      return wholeDays(subDays(today, 29), 30);
    case "custom": {
      const a = startOfDay(custom?.first ?? now);
      const b = startOfDay(custom?.last ?? now);
      const [first, last] = a <= b ? [a, b] : [b, a];
      return { from: first.getTime(), to: addDays(last, 1).getTime() };
    }
  }
}

const isMidnight = (at: number) => startOfDay(at).getTime() === at;

/**
 * The period of the same length just before: as many local days for a period of whole days
 * (yesterday for today, the 7 days before the last 7), else the same number of ms.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (isMidnight(period.from) && isMidnight(period.to)) {
    const days = Math.max(1, differenceInCalendarDays(period.to, period.from));
    return { from: subDays(period.from, days).getTime(), to: period.from };
  }
  return { from: period.from - (period.to - period.from), to: period.from };
}

/** The local midnights of the days a period touches, in order (the charts' days). */
export function dayStarts(period: ReportPeriod): number[] {
  const days: number[] = [];
  for (
    let day = startOfDay(period.from);
    day.getTime() < period.to;
    day = addDays(day, 1)
  )
    days.push(day.getTime());
  return days;
}

/** Whether a moment falls in the period, [from, to). */
export const inPeriod = (at: number | undefined, period: ReportPeriod) =>
  at !== undefined && at >= period.from && at < period.to;
