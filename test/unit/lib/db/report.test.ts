import { describe, expect, it } from "vitest";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import { nudgeReport, reportBounds } from "@/lib/db/report";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const MIDNIGHT = new Date(2026, 10, 23).getTime();

const order = (id: string, status: StoredOrder["status"]): StoredOrder => ({
  key: `taobao:${id}`,
  platform: "taobao",
  orderId: id,
  status,
  items: [],
  pageUrl: "https://trade.taobao.com/",
  firstSeenAt: MIDNIGHT,
  lastSeenAt: NOW,
  nudgeCount: 1,
});
const nudge = (
  id: string,
  minutesAgo: number,
  extra: Partial<NudgeLog> = {},
): NudgeLog => ({
  orderKey: `taobao:${id}`,
  at: NOW - minutesAgo * MIN,
  channel: "chat",
  ...extra,
});

describe("the nudge report", () => {
  const orders = new Map(
    [order("1", "paid"), order("2", "unpaid"), order("3", "closed")].map(
      (o) => [o.key, o],
    ),
  );
  const log = [
    nudge("1", 300, { outcome: "will-pay", reason: "shipping-cost" }),
    // The same buyer gave the same reason again: one order, one reason.
    nudge("1", 200, { channel: "sms", reason: "shipping-cost" }),
    nudge("2", 100, { outcome: "not-wanted", reason: "comparing" }),
    nudge("3", 50, {
      channel: "phone",
      outcome: "no-answer",
      reason: "shipping-cost",
    }),
    // A backup may carry words this version does not know: not counted, not trusted.
    nudge("3", 40, { outcome: "shouted", reason: "<img src=x>" }),
    // Yesterday: outside today's report.
    nudge("2", 16 * 60, { outcome: "will-pay", reason: "balance" }),
  ];

  it("counts today's nudges, their orders, channels, answers and reasons (most heard first)", () => {
    const { from, to } = reportBounds("today", NOW);
    expect([from, to]).toEqual([MIDNIGHT, NOW]);
    const report = nudgeReport(log, orders, from, to);
    expect(report.nudges).toBe(5);
    expect(report.orders).toBe(3);
    expect(report.paid).toBe(1);
    expect(report.byChannel).toEqual({ chat: 3, sms: 1, phone: 1, button: 0 });
    expect(report.outcomes).toEqual([
      { id: "will-pay", count: 1 },
      { id: "not-wanted", count: 1 },
      { id: "no-answer", count: 1 },
      { id: "none", count: 2 },
    ]);
    expect(report.reasons).toEqual([
      { id: "shipping-cost", count: 2 },
      { id: "comparing", count: 1 },
    ]);
  });

  it("takes the last seven days, today included, for the week", () => {
    const { from } = reportBounds("week", NOW);
    expect(from).toBe(new Date(2026, 10, 17).getTime());
    const report = nudgeReport(log, orders, from, NOW);
    expect(report.nudges).toBe(6);
    expect(report.reasons.map((r) => r.id)).toEqual([
      "shipping-cost",
      "balance",
      "comparing",
    ]);
  });

  it("is empty for a period without nudges, and counts an order it no longer has as unpaid", () => {
    expect(nudgeReport([], orders, MIDNIGHT, NOW)).toMatchObject({
      nudges: 0,
      orders: 0,
      paid: 0,
      outcomes: [],
      reasons: [],
    });
    expect(
      nudgeReport([nudge("gone", 5)], new Map(), MIDNIGHT, NOW),
    ).toMatchObject({ nudges: 1, orders: 1, paid: 0 });
  });
});
