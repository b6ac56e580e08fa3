import type { NudgeLog } from "@/lib/model/nudge-log";
import type { ReasonRow, ReportPeriod } from "@/lib/model/report";
import { inPeriod } from "@/lib/engine/report/periods";

/*
 * Why buyers had not paid (shared/domain.md: the shop fixes the causes over time): each reason
 * once per order, however often it was heard, with the previous period's count for the trend.
 * The nudges' reasons are known ids (lib/db/report-figures.ts drops any other before this).
 */

/** Each reason's count over the nudges in the period, once per order and reason. */
function reasonCounts(
  nudges: readonly NudgeLog[],
  period: ReportPeriod,
): Map<string, number> {
  const pairs = new Set<string>();
  const counts = new Map<string, number>();
  for (const nudge of nudges) {
    if (nudge.reason === undefined || !inPeriod(nudge.at, period)) continue;
    const pair = `${nudge.orderKey}\u0000${nudge.reason}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    counts.set(nudge.reason, (counts.get(nudge.reason) ?? 0) + 1);
  }
  return counts;
}

/** Reasons heard in either period, most heard now first; share of all reasons counted now. */
export function reasonRows(
  nudges: readonly NudgeLog[],
  period: ReportPeriod,
  previous: ReportPeriod,
): ReasonRow[] {
  return reasonRowsOf(
    reasonCounts(nudges, period),
    reasonCounts(nudges, previous),
  );
}

/** The rows of each reason's count now and before. */
export function reasonRowsOf(
  now: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
): ReasonRow[] {
  let total = 0;
  for (const count of now.values()) total += count;
  return [...new Set([...now.keys(), ...before.keys()])]
    .map((id) => ({
      id,
      count: now.get(id) ?? 0,
      share: total > 0 ? (now.get(id) ?? 0) / total : 0,
      previousCount: before.get(id) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        b.previousCount - a.previousCount ||
        a.id.localeCompare(b.id),
    );
}
