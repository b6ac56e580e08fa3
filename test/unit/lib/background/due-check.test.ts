import {
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  onTestFinished,
  vi,
} from "vitest";
import fc from "fast-check";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  handleLogNudge,
  handleSnooze,
  handleStepDone,
} from "@/lib/background/order-actions";
import {
  handleNotificationButton,
  handleNotificationClosed,
  handleNotificationClick,
} from "@/lib/background/notification-actions";
import { handleOrdersSeen } from "@/test/support/seen";
import { storeSeenOrders } from "@/lib/background/orders-seen";
import {
  ALARM_NAME,
  BATCH_QUIET_MS,
  RETRY_MS,
  requestDueCheck,
  runDueCheck,
} from "@/lib/background/due-check";
import { uiLocale } from "@/lib/background/notification-content";
import {
  notificationId,
  summaryNotificationId,
} from "@/lib/background/notification-ids";
import { withdrawNotifications } from "@/lib/background/notices";
import { PayNudgeDB } from "@/lib/db/schema";
import { t } from "@/lib/i18n";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { upsertSeenOrders } from "@/lib/db/orders-seen";

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

/**
 * The order scripts of the tabs answer 打开订单页's revealOrder as a page showing the order does
 * (lib/page/reveal-order.ts); what they were sent is kept as [tabId, message].
 */
function orderScriptsShowTheOrder(): unknown[] {
  const sent: unknown[] = [];
  const spy = vi.spyOn(fakeBrowser.tabs, "sendMessage");
  onTestFinished(() => spy.mockRestore());
  spy.mockImplementation(((
    tabId: number,
    message: { data: { show: boolean } },
    _options: unknown,
    reply: (answer: unknown) => void,
  ) => {
    sent.push([tabId, message]);
    reply({ res: message.data.show ? "shown" : "here" });
  }) as never);
  return sent;
}

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
    await loadEngineSettings(db),
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

/**
 * A worker stopped right after each notification is shown, until `stopping` is set false; counts
 * every creation.
 */
