import fc from "fast-check";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import { DAY, HOUR, storedOrder } from "@/test/support/report-rows";

/*
 * Random shops for the report's property tests: orders of two platforms and two shops, seen at any
 * hour of 70 days, paid (with or without the page's payment time) or not, held back, declined, and
 * their nudges, ties in time and orphans (a nudge whose order is gone) included.
 */

const nudgeArb = fc.record({
  afterHours: fc.integer({ min: -30, max: 120 }),
  channel: fc.constantFrom("chat", "phone", "sms"),
  step: fc.constantFrom(undefined, "first", "second"),
  templateId: fc.constantFrom(undefined, "tpl-a", "tpl-b"),
  agent: fc.constantFrom(undefined, "小美", "阿华"),
  reason: fc.constantFrom(undefined, "balance", "coupon", "shipping-cost"),
});

const orderArb = fc.record({
  seenHoursAgo: fc.integer({ min: 0, max: 70 * 24 }),
  platform: fc.constantFrom("taobao", "jd"),
  shop: fc.constantFrom(undefined, "一号店", "二号店"),
  sawUnpaid: fc.boolean(),
  paidAfterHours: fc.option(fc.integer({ min: 0, max: 150 }), {
    nil: undefined,
  }),
  pagePaidTime: fc.boolean(),
  usd: fc.boolean(),
  amountCents: fc.option(fc.integer({ min: 0, max: 100_000 }), {
    nil: undefined,
  }),
  held: fc.constantFrom(undefined, "quiet-hours", "buyer-cap"),
  /** Which of its nudges the buyer answered "no longer wanted" (mod their number). */
  declinedWith: fc.option(fc.nat({ max: 3 }), { nil: undefined }),
  nudges: fc.array(nudgeArb, { maxLength: 4 }),
  orphan: fc.boolean(),
});

export type OrderSpec =
  typeof orderArb extends fc.Arbitrary<infer T> ? T : never;

export const shopArb = fc.array(orderArb, { maxLength: 30 });

/** Order `i` of a spec at `now`: its row (none for an orphan) and its nudges. */
function rowsOf(
  spec: OrderSpec,
  i: number,
  now: number,
): { order?: StoredOrder; nudges: NudgeLog[] } {
  const id = String(3905120000000000000n + BigInt(i));
  const key = `${spec.platform}:${id}`;
  const seen = now - spec.seenHoursAgo * HOUR;
  const nudges = spec.nudges
    .map((n): NudgeLog => ({
      orderKey: key,
      at: seen + n.afterHours * HOUR,
      channel: n.channel as NudgeLog["channel"],
      ...(n.step && { step: n.step }),
      ...(n.templateId && { templateId: n.templateId }),
      ...(n.agent && { agent: n.agent }),
      ...(n.reason && { reason: n.reason }),
    }))
    .filter((n) => n.at <= now);
  if (spec.orphan) return { nudges };
  const paid =
    spec.paidAfterHours === undefined
      ? undefined
      : seen + spec.paidAfterHours * HOUR;
  const order = storedOrder(id, seen, {
    key,
    platform: spec.platform as StoredOrder["platform"],
    nudgeCount: nudges.length,
    ...(nudges.length && { lastNudgeAt: Math.max(...nudges.map((n) => n.at)) }),
    ...(spec.shop && { shopName: spec.shop }),
    ...(spec.usd && { currency: "USD" as const }),
    ...(spec.amountCents === undefined
      ? { amountCents: undefined }
      : { amountCents: spec.amountCents }),
    // A buyer declines in answer to a nudge: logNudge keeps that nudge's time as declinedAt, so
    // an order is never declined after its last nudge.
    ...(spec.declinedWith !== undefined &&
      nudges.length > 0 && {
        declinedAt: nudges[spec.declinedWith % nudges.length]!.at,
      }),
  });
  if (!spec.sawUnpaid) delete order.unpaidSeenAt;
  if (paid !== undefined && paid <= now) {
    order.status = "paid";
    order.paidSeenAt = paid + (spec.pagePaidTime ? HOUR : 0);
    if (spec.pagePaidTime) order.paidAt = paid;
  } else if (spec.held) {
    order.noSlotCause = spec.held;
    order.deadlineAt = seen + 2 * DAY;
  }
  return { order, nudges };
}

/** All rows of a shop at `now`. */
export function shopRows(specs: readonly OrderSpec[], now: number) {
  const orders: StoredOrder[] = [];
  const nudges: NudgeLog[] = [];
  specs.forEach((spec, i) => {
    const rows = rowsOf(spec, i, now);
    if (rows.order) orders.push(rows.order);
    nudges.push(...rows.nudges);
  });
  return { orders, nudges };
}
