import { beforeEach, describe, expect, it } from "vitest";
import { PayNudgeDB } from "@/lib/db/schema";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";
import type { OrderSnapshot } from "@/lib/model/order";
import { DUPLICATE_LOG_WINDOW_MS, logNudge } from "@/lib/db/order-actions";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { loadNudgeReport } from "@/lib/db/report";
import { nudgeLogCsv } from "@/lib/db/csv";
import { PROMISE_GRACE_MS } from "@/lib/engine/promise";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";

const MIN = 60_000;
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();
const T0 = at(23, 12);
const LOGGED = at(23, 12, 31);

const snap = (id: string): OrderSnapshot => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt: T0,
  buyer: "牛**",
  items: [{ title: "杯子" }],
});

let db: PayNudgeDB;
beforeEach(async () => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await upsertSeenOrders(
    db,
    parseOrdersSeen({
      pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      orders: [snap("1")],
    }),
    T0 + MIN,
    await loadEngineSettings(db),
  );
});

const log = async (
  atMs: number,
  extra: { step?: string; outcome?: "will-pay" } = {},
  options: { again?: boolean } = {},
) =>
  logNudge(
    db,
    "taobao:1",
    { channel: "chat", at: atMs, ...extra },
    atMs,
    await loadEngineSettings(db),
    options,
  );

describe("one log per nudge", () => {
  it("refuses the same step logged again within the window, leaving the order and the log as they were", async () => {
    const first = await log(LOGGED, { step: "first" });
    expect(first.duplicateOf).toBeUndefined();
    const before = await db.orders.get("taobao:1");

    const second = await log(LOGGED + MIN, { step: "first" });
    expect(second.duplicateOf).toMatchObject({ at: LOGGED, step: "first" });
    expect(second.order.nudgeCount).toBe(1);
    expect(await db.nudges.count()).toBe(1);
    expect(await db.orders.get("taobao:1")).toEqual(before);
  });

  it("refuses a repeat of the current step when the step is left to the plan", async () => {
    await log(LOGGED);
    // The first log moved the plan on: a repeat names the step it repeats.
    const repeat = await log(LOGGED + MIN, { step: "first" });
    expect(repeat.duplicateOf?.step).toBe("first");
    expect(await db.nudges.count()).toBe(1);
  });

  it("logs the same step again when the agent says so", async () => {
    await log(LOGGED, { step: "first" });
    const again = await log(LOGGED + MIN, { step: "first" }, { again: true });
    expect(again.duplicateOf).toBeUndefined();
    expect(again.order.nudgeCount).toBe(2);
    expect(await db.nudges.count()).toBe(2);
  });

  it("logs the same step again once the window has passed", async () => {
    await log(LOGGED, { step: "first" });
    const later = await log(LOGGED + DUPLICATE_LOG_WINDOW_MS, {
      step: "first",
    });
    expect(later.duplicateOf).toBeUndefined();
    expect(later.order.nudgeCount).toBe(2);
  });

  it("logs the step a colleague logged on their machine (merged from their team log): theirs is not this one again", async () => {
    await db.nudges.add({
      orderKey: "taobao:1",
      at: LOGGED,
      channel: "chat",
      step: "first",
      agent: "阿华",
      importedFrom: "阿华",
    });
    const mine = await log(LOGGED + MIN, { step: "first" });
    expect(mine.duplicateOf).toBeUndefined();
    expect(await db.nudges.count()).toBe(2);
    // Then this agent's own second log of it is a repeat of their own.
    const repeat = await log(LOGGED + 2 * MIN, { step: "first" });
    expect(repeat.duplicateOf).toMatchObject({ at: LOGGED + MIN });
    expect(repeat.duplicateOf?.importedFrom).toBeUndefined();
  });

  it("logs a new answer from the buyer: it is news, not a repeat", async () => {
    await log(LOGGED, { step: "first" });
    const answer = await log(LOGGED + MIN, {
      step: "first",
      outcome: "will-pay",
    });
    expect(answer.duplicateOf).toBeUndefined();
    expect(await db.nudges.count()).toBe(2);
  });

  it("logs one nudge when two tabs log the same step at once, and the count, log and report agree", async () => {
    const settings = await loadEngineSettings(db);
    const results = await Promise.all(
      [0, 1].map(() =>
        logNudge(
          db,
          "taobao:1",
          { channel: "chat", at: LOGGED, step: "first" },
          LOGGED,
          settings,
        ),
      ),
    );
    expect(results.filter((r) => r.duplicateOf === undefined)).toHaveLength(1);
    expect(await db.nudges.count()).toBe(1);
    expect((await db.orders.get("taobao:1"))?.nudgeCount).toBe(1);
    const report = await loadNudgeReport(db, "today", LOGGED + MIN);
    expect(report.nudges).toBe(1);
    const csv = nudgeLogCsv(await db.nudges.toArray(), new Map());
    expect(csv.trim().split("\n")).toHaveLength(2);
  });
});

describe("the buyer's promised time", () => {
  const logAnswer = async (
    atMs: number,
    outcome: "will-pay" | "no-answer",
    when?: string,
  ) =>
    logNudge(
      db,
      "taobao:1",
      { channel: "chat", at: atMs, outcome, ...(when ? { when } : {}) },
      atMs,
      await loadEngineSettings(db),
    );

  it("is stored with a will-pay log and moves the next nudge to after it", async () => {
    await logAnswer(LOGGED, "will-pay", "evening");
    const order = (await db.orders.get("taobao:1"))!;
    expect(order.promisedAt).toBe(at(23, 20));
    expect(order.promisedWhen).toBe("evening");
    expect(order.nextDueAt).toBeGreaterThanOrEqual(
      at(23, 20) + PROMISE_GRACE_MS,
    );
  });

  it("takes a time the agent typed: the next such time after the log, kept as the moment alone", async () => {
    await logAnswer(LOGGED, "will-pay", "14:30");
    let order = (await db.orders.get("taobao:1"))!;
    expect(order.promisedAt).toBe(at(23, 14, 30));
    expect(order.promisedWhen).toBeUndefined();
    expect(order.nextDueAt).toBeGreaterThanOrEqual(
      at(23, 14, 30) + PROMISE_GRACE_MS,
    );
    expect((await db.nudges.toArray()).map((n) => n.when)).toEqual(["14:30"]);
    // 12:00 has passed at 12:41: the buyer means tomorrow's.
    await logAnswer(LOGGED + 10 * MIN, "will-pay", "12:00");
    order = (await db.orders.get("taobao:1"))!;
    expect(order.promisedAt).toBe(at(24, 12));
  });

  it("is replaced by a later answer, and cleared by one without a time", async () => {
    await logAnswer(LOGGED, "will-pay", "evening");
    await logAnswer(LOGGED + 10 * MIN, "will-pay", "noon");
    let order = (await db.orders.get("taobao:1"))!;
    // Noon has passed at 12:41: the buyer means tomorrow's.
    expect(order.promisedAt).toBe(at(24, 12));
    expect(order.promisedWhen).toBe("noon");

    await logAnswer(LOGGED + 20 * MIN, "no-answer");
    order = (await db.orders.get("taobao:1"))!;
    expect(order.promisedAt).toBeUndefined();
    expect(order.promisedWhen).toBeUndefined();
  });
});
