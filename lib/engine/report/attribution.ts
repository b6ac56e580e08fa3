import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

/*
 * The one definition (lib/model/report.ts): an order is recovered when PayNudge sees it paid after
 * at least one logged nudge, within the attribution window from the last nudge before payment,
 * and that nudge gets the credit. Paid with no nudge before it, after PayNudge saw it unpaid: paid
 * by itself (the baseline). Paid after nudges but beyond the window: neither.
 *
 * The payment's moment is the page's payment time (paidAt) when an adapter read one, else the
 * moment PayNudge first saw the order paid (paidSeenAt: a page showing it, or the agent's mark),
 * which is later than the payment by however long nobody looked: counted as estimated.
 *
 * An order paid and then closed or refunded stays paid as first seen: PayNudge saw the payment
 * the nudge won, and what happens after it (a refund, a close) does not take the payment back.
 * An order stored paid before paidSeenAt was kept has no known payment moment and is left out.
 */

type AttributionKind = "recovered" | "self" | "neither";

export interface Attribution {
  kind: AttributionKind;
  /** When it was paid (paidAt, else paidSeenAt). */
  paidTime: number;
  /** The payment time is the moment PayNudge first saw it paid. */
  estimated: boolean;
  /** The last nudge before payment: the credited one when recovered. */
  lastNudge?: NudgeLog;
  /** paidTime − the last nudge's time, when recovered. */
  timeToPayMs?: number;
}

const HOUR_MS = 3_600_000;

/** When the order was paid, as far as PayNudge knows; undefined while not seen paid. */
const paymentTime = (order: StoredOrder): number | undefined =>
  order.paidAt ?? order.paidSeenAt;

/** Each order's nudges, oldest first. */
export function nudgesByOrder(
  nudges: readonly NudgeLog[],
): Map<string, NudgeLog[]> {
  const byOrder = new Map<string, NudgeLog[]>();
  for (const nudge of nudges) {
    const list = byOrder.get(nudge.orderKey);
    if (list) list.push(nudge);
    else byOrder.set(nudge.orderKey, [nudge]);
  }
  for (const list of byOrder.values()) list.sort((a, b) => a.at - b.at);
  return byOrder;
}

/**
 * How one order's payment is credited: `nudges` are its own, oldest first (all of them up to the
 * payment that may be in the window; an earlier one only tells it was nudged). Undefined while it
 * is not known paid. A nudge logged at the payment's very moment counts as before it.
 */
export function attributeOrder(
  order: StoredOrder,
  nudges: readonly NudgeLog[],
  attributionHours: number,
): Attribution | undefined {
  const paidTime = paymentTime(order);
  if (paidTime === undefined) return undefined;
  const estimated = order.paidAt === undefined;
  let lastNudge: NudgeLog | undefined;
  for (const nudge of nudges) {
    if (nudge.at > paidTime) break;
    lastNudge = nudge;
  }
  if (lastNudge === undefined) {
    // The baseline counts only payments PayNudge saw happen: seen unpaid first. An order first
    // seen already paid (a list of old paid orders) says nothing of what nudging changes.
    const sawUnpaid =
      order.unpaidSeenAt !== undefined && order.unpaidSeenAt <= paidTime;
    return { kind: sawUnpaid ? "self" : "neither", paidTime, estimated };
  }
  const timeToPayMs = paidTime - lastNudge.at;
  if (timeToPayMs > attributionHours * HOUR_MS)
    return { kind: "neither", paidTime, estimated, lastNudge };
  return { kind: "recovered", paidTime, estimated, lastNudge, timeToPayMs };
}

/** Every paid order's attribution, by order key. */
export function attributeOrders(
  orders: readonly StoredOrder[],
  byOrder: ReadonlyMap<string, readonly NudgeLog[]>,
  attributionHours: number,
): Map<string, Attribution> {
  const out = new Map<string, Attribution>();
  for (const order of orders) {
    const attribution = attributeOrder(
      order,
      byOrder.get(order.key) ?? [],
      attributionHours,
    );
    if (attribution) out.set(order.key, attribution);
  }
  return out;
}
