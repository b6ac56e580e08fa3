import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { buyerId, recentNudgesByBuyer } from "@/lib/db/buyer-nudges";
import { PayNudgeDB } from "@/lib/db/schema";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import type { StoredOrder } from "@/lib/model/order";

const HOUR = 3_600_000;
const NOW = new Date(2026, 10, 11, 20, 0).getTime();
const WINDOW = DEFAULT_ENGINE_SETTINGS.buyerCap.windowMs;

const freshDb = () => new PayNudgeDB(`test-${crypto.randomUUID()}`);

const baseOrder = {
  status: "unpaid" as const,
  items: [],
  pageUrl: "https://trade.taobao.com/",
  firstSeenAt: NOW - HOUR,
  lastSeenAt: NOW - HOUR,
  nudgeCount: 0,
};

/** The answer read plainly from the database: every nudge in the window, each order's buyer. */
async function plainAnswer(db: PayNudgeDB, now: number, windowMs: number) {
  const recent = await db.nudges
    .where("at")
    .above(now - windowMs)
    .toArray();
  const orders = await db.orders.bulkGet(recent.map((n) => n.orderKey));
  const out = new Map<string, number[]>();
  recent.forEach((nudge, i) => {
    const order = orders[i];
    const buyer = order ? buyerId(order) : `order:${nudge.orderKey}`;
    out.set(buyer, [...(out.get(buyer) ?? []), nudge.at]);
  });
  for (const times of out.values()) times.sort((a, b) => a - b);
  return out;
}

const inTx = <T>(db: PayNudgeDB, fn: () => Promise<T>) =>
  db.transaction("rw", db.orders, db.nudges, fn);

/** Few platforms, ids and nicknames, so buyers share nicknames across orders and change. */
const platform = fc.constantFrom("taobao" as const, "jd" as const);
const orderId = fc.integer({ min: 1, max: 6 }).map(String);
const step = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("order" as const),
      platform,
      orderId,
      buyer: fc.option(fc.constantFrom("t**1", "小王", "a:b"), {
        nil: undefined,
      }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("nudge" as const),
      platform,
      orderId,
      hoursAgo: fc.integer({ min: -2, max: 30 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("delete-order" as const),
      platform,
      orderId,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("delete-nudge" as const),
      nth: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("ask" as const),
      hoursLater: fc.integer({ min: -3, max: 12 }),
      windowHours: fc.constantFrom(6, 24, 48),
      only: fc.option(
        fc.array(
          fc.constantFrom(
            "buyer:taobao:t**1",
            "buyer:jd:小王",
            "buyer:taobao:a:b",
            "order:taobao:3",
            "order:jd:4",
          ),
        ),
        { nil: undefined, freq: 2 },
      ),
    }),
  },
);

