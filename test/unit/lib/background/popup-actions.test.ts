import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleSetNotificationsPaused } from "@/lib/background/settings-handlers";
import {
  handleLogNudge,
  handleRestoreOrder,
  handleSetOrderStatus,
  handleSnooze,
} from "@/lib/background/order-actions";
import { handleOrdersSeen } from "@/test/support/seen";
import { ALARM_NAME, runDueCheck } from "@/lib/background/due-check";
import { notificationId } from "@/lib/background/notification-ids";
import { PayNudgeDB } from "@/lib/db/schema";
import { todayQueue } from "@/lib/db/queue";
import { getSetting } from "@/lib/schemas/settings";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const order = (id: string, minutesAgo: number) => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt: NOW - minutesAgo * MIN,
  buyer: `买家${id}`,
  amountCents: 23900,
  items: [{ title: `商品${id}` }],
});

let db: PayNudgeDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

const notificationIds = async () =>
  Object.keys(await fakeBrowser.notifications.getAll()).sort();
const alarmAt = async () =>
  (await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime;
const toolbar = () => fakeBrowser.action.getBadgeText({});
const queued = async (now: number) =>
  Object.fromEntries(
    (await todayQueue(db, now)).map((g) => [
      g.id,
      g.orders.map((o) => o.orderId),
    ]),
  );

describe("marking an order paid or closed from the popup", () => {
  it("takes a paid order out of the queue, withdraws its notification and moves the alarm and count on", async () => {
    // 1 and 2 are due now (first nudge 30 min after the order); 3 falls due in 10 minutes.
    await handleOrdersSeen(
      db,
      {
        pageUrl: page,
        orders: [order("1", 40), order("2", 35), order("3", 20)],
      },
      NOW,
    );
    expect(await notificationIds()).toEqual([
      notificationId("taobao:1", NOW - 10 * MIN),
      notificationId("taobao:2", NOW - 5 * MIN),
    ]);
    expect(await toolbar()).toBe("2");

    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "paid" },
      NOW + MIN,
    );
    const paid = (await db.orders.get("taobao:1"))!;
    expect(paid.status).toBe("paid");
    expect(paid.nextDueAt).toBeUndefined();
    expect(await notificationIds()).toEqual([
      notificationId("taobao:2", NOW - 5 * MIN),
    ]);
    expect(await toolbar()).toBe("1");
    expect(await alarmAt()).toBe(NOW + 10 * MIN);
    expect(await queued(NOW + MIN)).toEqual({
      overdue: [],
      due: ["2"],
      later: ["3"],
      noSlot: [],
      done: [],
    });
  });

  it("closes an order the same way, and leaves the other orders planned", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40), order("3", 20)] },
      NOW,
    );
    await handleSetOrderStatus(
      db,
      { key: "taobao:3", status: "closed" },
      NOW + MIN,
    );
    expect((await db.orders.get("taobao:3"))!.status).toBe("closed");
    expect((await db.orders.get("taobao:3"))!.nextDueAt).toBeUndefined();
    expect((await db.orders.get("taobao:1"))!.nextDueAt).toBe(NOW - 10 * MIN);
    // 3's nudge no longer arms the alarm: only 1's next re-plan does.
    const replanAt = (await db.orders.get("taobao:1"))!.replanAt;
    expect(replanAt).toBeGreaterThan(NOW + 10 * MIN);
    expect(await alarmAt()).toBe(replanAt);
    expect(await notificationIds()).toEqual([
      notificationId("taobao:1", NOW - 10 * MIN),
    ]);
  });

  it("rejects what the popup may not ask for", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40)] },
      NOW,
    );
    await expect(
      handleSetOrderStatus(db, { key: "taobao:1", status: "unpaid" }, NOW),
    ).rejects.toThrow();
    await expect(
      handleSetOrderStatus(db, { key: "taobao:1" }, NOW),
    ).rejects.toThrow();
    await expect(
      handleSetOrderStatus(db, { key: "taobao:nope", status: "paid" }, NOW),
    ).rejects.toThrow(/unknown order/);
    expect((await db.orders.get("taobao:1"))!.status).toBe("unpaid");
    expect(await db.orders.get("taobao:nope")).toBeUndefined();
  });
});

