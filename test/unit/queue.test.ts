import { beforeEach, describe, expect, it } from "vitest";
import { PayNudgeDB } from "../../lib/db";
import type { StoredOrder } from "../../lib/order";
import { todayQueue } from "../../lib/queue";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();

function row(
  id: string,
  dueInMinutes: number | undefined,
  status: StoredOrder["status"] = "unpaid",
): StoredOrder {
  const order: StoredOrder = {
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status,
    items: [],
    pageUrl: "https://trade.taobao.com/",
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    nudgeCount: 0,
  };
  if (dueInMinutes !== undefined) order.nextDueAt = NOW + dueInMinutes * MIN;
  return order;
}

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

const summary = (groups: Awaited<ReturnType<typeof todayQueue>>) =>
  Object.fromEntries(
    groups.map((g) => [
      g.id,
      { count: g.count, ids: g.orders.map((o) => o.orderId) },
    ]),
  );

describe("today's queue", () => {
  it("splits orders into overdue, due now, later today and done today, soonest first", async () => {
    await db.orders.bulkPut([
      row("late2", -200),
      row("late1", -31),
      row("now1", -30),
      row("now2", 0),
      row("soon", 1),
      row("tonight", 11 * 60 + 59),
      row("tomorrow", 12 * 60 + 1),
      row("paid", undefined, "paid"),
      row("nudged", undefined),
    ]);
    await db.nudges.bulkAdd([
      { orderKey: "taobao:nudged", at: NOW - 60 * MIN, channel: "chat" },
      { orderKey: "taobao:nudged", at: NOW - 30 * MIN, channel: "sms" },
      { orderKey: "taobao:paid", at: NOW - 13 * 60 * MIN, channel: "chat" },
    ]);
    expect(summary(await todayQueue(db, NOW))).toEqual({
      overdue: { count: 2, ids: ["late2", "late1"] },
      due: { count: 2, ids: ["now1", "now2"] },
      later: { count: 2, ids: ["soon", "tonight"] },
      done: { count: 1, ids: ["nudged"] },
    });
  });

  it("reads only the first rows of a huge group but counts them all", async () => {
    await db.orders.bulkPut(
      Array.from({ length: 500 }, (_, i) =>
        row(String(i).padStart(3, "0"), -40 - i),
      ),
    );
    const [overdue] = await todayQueue(db, NOW, 10);
    expect(overdue!.count).toBe(500);
    expect(overdue!.orders.map((o) => o.orderId)).toEqual([
      "499",
      "498",
      "497",
      "496",
      "495",
      "494",
      "493",
      "492",
      "491",
      "490",
    ]);
  });
});
