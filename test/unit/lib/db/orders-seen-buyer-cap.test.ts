import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buyerId, recentNudgesByBuyer } from "@/lib/db/order-plans";
import { recentNudgesOfBuyers } from "@/lib/db/orders-seen";
import { PayNudgeDB } from "@/lib/db/schema";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import type { StoredOrder } from "@/lib/model/order";

const HOUR = 3_600_000;
const NOW = new Date(2026, 10, 11, 20, 0).getTime();
const WINDOW = DEFAULT_ENGINE_SETTINGS.buyerCap.windowMs;

/** A few platforms and nicknames, so that buyers share nicknames across platforms and orders. */
const order = fc.record({
  platform: fc.constantFrom("taobao" as const, "jd" as const),
  orderId: fc.integer({ min: 1, max: 12 }).map(String),
  buyer: fc.option(fc.constantFrom("t**1", "小王", "a:b"), { nil: undefined }),
});
const nudge = fc.record({
  orderId: fc.integer({ min: 1, max: 14 }).map(String),
  platform: fc.constantFrom("taobao" as const, "jd" as const),
  hoursAgo: fc.integer({ min: 0, max: 48 }),
});

describe("the buyer cap's nudges for a batch's buyers", () => {
  it("are the nudges recentNudgesByBuyer counts for each of them, in the same order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(order, { maxLength: 15 }),
        fc.array(nudge, { maxLength: 25 }),
        fc.array(order, { minLength: 1, maxLength: 8 }),
        async (stored, nudges, batch) => {
          const db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
          const rows = new Map<string, StoredOrder>();
          for (const o of stored) {
            const key = `${o.platform}:${o.orderId}`;
            rows.set(key, {
              ...o,
              key,
              status: "unpaid",
              items: [],
              pageUrl: "https://trade.taobao.com/",
              firstSeenAt: NOW - HOUR,
              lastSeenAt: NOW - HOUR,
              nudgeCount: 0,
            });
          }
          await db.orders.bulkPut([...rows.values()]);
          // Some nudges are of orders not stored (a restored log): their own buyer each.
          await db.nudges.bulkAdd(
            nudges.map((n) => ({
              orderKey: `${n.platform}:${n.orderId}`,
              at: NOW - n.hoursAgo * HOUR,
              channel: "chat" as const,
            })),
          );
          const buyers = new Set(
            batch.map((o) => {
              const key = `${o.platform}:${o.orderId}`;
              return buyerId({ ...rows.get(key), ...o, key });
            }),
          );
          const all = await recentNudgesByBuyer(
            db,
            NOW,
            DEFAULT_ENGINE_SETTINGS,
          );
          const some = await recentNudgesOfBuyers(
            db,
            NOW,
            DEFAULT_ENGINE_SETTINGS,
            buyers,
          );
          for (const buyer of buyers)
            expect(some.get(buyer), buyer).toEqual(all.get(buyer));
          expect([...some.keys()].every((b) => buyers.has(b))).toBe(true);
          await db.delete();
        },
      ),
      { numRuns: 150 },
    );
  });

  it("counts a buyer's nudges on their other orders within the window only", async () => {
    const db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    const base = {
      platform: "taobao" as const,
      status: "unpaid" as const,
      items: [],
      pageUrl: "https://trade.taobao.com/",
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      nudgeCount: 1,
    };
    await db.orders.bulkPut([
      { ...base, key: "taobao:1", orderId: "1", buyer: "t**1" },
      { ...base, key: "taobao:2", orderId: "2", buyer: "t**1" },
      { ...base, key: "jd:3", orderId: "3", platform: "jd", buyer: "t**1" },
    ]);
    await db.nudges.bulkAdd([
      { orderKey: "taobao:1", at: NOW - 2 * HOUR, channel: "chat" },
      { orderKey: "taobao:2", at: NOW - HOUR, channel: "chat" },
      { orderKey: "taobao:2", at: NOW - WINDOW - HOUR, channel: "chat" },
      { orderKey: "jd:3", at: NOW - HOUR, channel: "chat" },
    ]);
    const nudges = await recentNudgesOfBuyers(
      db,
      NOW,
      DEFAULT_ENGINE_SETTINGS,
      new Set(["buyer:taobao:t**1"]),
    );
    expect([...nudges]).toEqual([
      ["buyer:taobao:t**1", [NOW - 2 * HOUR, NOW - HOUR]],
    ]);
  });

  it("gives the same answer when a nickname is shared by more orders than it pays to read by key", async () => {
    const db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    const base = {
      platform: "taobao" as const,
      status: "unpaid" as const,
      items: [],
      pageUrl: "https://trade.taobao.com/",
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      nudgeCount: 0,
    };
    // 30 orders under one common nickname, one of them nudged: the nudged row is read instead.
    await db.orders.bulkPut(
      Array.from({ length: 30 }, (_, i) => ({
        ...base,
        key: `taobao:${i}`,
        orderId: String(i),
        buyer: "小王",
      })),
    );
    await db.nudges.bulkAdd([
      { orderKey: "taobao:7", at: NOW - HOUR, channel: "chat" },
    ]);
    const buyers = new Set(["buyer:taobao:小王", "order:taobao:99"]);
    const nudges = await recentNudgesOfBuyers(
      db,
      NOW,
      DEFAULT_ENGINE_SETTINGS,
      buyers,
    );
    const all = await recentNudgesByBuyer(db, NOW, DEFAULT_ENGINE_SETTINGS);
    expect([...nudges]).toEqual([["buyer:taobao:小王", [NOW - HOUR]]]);
    expect(nudges.get("buyer:taobao:小王")).toEqual(
      all.get("buyer:taobao:小王"),
    );
  });
});
