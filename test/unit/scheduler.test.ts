import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  handleLogNudge,
  handleNotificationButton,
  handleNotificationClick,
  handleOrdersSeen,
  handleSnooze,
  handleStepDone,
} from "../../lib/background/handlers";
import {
  ALARM_NAME,
  notificationId,
  RETRY_MS,
  runDueCheck,
  SUMMARY_NOTIFICATION_ID,
  uiLocale,
} from "../../lib/background/scheduler";
import { PayNudgeDB } from "../../lib/db";
import { t } from "../../lib/i18n";
import { parseOrdersSeen } from "../../lib/messages";
import { upsertSeenOrders } from "../../lib/orders-repo";

const MIN = 60_000;
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();
const T0 = at(23, 12);
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const order = (
  id: string,
  createdAt: number,
  extra: Record<string, unknown> = {},
) => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt,
  buyer: `买家${id}`,
  amountCents: 23900,
  items: [{ title: `商品${id}` }],
  ...extra,
});

let db: PayNudgeDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

const shown = async () =>
  (await fakeBrowser.notifications.getAll()) as unknown as Record<
    string,
    Record<string, unknown>
  >;
const alarmAt = async () =>
  (await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime;
const timesShown = async () =>
  Object.fromEntries((await db.alerts.toArray()).map((a) => [a.id, a.times]));

/** One unpaid order seen at T0; returns its first due moment, 30 minutes later. */
async function oneOrderDue(): Promise<number> {
  await upsertSeenOrders(
    db,
    parseOrdersSeen({ pageUrl: page, orders: [order("1", T0)] }),
    T0,
  );
  return T0 + 30 * MIN;
}

type Create = typeof fakeBrowser.notifications.create;
/** Stands in for notifications.create until the test ends; `make` gets the real one. */
function replaceCreate(make: (real: Create) => Create): void {
  const real = fakeBrowser.notifications.create;
  onTestFinished(() => {
    fakeBrowser.notifications.create = real;
  });
  fakeBrowser.notifications.create = make(real);
}

describe("notifications", () => {
  it("shows one notification per due order, with buttons to open and snooze, and labels the step", async () => {
    await handleOrdersSeen(
      db,
      {
        pageUrl: page,
        orders: [
          order("1", T0 - 40 * MIN),
          order("2", T0 - 35 * MIN),
          order("3", T0),
        ],
      },
      T0,
    );
    const all = await shown();
    expect(Object.keys(all).sort()).toEqual([
      notificationId("taobao:1"),
      notificationId("taobao:2"),
    ]);
    const one = all[notificationId("taobao:1")]!;
    expect(one.type).toBe("basic");
    expect(one.title).toBe(t(uiLocale(), "notify.title", { buyer: "买家1" }));
    expect(one.buttons).toHaveLength(2);
    expect(one.contextMessage).toContain(t(uiLocale(), "step.first"));
    expect(await fakeBrowser.action.getBadgeText({})).toBe("2");
    expect(await alarmAt()).toBe(T0 + 30 * MIN);
  });

  it("groups three or more nudges falling due together into one list summary", async () => {
    const orders = ["1", "2", "3", "4"].map((id) => order(id, T0 - 40 * MIN));
    await handleOrdersSeen(db, { pageUrl: page, orders }, T0);
    const all = await shown();
    expect(Object.keys(all)).toEqual([SUMMARY_NOTIFICATION_ID]);
    const summary = all[SUMMARY_NOTIFICATION_ID]!;
    expect(summary.type).toBe("list");
    expect(summary.title).toBe(t(uiLocale(), "notify.summaryTitle", { n: 4 }));
    expect(
      (summary.items as { title: string }[]).map((i) => i.title).sort(),
    ).toEqual(["买家1", "买家2", "买家3", "买家4"]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe("4");
    expect(
      Object.values(await db.alerts.toArray()).every(
        (a) => a.grouped && a.times === 1,
      ),
    ).toBe(true);
  });

  it("snoozes every order of a summary from its button, and opens the order page from the other", async () => {
    await handleOrdersSeen(
      db,
      {
        pageUrl: page,
        orders: ["1", "2", "3"].map((id) => order(id, T0 - 40 * MIN)),
      },
      T0,
    );
    await handleNotificationButton(db, SUMMARY_NOTIFICATION_ID, 1, T0 + MIN);
    expect(await shown()).toEqual({});
    expect((await db.orders.toArray()).map((o) => o.nextDueAt)).toEqual([
      T0 + 16 * MIN,
      T0 + 16 * MIN,
      T0 + 16 * MIN,
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe("");
    expect(await alarmAt()).toBe(T0 + 16 * MIN);
    // When the snooze ends they come back, once each (the same three: another summary).
    await runDueCheck(db, T0 + 16 * MIN);
    expect(Object.keys(await shown())).toEqual([SUMMARY_NOTIFICATION_ID]);

    await handleNotificationButton(
      db,
      SUMMARY_NOTIFICATION_ID,
      0,
      T0 + 17 * MIN,
    );
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(page);
  });

  it("opens the order page when a single notification is clicked, and snoozes from its button", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", T0 - 40 * MIN)] },
      T0,
    );
    await handleNotificationClick(db, notificationId("taobao:1"));
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(
      page,
    );
    expect(await shown()).toEqual({});
    await handleNotificationButton(db, notificationId("taobao:1"), 1, T0 + MIN);
    expect(await db.orders.get("taobao:1")).toMatchObject({
      snoozedUntil: T0 + 16 * MIN,
      nextDueAt: T0 + 16 * MIN,
    });
  });

  it("wakes up when the follow-up takes over and notifies it, each due moment exactly once", async () => {
    await handleOrdersSeen(db, { pageUrl: page, orders: [order("1", T0)] }, T0);
    expect(await alarmAt()).toBe(at(23, 12, 30));
    for (const now of [at(23, 12, 30), at(23, 12, 31), at(23, 13)])
      await runDueCheck(db, now);
    // Nothing more is due before the follow-up: the alarm goes there.
    expect(await alarmAt()).toBe(at(23, 16));
    for (const now of [at(23, 16), at(23, 16), at(23, 16, 5)])
      await runDueCheck(db, now);
    expect(await timesShown()).toEqual({
      [`taobao:1@${at(23, 12, 30)}`]: 1,
      [`taobao:1@${at(23, 16)}`]: 1,
    });
    expect(
      (await shown())[notificationId("taobao:1")]?.contextMessage,
    ).toContain(t(uiLocale(), "step.follow-up"));
  });

  it("a check cut short (the worker stopped, a call failed) leaves a retry armed, so no due nudge is lost", async () => {
    const dueAt = await oneOrderDue();
    let stopped = true;
    replaceCreate(
      (real) =>
        (async (...args: Parameters<Create>) => {
          if (stopped) throw new Error("worker stopped");
          return real(...args);
        }) as unknown as Create,
    );
    await expect(runDueCheck(db, dueAt)).rejects.toThrow("worker stopped");
    expect(await alarmAt()).toBe(dueAt + RETRY_MS);
    expect(await shown()).toEqual({});
    // The retry finds the nudge still due and shows it; then the alarm waits for the next moment.
    stopped = false;
    await runDueCheck(db, dueAt + RETRY_MS);
    expect(Object.keys(await shown())).toEqual([notificationId("taobao:1")]);
    expect(await alarmAt()).toBeGreaterThan(dueAt + RETRY_MS);
  });

  it("a run stopped after showing a nudge but before marking it: the next run marks it and shows nothing again", async () => {
    const dueAt = await oneOrderDue();
    let creations = 0;
    let stopAfterShowing = true;
    replaceCreate(
      (real) =>
        (async (...args: Parameters<Create>) => {
          creations += 1;
          const id = await real(...args);
          if (stopAfterShowing) throw new Error("worker stopped");
          return id;
        }) as unknown as Create,
    );
    await expect(runDueCheck(db, dueAt)).rejects.toThrow("worker stopped");
    expect(Object.keys(await shown())).toEqual([notificationId("taobao:1")]);
    // The retry alarm's run.
    stopAfterShowing = false;
    await runDueCheck(db, dueAt + RETRY_MS);
    expect(creations).toBe(1);
    expect(await timesShown()).toEqual({ [`taobao:1@${dueAt}`]: 1 });
    expect((await db.orders.get("taobao:1"))?.notifiedDueAt).toBe(dueAt);
    // Closed by the agent before the retry: shown again rather than lost.
    await fakeBrowser.notifications.clear(notificationId("taobao:1"));
    await db.orders.update("taobao:1", { notifiedDueAt: undefined });
    await runDueCheck(db, dueAt + 2 * RETRY_MS);
    expect(creations).toBe(2);
    expect(Object.keys(await shown())).toEqual([notificationId("taobao:1")]);
  });

  it("never notifies twice when runs overlap (install and start-up fire together)", async () => {
    // Stored without a run, as if the browser had just started with these due.
    await upsertSeenOrders(
      db,
      parseOrdersSeen({
        pageUrl: page,
        orders: [order("1", T0 - 40 * MIN), order("2", T0 - 40 * MIN)],
      }),
      T0,
    );
    await Promise.all([
      runDueCheck(db, T0),
      runDueCheck(db, T0),
      runDueCheck(db, T0),
    ]);
    expect(await timesShown()).toEqual({
      [`taobao:1@${T0 - 10 * MIN}`]: 1,
      [`taobao:2@${T0 - 10 * MIN}`]: 1,
    });
    expect(Object.keys(await shown())).toHaveLength(2);
  });

  it("shows nudges that fell due while the browser was closed once, as overdue", async () => {
    await handleOrdersSeen(db, { pageUrl: page, orders: [order("1", T0)] }, T0);
    // The browser was closed at 12:10 and starts again at 15:00.
    await runDueCheck(db, at(23, 15));
    await runDueCheck(db, at(23, 15));
    const note = (await shown())[notificationId("taobao:1")]!;
    expect(note.title).toBe(
      t(uiLocale(), "notify.overdueTitle", { buyer: "买家1" }),
    );
    expect(await db.alerts.toArray()).toMatchObject([
      { dueAt: at(23, 12, 30), times: 1, late: true },
    ]);
  });
});

describe("messages from the page: log, snooze, done", () => {
  it("logs a nudge, withdraws its notification and plans the follow-up", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", T0 - 40 * MIN)] },
      T0,
    );
    const view = await handleLogNudge(
      db,
      { key: "taobao:1", channel: "chat", at: T0 + MIN, agent: "阿华" },
      T0 + MIN,
    );
    expect(view).toMatchObject({
      nudgeCount: 1,
      nextStep: "follow-up",
      nextDueAt: at(23, 15, 20),
    });
    expect(await shown()).toEqual({});
    expect(await db.nudges.count()).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe("");
  });

  it("validates every message on arrival", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", T0 - 40 * MIN)] },
      T0,
    );
    await expect(
      handleLogNudge(db, { key: "taobao:1", channel: "fax", at: T0 }, T0),
    ).rejects.toThrow();
    await expect(
      handleLogNudge(db, { key: "taobao:1", channel: "chat" }, T0),
    ).rejects.toThrow();
    await expect(
      handleSnooze(db, { key: "taobao:1", for: "forever" }, T0),
    ).rejects.toThrow();
    await expect(handleStepDone(db, { key: 42 }, T0)).rejects.toThrow();
    await expect(handleStepDone(db, { key: "taobao:404" }, T0)).rejects.toThrow(
      /unknown order/,
    );
    expect(await db.nudges.count()).toBe(0);
    expect((await db.orders.get("taobao:1"))?.doneSteps).toBeUndefined();
  });

  it("snoozes until tomorrow morning and marks a step done", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", T0 - 40 * MIN)] },
      T0,
    );
    const snoozed = await handleSnooze(
      db,
      { key: "taobao:1", for: "morning" },
      T0,
    );
    expect(snoozed).toMatchObject({
      snoozedUntil: at(24, 9),
      nextDueAt: at(24, 9),
    });
    expect(await alarmAt()).toBe(at(24, 9));
    const done = await handleStepDone(db, { key: "taobao:1" }, T0 + MIN);
    expect(done.snoozedUntil).toBeUndefined();
    expect(done).toMatchObject({ nextStep: "final" });
  });
});