describe("the buyer cap's nudges, kept between reads", () => {
  it("always give what the database holds, whatever was written between two reads", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 40, size: "max" }),
        async (steps) => {
          const db = freshDb();
          for (const s of steps) {
            const key = "orderId" in s ? `${s.platform}:${s.orderId}` : "";
            if (s.kind === "order") {
              const { kind: _, ...fields } = s;
              const row: StoredOrder = { ...baseOrder, ...fields, key };
              if (row.buyer === undefined) delete row.buyer;
              await db.orders.put(row);
            } else if (s.kind === "nudge") {
              await db.nudges.add({
                orderKey: key,
                at: NOW - s.hoursAgo * HOUR,
                channel: "chat",
              });
            } else if (s.kind === "delete-order") {
              await db.orders.delete(key);
            } else if (s.kind === "delete-nudge") {
              const ids = await db.nudges.toCollection().primaryKeys();
              if (ids.length) await db.nudges.delete(ids[s.nth % ids.length]!);
            } else {
              const now = NOW + s.hoursLater * HOUR;
              const settings = { buyerCap: { windowMs: s.windowHours * HOUR } };
              const only = s.only && new Set<string>(s.only);
              const got = await inTx(db, () =>
                recentNudgesByBuyer(db, now, settings, only),
              );
              const want = await plainAnswer(
                db,
                now,
                settings.buyerCap.windowMs,
              );
              if (only)
                for (const buyer of want.keys())
                  if (!only.has(buyer)) want.delete(buyer);
              expect(got).toEqual(want);
            }
          }
          await db.delete();
        },
      ),
      { numRuns: 200 },
    );
    // 200 histories of up to 40 database writes each: seconds on a loaded machine.
  }, 60_000);

  it("counts a buyer's nudges on their other orders within the window only", async () => {
    const db = freshDb();
    await db.orders.bulkPut([
      {
        ...baseOrder,
        platform: "taobao",
        key: "taobao:1",
        orderId: "1",
        buyer: "t**1",
      },
      {
        ...baseOrder,
        platform: "taobao",
        key: "taobao:2",
        orderId: "2",
        buyer: "t**1",
      },
      {
        ...baseOrder,
        platform: "jd",
        key: "jd:3",
        orderId: "3",
        buyer: "t**1",
      },
    ]);
    await db.nudges.bulkAdd([
      { orderKey: "taobao:1", at: NOW - 2 * HOUR, channel: "chat" },
      { orderKey: "taobao:2", at: NOW - HOUR, channel: "chat" },
      { orderKey: "taobao:2", at: NOW - WINDOW - HOUR, channel: "chat" },
      { orderKey: "jd:3", at: NOW - HOUR, channel: "chat" },
      // Exactly a window ago: out of it, as the cap's own check has it.
      { orderKey: "taobao:1", at: NOW - WINDOW, channel: "chat" },
    ]);
    const nudges = await inTx(db, () =>
      recentNudgesByBuyer(
        db,
        NOW,
        DEFAULT_ENGINE_SETTINGS,
        new Set(["buyer:taobao:t**1"]),
      ),
    );
    expect([...nudges]).toEqual([
      ["buyer:taobao:t**1", [NOW - 2 * HOUR, NOW - HOUR]],
    ]);
  });

  it("counts a nudge logged through another connection to the database (another page or worker)", async () => {
    const db = freshDb();
    await db.orders.put({
      ...baseOrder,
      platform: "taobao",
      key: "taobao:1",
      orderId: "1",
      buyer: "t**1",
    });
    const ask = () =>
      inTx(db, () => recentNudgesByBuyer(db, NOW, DEFAULT_ENGINE_SETTINGS));
    expect(await ask()).toEqual(new Map());
    const other = new PayNudgeDB(db.name);
    await other.nudges.add({
      orderKey: "taobao:1",
      at: NOW - HOUR,
      channel: "chat",
    });
    other.close();
    expect(await ask()).toEqual(new Map([["buyer:taobao:t**1", [NOW - HOUR]]]));
  });

  it("reads the day's log once, then only what was logged since", async () => {
    const db = freshDb();
    await db.nudges.bulkAdd(
      Array.from({ length: 50 }, (_, i) => ({
        orderKey: `taobao:${i}`,
        at: NOW - i * 60_000,
        channel: "chat" as const,
      })),
    );
    const ask = () =>
      inTx(db, () => recentNudgesByBuyer(db, NOW, DEFAULT_ENGINE_SETTINGS));
    await ask();
    const bulkGet = vi.spyOn(db.orders, "bulkGet");
    const where = vi.spyOn(db.nudges, "where");
    await ask();
    expect(bulkGet).not.toHaveBeenCalled();
    expect(where).not.toHaveBeenCalled();
    await db.nudges.add({ orderKey: "taobao:new", at: NOW, channel: "chat" });
    const answer = await ask();
    expect(where.mock.calls).toEqual([[":id"]]);
    expect(bulkGet.mock.calls).toEqual([[["taobao:new"]]]);
    expect(answer.get("order:taobao:new")).toEqual([NOW]);
  });
});
