import type { DayFigures, ReportPeriod } from "@/lib/model/report";
import type { Attributed } from "@/lib/engine/report/report-data";
import { dayStarts, inPeriod } from "@/lib/engine/report/periods";
import { rate } from "@/lib/engine/report/tally";

/*
 * The range day by day (local midnights, date-fns), for the charts: orders nudged that day,
 * orders recovered that day (paid that day), their amounts and the reasons heard, each reason
 * once per order a day.
 */

/** The index of the last day start at or before `at` (days ascending, `at` in the period). */
export function dayIndex(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A day of the charts before anything is counted in it. */
export const emptyDay = (day: number): DayFigures => ({
  day,
  nudged: 0,
  recovered: 0,
  recoveryRate: null,
  recoveredCents: 0,
  recoveredUsdCents: 0,
  reasons: {},
});

export function dayFigures(
  data: Attributed,
  period: ReportPeriod,
): DayFigures[] {
  const starts = dayStarts(period);
  const nudged = starts.map(() => new Set<string>());
  const reasonPairs = starts.map(() => new Set<string>());
  const days = starts.map(emptyDay);
  for (const nudge of data.nudges) {
    if (!inPeriod(nudge.at, period)) continue;
    const i = dayIndex(starts, nudge.at);
    nudged[i]!.add(nudge.orderKey);
    if (nudge.reason === undefined) continue;
    const pair = `${nudge.orderKey}\u0000${nudge.reason}`;
    if (reasonPairs[i]!.has(pair)) continue;
    reasonPairs[i]!.add(pair);
    const reasons = days[i]!.reasons;
    reasons[nudge.reason] = (reasons[nudge.reason] ?? 0) + 1;
  }
  for (const [key, a] of data.attributions) {
    if (a.kind !== "recovered" || !inPeriod(a.paidTime, period)) continue;
    const day = days[dayIndex(starts, a.paidTime)]!;
    const order = data.orders.get(key)!;
    day.recovered += 1;
    if (order.currency === "USD")
      day.recoveredUsdCents += order.amountCents ?? 0;
    else day.recoveredCents += order.amountCents ?? 0;
  }
  days.forEach((day, i) => {
    day.nudged = nudged[i]!.size;
    day.recoveryRate = rate(day.recovered, day.nudged);
  });
  return days;
}
