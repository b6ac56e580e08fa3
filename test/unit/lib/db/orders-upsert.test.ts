import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { applySchedule } from "@/lib/db/order-plans";
import { PayNudgeDB } from "@/lib/db/schema";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";
import type { OrderSnapshot } from "@/lib/model/order";
import { dueUnnotified, markNotified, nextAlarmAt } from "@/lib/db/due-orders";
import {
  LAST_SEEN_RESOLUTION_MS,
  upsertSeenOrders,
} from "@/lib/db/orders-seen";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();

function snap(
  id: string,
  minutesAgo: number,
  extra: Partial<OrderSnapshot> = {},
): OrderSnapshot {
  return {
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    createdAt: NOW - minutesAgo * MIN,
    buyer: `buyer-${id}`,
    items: [{ title: `item-${id}` }],
    ...extra,
  };
}

function batch(
  orders: OrderSnapshot[],
  pageUrl = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
) {
  return parseOrdersSeen({ pageUrl, orders });
}

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

describe("upserting seen orders", () => {
  it("stores new orders with their first nudge due and returns views for the badges", async () => {
    const { views } = await upsertSeenOrders(
      db,
      batch([snap("1", 10), snap("2", 45)]),
      NOW,
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(views.map((v) => [v.orderId, v.nextDueAt])).toEqual([
      ["1", NOW + 20 * MIN],
      ["2", NOW - 15 * MIN],
    ]);
    const stored = await db.orders.get("taobao:1");
    expect(stored).toMatchObject({
      buyer: "buyer-1",
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      nudgeCount: 0,
    });
  });

  it("plans with the settings it reads inside its own transaction, and stores nothing when they fail", async () => {
    // Quiet 11:30–13:00: a first nudge at 12:20 waits for 13:00.
    await db.settings.put({
      key: "quietHours",
      value: [{ from: 11 * 60 + 30, to: 13 * 60 }],
    });
    const { views } = await upsertSeenOrders(
      db,
      batch([snap("1", 10)]),
      NOW,
      () => loadEngineSettings(db),
    );
    expect(views[0]!.nextDueAt).toBe(NOW + 60 * MIN);
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBe(NOW + 60 * MIN);

    await expect(
      upsertSeenOrders(db, batch([snap("2", 10)]), NOW, () =>
        Promise.reject(new Error("settings unreadable")),
      ),
    ).rejects.toThrow("settings unreadable");
    expect(await db.orders.get("taobao:2")).toBeUndefined();
  });

  it("keeps what an earlier page showed when a later snapshot lacks it", async () => {
    await upsertSeenOrders(
      db,
      batch([snap("1", 10, { memo: "老客" })]),
      NOW,
      DEFAULT_ENGINE_SETTINGS,
    );
    const later = snap("1", 10, { items: [] });
    delete later.buyer;
    await upsertSeenOrders(
      db,
      batch([later]),
      NOW + MIN,
      DEFAULT_ENGINE_SETTINGS,
    );
    const stored = await db.orders.get("taobao:1");
    expect(stored).toMatchObject({
      buyer: "buyer-1",
      memo: "老客",
      items: [{ title: "item-1" }],
      firstSeenAt: NOW,
      // Seen again within LAST_SEEN_RESOLUTION_MS with nothing new: the row was not rewritten.
      lastSeenAt: NOW,
    });
  });

  it("rewrites a row seen again only when something changed, or its last sighting is an hour old", async () => {
    await upsertSeenOrders(
      db,
      batch([snap("1", 10), snap("2", 10)]),
      NOW,
      DEFAULT_ENGINE_SETTINGS,
    );
    const bulkPut = vi.spyOn(db.orders, "bulkPut");
    const puts = bulkPut.mock.calls;
    const written = () =>
      puts.map(([rows]) =>
        (rows as readonly { key: string }[]).map((r) => r.key),
      );
    const reload = (at: number, orders = [snap("1", 10), snap("2", 10)]) =>
      upsertSeenOrders(db, batch(orders), at, DEFAULT_ENGINE_SETTINGS);

    // A reload a minute later: nothing to write, and the badges still get their views.
    const { views } = await reload(NOW + MIN);
    expect(views.map((v) => v.orderId)).toEqual(["1", "2"]);
    expect(written()).toEqual([]);
    // One order turns paid: only that row is written.
    await reload(NOW + 2 * MIN, [
      snap("1", 10, { status: "paid" }),
      snap("2", 10),
    ]);
    expect(written()).toEqual([["taobao:1"]]);
    expect((await db.orders.get("taobao:1"))?.status).toBe("paid");
    // An hour after its last sighting, lastSeenAt moves on (it decides pruning): order 2's does;
    // order 1, written two minutes after it, waits.
    await reload(NOW + LAST_SEEN_RESOLUTION_MS, [
      snap("1", 10, { status: "paid" }),
      snap("2", 10),
    ]);
    expect(written().at(-1)).toEqual(["taobao:2"]);
    expect((await db.orders.get("taobao:2"))?.lastSeenAt).toBe(
      NOW + LAST_SEEN_RESOLUTION_MS,
    );
  });

  it("gives a reloaded order the plan a full re-plan would give, at any later moment", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 0, max: 6 * 60 }), {
          minLength: 1,
          maxLength: 8,
        }),
        async (ages, steps) => {
          const local = new PayNudgeDB(`test-${crypto.randomUUID()}`);
          const page = batch(ages.map((age, i) => snap(String(i), age)));
          let at = NOW;
          await upsertSeenOrders(local, page, at, DEFAULT_ENGINE_SETTINGS);
          for (const minutes of steps) {
            at += minutes * MIN;
            const stored = await local.orders.bulkGet(
              page.orders.map((o) => `taobao:${o.orderId}`),
            );
            const { views } = await upsertSeenOrders(
              local,
              page,
              at,
              DEFAULT_ENGINE_SETTINGS,
            );
            views.forEach((view, i) => {
              const replanned = applySchedule(
                { ...stored[i]! },
                at,
                DEFAULT_ENGINE_SETTINGS,
              );
              expect(
                [view.nextDueAt, view.nextStep, view.nextChannel],
                `order ${view.orderId} at +${(at - NOW) / MIN} min`,
              ).toEqual([
                replanned.nextDueAt,
                replanned.nextStep,
                replanned.nextChannel,
              ]);
            });
          }
          await local.delete();
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("cancels the pending nudge the moment a row shows paid or closed", async () => {
    await upsertSeenOrders(
      db,
      batch([snap("1", 40), snap("2", 40)]),
      NOW,
      DEFAULT_ENGINE_SETTINGS,
    );
    const { cancelled, views } = await upsertSeenOrders(
      db,
      batch([
        snap("1", 40, { status: "paid" }),
        snap("2", 40, { status: "closed" }),
      ]),
      NOW + MIN,
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(cancelled.sort()).toEqual(["taobao:1", "taobao:2"]);
    expect(views.every((v) => v.nextDueAt === undefined)).toBe(true);
    expect(await dueUnnotified(db, NOW + MIN)).toEqual([]);
  });

  it("counts an order once when a page shows it twice", async () => {
    const { views } = await upsertSeenOrders(
      db,
      batch([snap("1", 10), snap("1", 10, { buyer: "again" })]),
      NOW,
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(views).toHaveLength(1);
    expect(await db.orders.count()).toBe(1);
    expect((await db.orders.get("taobao:1"))?.buyer).toBe("again");
  });
});

describe("due queries", () => {
  it("notifies a due nudge once, and again only if its due moment changes", async () => {
    await upsertSeenOrders(
      db,
      batch([snap("1", 40), snap("2", 10)]),
      NOW,
      DEFAULT_ENGINE_SETTINGS,
    );
    const due = await dueUnnotified(db, NOW);
    expect(due.map((o) => o.orderId)).toEqual(["1"]);
    await markNotified(db, due);
    expect(await dueUnnotified(db, NOW)).toEqual([]);
    expect(await nextAlarmAt(db)).toBe(NOW + 20 * MIN);
    expect(
      (await dueUnnotified(db, NOW + 20 * MIN)).map((o) => o.orderId),
    ).toEqual(["2"]);
  });
});

describe("a status the agent set by hand", () => {
  it("holds while the page still shows the order unpaid, and gives way when the page shows another status", async () => {
    await upsertSeenOrders(
      db,
      batch([snap("1", 40)]),
      NOW,
      DEFAULT_ENGINE_SETTINGS,
    );
    await db.orders.update("taobao:1", {
      status: "paid",
      manualStatus: "paid",
    });
    const stale = await upsertSeenOrders(
      db,
      batch([snap("1", 40)]),
      NOW + MIN,
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(stale.views[0]).toMatchObject({ status: "paid" });
    expect(stale.views[0]!.nextDueAt).toBeUndefined();
    const closed = await upsertSeenOrders(
      db,
      batch([snap("1", 40, { status: "closed" })]),
      NOW + 2 * MIN,
      DEFAULT_ENGINE_SETTINGS,
    );
    expect(closed.views[0]).toMatchObject({ status: "closed" });
    expect((await db.orders.get("taobao:1"))?.manualStatus).toBeUndefined();
  });
});
