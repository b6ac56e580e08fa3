import { startOfDay, subDays } from "date-fns";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { NudgeLog } from "@/lib/model/nudge-log";
import { NUDGE_CHANNELS, type NudgeChannel } from "@/lib/model/steps";
import type { StoredOrder } from "@/lib/model/order";
import {
  isOutcomeId,
  isReasonId,
  OUTCOME_IDS,
  type OutcomeId,
  type ReasonId,
} from "@/lib/templates/outcomes";

/*
 * The nudge report (shared/domain.md): every reason heard is counted, so that over time the shop
 * fixes what makes buyers leave orders unpaid (shipping price, the page, stock, agent training).
 */

export type ReportRange = "today" | "week";

export interface NudgeReport {
  from: number;
  to: number;
  /** Nudges logged in the range. */
  nudges: number;
  /** Orders they were for. */
  orders: number;
  /** Of those orders, the ones paid by now. */
  paid: number;
  byChannel: Record<NudgeChannel, number>;
  /** What buyers answered, one count per nudge; "none" when no answer was recorded. */
  outcomes: { id: OutcomeId | "none"; count: number }[];
  /** Why they had not paid, once per order and reason; most heard first. */
  reasons: { id: ReasonId; count: number }[];
}

/** Today since midnight, or the last seven days including today, in local time. */
export function reportBounds(
  range: ReportRange,
  now: number,
): { from: number; to: number } {
  const today = startOfDay(now);
  return {
    from: (range === "today" ? today : subDays(today, 6)).getTime(),
    to: now,
  };
}

/** The report of the nudges logged in [from, to], with the orders they were for. */
export function nudgeReport(
  nudges: readonly NudgeLog[],
  orders: ReadonlyMap<string, StoredOrder>,
  from: number,
  to: number,
): NudgeReport {
  const inRange = nudges.filter((n) => n.at >= from && n.at <= to);
  const byChannel = Object.fromEntries(
    NUDGE_CHANNELS.map((c) => [c, 0]),
  ) as Record<NudgeChannel, number>;
  const outcomeCounts = new Map<OutcomeId | "none", number>();
  const reasonPairs = new Set<string>();
  const reasonCounts = new Map<ReasonId, number>();
  const keys = new Set<string>();
  for (const nudge of inRange) {
    keys.add(nudge.orderKey);
    if (nudge.channel in byChannel) byChannel[nudge.channel] += 1;
    const outcome = isOutcomeId(nudge.outcome) ? nudge.outcome : "none";
    outcomeCounts.set(outcome, (outcomeCounts.get(outcome) ?? 0) + 1);
    // Stored logs come from backups too: an unknown reason is not counted rather than trusted.
    if (isReasonId(nudge.reason)) {
      const pair = `${nudge.orderKey}\u0000${nudge.reason}`;
      if (!reasonPairs.has(pair)) {
        reasonPairs.add(pair);
        reasonCounts.set(
          nudge.reason,
          (reasonCounts.get(nudge.reason) ?? 0) + 1,
        );
      }
    }
  }
  const paid = [...keys].filter(
    (key) => orders.get(key)?.status === "paid",
  ).length;
  return {
    from,
    to,
    nudges: inRange.length,
    orders: keys.size,
    paid,
    byChannel,
    outcomes: [...OUTCOME_IDS, "none" as const]
      .filter((id) => outcomeCounts.has(id))
      .map((id) => ({ id, count: outcomeCounts.get(id)! })),
    reasons: [...reasonCounts]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
  };
}

/** Reads the range's nudges through the `at` index, and only the orders they were for. */
export async function loadNudgeReport(
  db: PayNudgeDB,
  range: ReportRange,
  now: number,
): Promise<NudgeReport> {
  const { from, to } = reportBounds(range, now);
  const nudges = await db.nudges
    .where("at")
    .between(from, to, true, true)
    .toArray();
  const keys = [...new Set(nudges.map((n) => n.orderKey))];
  const rows = await db.orders.bulkGet(keys);
  const orders = new Map<string, StoredOrder>();
  rows.forEach((order) => order && orders.set(order.key, order));
  return nudgeReport(nudges, orders, from, to);
}