function stopAfterShowing(): { creations: number; stopping: boolean } {
  const state = { creations: 0, stopping: true };
  replaceCreate(
    (real) =>
      (async (...args: Parameters<Create>) => {
        state.creations += 1;
        const created = await real(...args);
        if (state.stopping) throw new Error("worker stopped");
        return created;
      }) as unknown as Create,
  );
  return state;
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
      notificationId("taobao:1", T0 - 10 * MIN),
      notificationId("taobao:2", T0 - 5 * MIN),
    ]);
    const one = all[notificationId("taobao:1", T0 - 10 * MIN)]!;
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
    expect(Object.keys(all)).toEqual([summaryNotificationId(T0)]);
    const summary = all[summaryNotificationId(T0)]!;
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
    await handleNotificationButton(db, summaryNotificationId(T0), 1, T0 + MIN);
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
    const again = summaryNotificationId(T0 + 16 * MIN);
    expect(Object.keys(await shown())).toEqual([again]);

    orderScriptsShowTheOrder();
    await handleNotificationButton(db, again, 0, T0 + 17 * MIN);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(page);
  });

  it("opens the order page when a single notification is clicked, and snoozes from its button", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", T0 - 40 * MIN)] },
      T0,
    );
    const id = notificationId("taobao:1", T0 - 10 * MIN);
    const asked = orderScriptsShowTheOrder();
    await handleNotificationClick(db, id);
    const tabs = await fakeBrowser.tabs.query({});
    const opened = tabs.find((tab) => tab.url === page);
    expect(opened).toBeDefined();
    // The page opened is asked to scroll to the order and highlight it.
    expect(asked).toContainEqual([
      opened!.id,
      expect.objectContaining({
        type: "revealOrder",
        data: { orderId: "1", show: true },
      }),
    ]);
    expect(await shown()).toEqual({});
    await handleNotificationButton(db, id, 1, T0 + MIN);
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
    // The follow-up's notification replaced the first step's.
    const all = await shown();
    expect(Object.keys(all)).toEqual([notificationId("taobao:1", at(23, 16))]);
    expect(
      all[notificationId("taobao:1", at(23, 16))]?.contextMessage,
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
    expect(Object.keys(await shown())).toEqual([
      notificationId("taobao:1", dueAt),
    ]);
    expect(await alarmAt()).toBeGreaterThan(dueAt + RETRY_MS);
  });

  it("takes down a notification raised for an order a page showed paid meanwhile", async () => {
    const dueAt = await oneOrderDue();
    // The page's batch (the order now paid) is stored, and its notifications withdrawn, while the
    // check that read the order as due is raising its notification.
    replaceCreate(
      (real) =>
        (async (...args: Parameters<Create>) => {
          await storeSeenOrders(
            db,
            {
              pageUrl: page,
              orders: [order("1", T0, { status: "paid" })],
            },
            dueAt,
          );
          return real(...args);
        }) as unknown as Create,
    );
    await runDueCheck(db, dueAt);
    expect(await shown()).toEqual({});
    expect((await db.orders.get("taobao:1"))?.status).toBe("paid");
  });

  it("a run stopped after showing a nudge but before recording it: the next run records and marks it, and shows nothing again", async () => {
    const dueAt = await oneOrderDue();
    const id = notificationId("taobao:1", dueAt);
    const create = stopAfterShowing();
    await expect(runDueCheck(db, dueAt)).rejects.toThrow("worker stopped");
    expect(Object.keys(await shown())).toEqual([id]);
    expect(await db.alerts.count()).toBe(0);
    // The retry alarm's run.
    create.stopping = false;
    await runDueCheck(db, dueAt + RETRY_MS);
    expect(create.creations).toBe(1);
    expect(await timesShown()).toEqual({ [`taobao:1@${dueAt}`]: 1 });
    expect((await db.orders.get("taobao:1"))?.notifiedDueAt).toBe(dueAt);
    // Recorded as shown: closing it and another run do not bring it back.
    await fakeBrowser.notifications.clear(id);
    await runDueCheck(db, dueAt + 2 * RETRY_MS);
    expect(create.creations).toBe(1);
    expect(await shown()).toEqual({});
  });

  it("a notification closed before the run that raised it could record it counts as shown", async () => {
    const dueAt = await oneOrderDue();
    const id = notificationId("taobao:1", dueAt);
    const create = stopAfterShowing();
    await expect(runDueCheck(db, dueAt)).rejects.toThrow("worker stopped");
    // Closed before any run recorded it. Chrome says so (onClosed): it counts as shown.
    await fakeBrowser.notifications.clear(id);
    await handleNotificationClosed(db, id);
    create.stopping = false;
    await runDueCheck(db, dueAt + RETRY_MS);
    expect(create.creations).toBe(1);
    expect(await shown()).toEqual({});
    expect(await timesShown()).toEqual({ [`taobao:1@${dueAt}`]: 1 });
    expect((await db.orders.get("taobao:1"))?.notifiedDueAt).toBe(dueAt);
  });

  it("a notification gone before its creation was recorded, without word from Chrome, is shown again rather than lost", async () => {
    const dueAt = await oneOrderDue();
    const id = notificationId("taobao:1", dueAt);
    const create = stopAfterShowing();
    await expect(runDueCheck(db, dueAt)).rejects.toThrow("worker stopped");
    await fakeBrowser.notifications.clear(id);
    create.stopping = false;
    await runDueCheck(db, dueAt + RETRY_MS);
    expect(create.creations).toBe(2);
    expect(Object.keys(await shown())).toEqual([id]);
    expect(await timesShown()).toEqual({ [`taobao:1@${dueAt}`]: 1 });
  });

  it("replaces the notifications an older version left on screen, and still answers their buttons", async () => {
    await handleOrdersSeen(
      db,
      {
        pageUrl: page,
        orders: ["1", "2", "3"].map((id) => order(id, T0 - 40 * MIN)),
      },
      T0,
    );
    // As an older version named them: one id per order, one for every summary.
    await fakeBrowser.notifications.clear(summaryNotificationId(T0));
    await fakeBrowser.notifications.create("paynudge:summary", {
      type: "basic",
      iconUrl: "",
      title: "",
      message: "",
    });
    await fakeBrowser.notifications.create("paynudge:order:taobao:9", {
      type: "basic",
      iconUrl: "",
      title: "",
      message: "",
    });
    // Its button snoozes the orders the latest summary listed.
    await handleNotificationButton(db, "paynudge:summary", 1, T0 + MIN);
    expect((await db.orders.toArray()).map((o) => o.snoozedUntil)).toEqual([
      T0 + 16 * MIN,
      T0 + 16 * MIN,
      T0 + 16 * MIN,
    ]);
    // A withdrawal takes down an order's notification whatever it is named.
    await withdrawNotifications(["taobao:9"]);
    expect(Object.keys(await shown())).toEqual([]);

    await fakeBrowser.notifications.create("paynudge:summary", {
      type: "basic",
      iconUrl: "",
      title: "",
      message: "",
    });
    await fakeBrowser.notifications.create("paynudge:order:taobao:1", {
      type: "basic",
      iconUrl: "",
      title: "",
      message: "",
    });
    // The snooze ends: a new summary replaces the old one. Order 1's own notification stays: only a
    // newer one of its own replaces it.
    await runDueCheck(db, T0 + 16 * MIN);
    expect(Object.keys(await shown()).sort()).toEqual([
      "paynudge:order:taobao:1",
      summaryNotificationId(T0 + 16 * MIN),
    ]);
  });

  it("checks a page's batches once they stop arriving, with a retry armed from the first", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    vi.setSystemTime(T0);
    // Orders already due: a check notifies them, and shows when it ran.
    await upsertSeenOrders(
      db,
      parseOrdersSeen({
        pageUrl: page,
        orders: [order("1", T0 - 40 * MIN)],
      }),
      T0,
      await loadEngineSettings(db),
    );
    const badge = vi.spyOn(fakeBrowser.action, "setBadgeText");
    const checks = [requestDueCheck(db)];
    await vi.advanceTimersByTimeAsync(BATCH_QUIET_MS / 2);
    checks.push(requestDueCheck(db));
    await vi.advanceTimersByTimeAsync(BATCH_QUIET_MS / 2);
    checks.push(requestDueCheck(db));
    // Batches still arriving: no check yet, but a stopped worker would be woken to run it.
    expect(badge).not.toHaveBeenCalled();
    expect(await shown()).toEqual({});
    expect(await alarmAt()).toBe(T0 + RETRY_MS);
    await vi.advanceTimersByTimeAsync(BATCH_QUIET_MS);
    const [a, b, c] = await Promise.all(checks);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(badge).toHaveBeenCalledTimes(1);
    expect(Object.keys(await shown())).toEqual([
      notificationId("taobao:1", T0 - 10 * MIN),
    ]);
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
      await loadEngineSettings(db),
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
    const note = (await shown())[notificationId("taobao:1", at(23, 12, 30))]!;
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

describe("a worker stopped at any point of the due check", () => {
  /*
   * Every effect of a run counts as one step: each call into the browser (notifications, alarms,
   * the toolbar) and each database write. A run stopped after step N makes its first N effects and
   * none after (the (N+1)th and every later one throw, as if the worker were gone). Then a fresh
   * check runs on a new connection, as a restarted worker's retry alarm would, knowing only the
   * database and the screen. Swept over every N until a run goes through.
   */
  let left = Infinity;
  let stopped = false;
  function step(): void {
    if (left <= 0) {
      stopped = true;
      throw new Error("worker stopped");
    }
    left -= 1;
  }

  /** What each notification created so far shows, as `${orderKey}@${dueAt}` moments, by id. */
  const holds = new Map<string, string[]>();
  /** The moments of each creation since the sweep's step began. */
  let created: string[][] = [];
  /** Which due moment an order listed in a summary stands for, in the current phase. */
  let momentOfBuyer: (buyer: string) => string = () => "";

  const WRAPPED = {
    notifications: ["create", "clear", "getAll"],
    alarms: ["create", "clear", "get"],
    action: ["setBadgeText", "setBadgeBackgroundColor"],
  } as const;
  const originals: [Record<string, unknown>, string, unknown][] = [];
  beforeEach(() => {
    let depth = 0;
    for (const [api, names] of Object.entries(WRAPPED)) {
      const target = (
        fakeBrowser as unknown as Record<
          string,
          Record<string, (...args: unknown[]) => Promise<unknown>>
        >
      )[api]!;
      for (const name of names) {
        const real = target[name]!;
        originals.push([target, name, real]);
        target[name] = async (...args: unknown[]) => {
          // The fake's create clears through the same object: one effect, counted once.
          if (depth === 0) step();
          depth += 1;
          try {
            const result = await real.apply(target, args);
            if (api === "notifications" && name === "create") {
              const [id, options] = args as [
                string,
                { items?: { title: string }[] },
              ];
              const moments = id.startsWith("paynudge:order:")
                ? [id.slice("paynudge:order:".length)]
                : (options.items ?? []).map((i) => momentOfBuyer(i.title));
              holds.set(id, moments);
              created.push(moments);
            }
            return result;
          } finally {
            depth -= 1;
          }
        };
      }
    }
  });
  afterEach(() => {
    for (const [target, name, real] of originals.splice(0)) target[name] = real;
  });

  /** A connection whose writes are steps (db.use must come before it opens). */
  function stoppable(name: string): PayNudgeDB {
    const conn = new PayNudgeDB(name);
    conn.use({
      stack: "dbcore",
      name: "worker-stop",
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) => {
              try {
                step();
              } catch (error) {
                return Promise.reject(error);
              }
              return table.mutate(req);
            },
          };
        },
      }),
    });
    return conn;
  }

  interface Scenario {
    /** Shows what is on screen before, and says what falls due at `at`. */
    setup(db: PayNudgeDB): Promise<void>;
    at: number;
    /** Shown before the stopped run (still on screen), as `${orderKey}@${dueAt}`. */
    earlier: string[];
    /** Falling due at `at`. */
    due: string[];
  }

  const seen = async (db: PayNudgeDB, now: number, ...orders: object[]) =>
    upsertSeenOrders(
      db,
      parseOrdersSeen({ pageUrl: page, orders }),
      now,
      await loadEngineSettings(db),
    );
  const buyerMoment =
    (dueAt: number) =>
    (buyer: string): string =>
      `taobao:${buyer.replace("买家", "")}@${dueAt}`;

  const SCENARIOS: Record<string, Scenario> = {
    // Order 1's first nudge is on screen when its follow-up falls due, with order 2's first nudge.
    "two orders, one with its earlier step's notification on screen": {
      async setup(db) {
        await seen(db, T0, order("1", T0));
        await runDueCheck(db, at(23, 12, 30));
        await seen(db, at(23, 15, 45), order("2", at(23, 15, 30)));
      },
      at: at(23, 16),
      earlier: [`taobao:1@${at(23, 12, 30)}`],
      due: [`taobao:1@${at(23, 16)}`, `taobao:2@${at(23, 16)}`],
    },
    // The first nudges' summary is on screen when the three follow-ups fall due together.
    "a summary with the previous summary on screen": {
      async setup(db) {
        momentOfBuyer = buyerMoment(at(23, 12, 30));
        await seen(db, T0, order("1", T0), order("2", T0), order("3", T0));
        await runDueCheck(db, at(23, 12, 30));
        momentOfBuyer = buyerMoment(at(23, 16));
      },
      at: at(23, 16),
      earlier: ["1", "2", "3"].map((id) => `taobao:${id}@${at(23, 12, 30)}`),
      due: ["1", "2", "3"].map((id) => `taobao:${id}@${at(23, 16)}`),
    },
  };

  /**
   * Runs the scenario with the worker stopped after `stops[0]` steps, its retry after `stops[1]`,
   * and so on, then a retry that goes through. False when the first run went through unstopped.
   */
  async function stopAndRecover(
    scenario: Scenario,
    stops: number[],
  ): Promise<boolean> {
    fakeBrowser.reset();
    holds.clear();
    const name = `test-${crypto.randomUUID()}`;
    left = Infinity;
    await scenario.setup(stoppable(name));
    created = [];
    let now = scenario.at;
    let firstStopped = false;
    for (const [i, budget] of stops.entries()) {
      left = budget;
      stopped = false;
      await runDueCheck(stoppable(name), now).catch((error: Error) => {
        if (!stopped) throw error;
      });
      left = Infinity;
      if (i === 0) firstStopped = stopped;
      if (!stopped) break;
      // Once the retry alarm is armed (the run's first step), a due moment cannot be lost.
      if (budget > 0)
        expect(await alarmAt()).toBeLessThanOrEqual(now + RETRY_MS);
      now += RETRY_MS;
    }
    if (!firstStopped && stops.length === 1) return false;
    const restarted = new PayNudgeDB(name);
    await runDueCheck(restarted, now);

    const context = `stopped after ${stops.join(", then ")} step(s)`;
    const sorted = (moments: string[]) => [...moments].sort();
    const screen = Object.keys(await fakeBrowser.notifications.getAll());
    // Each due moment on screen exactly once, and nothing the new notifications replaced.
    expect(
      sorted(screen.flatMap((id) => holds.get(id) ?? [id])),
      context,
    ).toEqual(sorted(scenario.due));
    // Each created exactly once in all those runs; nothing shown before created again.
    expect(sorted(created.flat()), context).toEqual(sorted(scenario.due));
    // The ledger counts exactly those creations.
    expect(
      Object.fromEntries(
        (await restarted.alerts.toArray()).map((a) => [a.id, a.times]),
      ),
      context,
    ).toEqual(
      Object.fromEntries(
        [...scenario.earlier, ...scenario.due].map((m) => [m, 1]),
      ),
    );
    // Each due moment marked notified; the alarm waits for what comes next.
    for (const moment of scenario.due) {
      const [key, dueAt] = moment.split("@") as [string, string];
      expect((await restarted.orders.get(key))?.notifiedDueAt, context).toBe(
        Number(dueAt),
      );
    }
    expect(await alarmAt(), context).toBeGreaterThan(now);
    // What the database says is on screen is what is on screen.
    expect(
      sorted((await restarted.notices.toArray()).map((n) => n.id)),
      context,
    ).toEqual(sorted(screen));
    return firstStopped;
  }

  for (const [label, scenario] of Object.entries(SCENARIOS)) {
    it(`${label}: every due moment on screen exactly once, wherever the worker stops`, async () => {
      let n = 0;
      while (await stopAndRecover(scenario, [n])) n += 1;
      // The sweep went through every step of a run (more than a handful).
      expect(n).toBeGreaterThan(10);
    });

    it(`${label}: the same, when the worker stops again in the retries`, async () => {
      // Any steps of the first run, then of one or two retries, each stopped in turn.
      const steps = fc.nat({ max: 24 });
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(steps, fc.array(steps, { minLength: 1, maxLength: 2 })),
          async ([first, retries]) => {
            await stopAndRecover(scenario, [first, ...retries]);
          },
        ),
        { numRuns: 40 },
      );
    }, 30_000);
  }
});