describe("undoing a mark or a snooze from the popup", () => {
  it("restores a paid mark: the order unpaid again, planned as before, its count back", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40), order("2", 35)] },
      NOW,
    );
    const before = (await db.orders.get("taobao:1"))!;
    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "paid" },
      NOW + MIN,
    );
    expect(await toolbar()).toBe("1");
    await handleRestoreOrder(
      db,
      { key: "taobao:1", status: before.status },
      NOW + MIN + 3_000,
    );
    const restored = (await db.orders.get("taobao:1"))!;
    expect(restored.status).toBe("unpaid");
    expect(restored.manualStatus).toBeUndefined();
    expect(restored.nextDueAt).toBe(before.nextDueAt);
    expect(restored.nextStep).toBe(before.nextStep);
    expect(await toolbar()).toBe("2");
    // Its nudge was notified before the mark: back in the queue and the count, not shown twice.
    expect(await notificationIds()).toEqual([
      notificationId("taobao:2", NOW - 5 * MIN),
    ]);
    expect((await queued(NOW + 2 * MIN)).due).toEqual(["1", "2"]);
  });

  it("restores a snooze: the order due again when it was", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40)] },
      NOW,
    );
    const before = (await db.orders.get("taobao:1"))!;
    await handleSnooze(db, { key: "taobao:1", for: "1h" }, NOW + MIN);
    expect((await db.orders.get("taobao:1"))!.snoozedUntil).toBeDefined();
    await handleRestoreOrder(
      db,
      { key: "taobao:1", status: "unpaid" },
      NOW + 2 * MIN,
    );
    const restored = (await db.orders.get("taobao:1"))!;
    expect(restored.snoozedUntil).toBeUndefined();
    expect(restored.nextDueAt).toBe(before.nextDueAt);
    expect(await toolbar()).toBe("1");
  });

  it("keeps an earlier mark it restores, and refuses an unknown order or a malformed request", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40)] },
      NOW,
    );
    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "closed" },
      NOW + MIN,
    );
    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "paid" },
      NOW + 2 * MIN,
    );
    // Undo of the paid mark: closed by hand, as before it.
    await handleRestoreOrder(
      db,
      { key: "taobao:1", status: "closed", manualStatus: "closed" },
      NOW + 3 * MIN,
    );
    expect(await db.orders.get("taobao:1")).toMatchObject({
      status: "closed",
      manualStatus: "closed",
    });
    expect((await db.orders.get("taobao:1"))!.nextDueAt).toBeUndefined();
    await expect(
      handleRestoreOrder(db, { key: "taobao:nope", status: "unpaid" }, NOW),
    ).rejects.toThrow(/unknown order/);
    for (const bad of [
      { key: "taobao:1" },
      { key: "taobao:1", status: "gone" },
      { key: "taobao:1", status: "unpaid", manualStatus: "unpaid" },
      { key: "taobao:1", status: "unpaid", snoozedUntil: -1 },
    ])
      await expect(
        handleRestoreOrder(db, bad, NOW),
        JSON.stringify(bad),
      ).rejects.toThrow();
    expect((await db.orders.get("taobao:1"))!.status).toBe("closed");
  });
});

describe("pausing notifications (off duty)", () => {
  it("raises no notification while paused but keeps the count, the timers and the alarm; resuming shows what fell due", async () => {
    await handleSetNotificationsPaused(db, { paused: true }, NOW);
    expect(await getSetting(db, "notificationsPaused")).toBe(true);

    // 1 is due at once, 2 falls due in 10 minutes.
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40), order("2", 20)] },
      NOW,
    );
    expect(await notificationIds()).toEqual([]);
    expect(await toolbar()).toBe("1");
    // The alarm waits for the next nudge instead of firing again at once for the one already due.
    expect(await alarmAt()).toBe(NOW + 10 * MIN);

    // The alarm fires when 2 falls due: still nothing shown, nothing marked as shown, both counted.
    const shown = await runDueCheck(db, NOW + 10 * MIN);
    expect(shown).toEqual([]);
    expect(await notificationIds()).toEqual([]);
    expect(await toolbar()).toBe("2");
    expect((await db.orders.toArray()).map((o) => o.notifiedDueAt)).toEqual([
      undefined,
      undefined,
    ]);
    expect(await db.alerts.count()).toBe(0);
    // The timers are unchanged by the pause.
    expect((await db.orders.toArray()).map((o) => o.nextDueAt)).toEqual([
      NOW - 10 * MIN,
      NOW + 10 * MIN,
    ]);
    const armed = await alarmAt();
    expect(armed === undefined || armed > NOW + 10 * MIN).toBe(true);

    await handleSetNotificationsPaused(db, { paused: false }, NOW + 12 * MIN);
    expect(await getSetting(db, "notificationsPaused")).toBe(false);
    expect(await notificationIds()).toEqual([
      notificationId("taobao:1", NOW - 10 * MIN),
      notificationId("taobao:2", NOW + 10 * MIN),
    ]);
    expect((await db.orders.toArray()).map((o) => o.notifiedDueAt)).toEqual([
      NOW - 10 * MIN,
      NOW + 10 * MIN,
    ]);
    // Shown once each: another run does not repeat them.
    await runDueCheck(db, NOW + 13 * MIN);
    expect((await db.alerts.toArray()).map((a) => a.times)).toEqual([1, 1]);
  });

  it("lets the agent work while paused: a nudge logged then is not shown on resume", async () => {
    await handleSetNotificationsPaused(db, { paused: true }, NOW);
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40), order("2", 35)] },
      NOW,
    );
    await handleLogNudge(
      db,
      { key: "taobao:1", channel: "chat", at: NOW + MIN },
      NOW + MIN,
    );
    expect(await notificationIds()).toEqual([]);
    await handleSetNotificationsPaused(db, { paused: false }, NOW + 2 * MIN);
    expect(await notificationIds()).toEqual([
      notificationId("taobao:2", NOW - 5 * MIN),
    ]);
  });

  it("accepts only a yes or no", async () => {
    await expect(
      handleSetNotificationsPaused(db, { paused: "yes" }, NOW),
    ).rejects.toThrow();
    await expect(handleSetNotificationsPaused(db, {}, NOW)).rejects.toThrow();
    expect(await getSetting(db, "notificationsPaused")).toBe(false);
  });
});
