import type { StoredOrder } from "@/lib/model/order";
import type { ReportPeriod, SkipCause } from "@/lib/model/report";
import { inPeriod } from "@/lib/engine/report/periods";

/*
 * Nudges held back, from what PayNudge stores (once per order and cause):
 *   quiet-hours, buyer-cap: orders first seen unpaid in the period (firstSeenAt for orders stored
 *     before unpaidSeenAt was kept) whose plan says no nudge fits before their close for that
 *     cause (noSlotCause). The plan is the order's current one, not a history: an order that a
 *     later plan could nudge, or that was paid since, no longer counts.
 *   declined: orders whose buyer said, in the period, they no longer want them (declinedAt):
 *     PayNudge stops nudging them.
 * A colleague's note holding a nudge back is not stored (the page only warns the agent), so that
 * cause is left out rather than counted as none.
 */

const COUNTED = ["quiet-hours", "buyer-cap", "declined"] as const;

export function skippedCounts(
  orders: Iterable<StoredOrder>,
  period: ReportPeriod,
): { cause: SkipCause; count: number }[] {
  const counts = new Map<SkipCause, number>(COUNTED.map((c) => [c, 0]));
  const add = (cause: SkipCause) => counts.set(cause, counts.get(cause)! + 1);
  for (const order of orders) {
    if (
      order.noSlotCause !== undefined &&
      inPeriod(order.unpaidSeenAt ?? order.firstSeenAt, period)
    )
      add(order.noSlotCause);
    if (inPeriod(order.declinedAt, period)) add("declined");
  }
  return COUNTED.map((cause) => ({ cause, count: counts.get(cause)! }));
}
