import type { PeriodFigures, ReportPeriod } from "@/lib/model/report";
import type { Attributed } from "@/lib/engine/report/report-data";
import { inPeriod } from "@/lib/engine/report/periods";
import { skippedCounts } from "@/lib/engine/report/skipped";
import { addAmount, median, noCents, rate } from "@/lib/engine/report/tally";

/**
 * One period's figures. Recovered and paid by themselves are the orders paid in the period (their
 * credited nudge may be before it, within the window); nudged are the orders with a nudge logged
 * in it, so the rate compares the period's recoveries with the period's nudging.
 */
export function periodFigures(
  data: Attributed,
  period: ReportPeriod,
  unpaidSeen: number,
): PeriodFigures {
  const nudged = new Set<string>();
  for (const nudge of data.nudges)
    if (inPeriod(nudge.at, period)) nudged.add(nudge.orderKey);
  let recovered = 0;
  let paidByThemselves = 0;
  let paidTimeEstimated = 0;
  const recoveredCents = noCents();
  const timesToPay: number[] = [];
  for (const [key, a] of data.attributions) {
    if (!inPeriod(a.paidTime, period)) continue;
    if (a.kind === "self") paidByThemselves += 1;
    if (a.kind !== "recovered") continue;
    recovered += 1;
    addAmount(recoveredCents, data.orders.get(key)!);
    timesToPay.push(a.timeToPayMs!);
    if (a.estimated) paidTimeEstimated += 1;
  }
  return {
    period,
    unpaidSeen,
    nudged: nudged.size,
    recovered,
    recoveryRate: rate(recovered, nudged.size),
    recoveredCents,
    paidByThemselves,
    skipped: skippedCounts(data.orders.values(), period),
    medianTimeToPayMs: median(timesToPay),
    paidTimeEstimated,
  };
}
