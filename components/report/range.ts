import { addDays, format, isValid, parse, startOfDay } from "date-fns";
import type { ReportPeriod, ReportRangeId } from "@/lib/model/report";

/*
 * The ranges of the report's picker as periods of whole local days, [from, to): today is the whole
 * day (so its previous period is all of yesterday, as a seller compares), 7 and 30 days end with
 * today, a chosen range runs from its first day's midnight to the midnight after its last day.
 */

/** What the picker holds; a chosen range names its first and last day (yyyy-MM-dd, inclusive). */
export interface RangeChoice {
  id: ReportRangeId;
  /** The chosen range's days, as the date fields give them; read only when id is "custom". */
  fromDay: string;
  toDay: string;
}

/** A chosen range longer than this is cut to its last days: the store keeps 90 days by default. */
export const MAX_CUSTOM_DAYS = 366;

export const dayText = (at: number) => format(at, "yyyy-MM-dd");

/** A day field's value as its local midnight, or undefined when it is not a date. */
export function dayOf(text: string): number | undefined {
  const day = parse(text, "yyyy-MM-dd", new Date(0));
  return isValid(day) ? startOfDay(day).getTime() : undefined;
}

/** The period a choice covers at `now`; a chosen range with its days swapped is read in order. */
export function periodOf(choice: RangeChoice, now: number): ReportPeriod {
  const today = startOfDay(now);
  const days = (first: Date, count: number): ReportPeriod => ({
    from: first.getTime(),
    to: addDays(first, count).getTime(),
  });
  switch (choice.id) {
    case "today":
      return days(today, 1);
    case "yesterday":
      return days(addDays(today, -1), 1);
    case "7d":
      return days(addDays(today, -6), 7);
    case "30d":
      return days(addDays(today, -29), 30);
    case "custom": {
      const a = dayOf(choice.fromDay) ?? today.getTime();
      const b = dayOf(choice.toDay) ?? today.getTime();
      const [first, last] = a <= b ? [a, b] : [b, a];
      const from = Math.max(
        first,
        addDays(last, 1 - MAX_CUSTOM_DAYS).getTime(),
      );
      return { from, to: addDays(last, 1).getTime() };
    }
  }
}

/** The last day a period covers (its `to` is the midnight after it). */
export const lastDayOf = (period: ReportPeriod) =>
  addDays(period.to, -1).getTime();
