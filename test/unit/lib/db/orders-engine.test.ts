import { beforeEach, describe, expect, it } from "vitest";
import { PayNudgeDB } from "@/lib/db/schema";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";
import type { OrderSnapshot } from "@/lib/model/order";
import { nextAlarmAt } from "@/lib/db/due-orders";
import { logNudge, markStepDone, snoozeOrder } from "@/lib/db/order-actions";
import { replanDue, replanUnpaid } from "@/lib/db/order-plans";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { composeContext } from "@/lib/background/compose-context";
import { nudgeState } from "@/lib/model/nudge-state";
import { toView } from "@/lib/model/order-view";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { setSetting } from "@/lib/schemas/settings";

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();
const T0 = at(23, 12);

function snap(
  id: string,
  createdAt: number,
  extra: Partial<OrderSnapshot> = {},
): OrderSnapshot {
  return {
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    createdAt,
    buyer: "牛**",
    items: [{ title: "杯子" }],
    ...extra,
  };
}
/** The engine settings as the database holds them now (the background loads them per request). */
const stored = () => loadEngineSettings(db);
const see = async (orders: OrderSnapshot[], now: number) =>
  upsertSeenOrders(
    db,
    parseOrdersSeen({
      pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      orders,
    }),
    now,
    await stored(),
  );

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

describe("orders carry their plan step", () => {
  it("stores the step, channel and the moment the plan changes by the clock", async () => {
    await see([snap("1", T0)], T0 + MIN);
    expect(await db.orders.get("taobao:1")).toMatchObject({
      nextDueAt: at(23, 12, 30),
      nextStep: "first",
      nextChannel: "chat",
      nextScenario: "first",
      replanAt: at(23, 16),
    });
  });

  it("is re-planned when a later step takes over, and dropped at the close deadline", async () => {
    await see([snap("1", T0)], T0 + MIN);
    expect((await replanDue(db, at(23, 15), await stored())).changed).toEqual(
      [],
    );
    await replanDue(db, at(23, 16), await stored());
    expect(await db.orders.get("taobao:1")).toMatchObject({
      nextDueAt: at(23, 16),
      nextStep: "follow-up",
      // Issue #13: the SMS follow-up is due only while SMS is allowed; at 21:00 it moves on.
      replanAt: at(23, 21),
    });
    await replanDue(db, at(26, 11), await stored());
    expect(await db.orders.get("taobao:1")).toMatchObject({
      nextDueAt: at(26, 11),
      nextStep: "final",
      replanAt: at(26, 12),
    });
    const { cancelled } = await replanDue(db, at(26, 12), await stored());
    expect(cancelled).toEqual(["taobao:1"]);
    const row = await db.orders.get("taobao:1");
    expect(row?.nextDueAt).toBeUndefined();
    expect(row?.replanAt).toBeUndefined();
    expect(await nextAlarmAt(db)).toBeUndefined();
  });

  it("uses the settings stored in the database, ignoring an invalid one", async () => {
    await setSetting(db, "highValueCents", 10_000);
    await setSetting(db, "closeAfterMs", { taobao: 6 * HOUR });
    // Stored as an old bug or hand-edited data could have left it: setSetting refuses it.
    await db.settings.put({ key: "quietHours", value: "all night" });
    const settings = await loadEngineSettings(db);
    expect(settings.quietHours).toEqual([{ from: 120, to: 540 }]);
    await see([snap("1", T0, { amountCents: 23_900 })], T0 + MIN);
    // First at 12:30, the call at 16:00 (an hour later is outside 11–12), final 1 h before the 6 h close, follow-up pushed past it is gone.
    await replanDue(db, at(23, 16), await stored());
    expect(await db.orders.get("taobao:1")).toMatchObject({
      nextStep: "phone",
      nextChannel: "phone",
      nextDueAt: at(23, 16),
      replanAt: at(23, 17),
    });
    await replanDue(db, at(23, 17), await stored());
    expect(await db.orders.get("taobao:1")).toMatchObject({
      nextStep: "final",
      nextDueAt: at(23, 17),
    });
  });

  it("stores when the order auto-closes: the page's deadline, else the platform's from the settings", async () => {
    await setSetting(db, "closeAfterMs", { taobao: 6 * HOUR, shopify: null });
    await see(
      [
        snap("1", T0),
        snap("2", T0, { closesAt: at(23, 13) }),
        snap("3", T0, { status: "paid" }),
      ],
      T0 + MIN,
    );
    await upsertSeenOrders(
      db,
      parseOrdersSeen({
        pageUrl: "https://admin.shopify.com/store/x/orders",
        orders: [{ ...snap("4", T0), platform: "shopify" }],
      }),
      T0 + MIN,
      await stored(),
    );
    expect((await db.orders.get("taobao:1"))?.deadlineAt).toBe(at(23, 18));
    expect((await db.orders.get("taobao:2"))?.deadlineAt).toBe(at(23, 13));
    expect((await db.orders.get("taobao:3"))?.deadlineAt).toBeUndefined();
    expect((await db.orders.get("shopify:4"))?.deadlineAt).toBeUndefined();
    // A later change of the setting moves the stored deadline with the plan.
    await setSetting(db, "closeAfterMs", { taobao: 3 * HOUR });
    await replanUnpaid(db, T0 + 2 * MIN, await stored());
    expect((await db.orders.get("taobao:1"))?.deadlineAt).toBe(at(23, 15));
  });

  it("re-plans open orders when the seller changes the settings", async () => {
    await see([snap("1", T0), snap("2", T0, { status: "paid" })], T0 + MIN);
    await setSetting(db, "quietHours", [{ from: 12 * 60, to: 14 * 60 }]);
    const { changed } = await replanUnpaid(db, T0 + 2 * MIN, await stored());
    expect(changed.map((o) => o.key)).toEqual(["taobao:1"]);
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBe(at(23, 14));
  });
});

describe("logging a nudge", () => {
  it("adds to the shared log, counts it, finishes the step and plans the next", async () => {
    await see([snap("1", T0)], T0 + MIN);
    const { order } = await logNudge(
      db,
      "taobao:1",
      { channel: "chat", at: at(23, 12, 31), agent: "阿华" },
      at(23, 12, 31),
      await stored(),
    );
    expect(await db.nudges.toArray()).toEqual([
      {
        id: 1,
        orderKey: "taobao:1",
        at: at(23, 12, 31),
        channel: "chat",
        step: "first",
        agent: "阿华",
      },
    ]);
    expect(order).toMatchObject({
      nudgeCount: 1,
      lastNudgeAt: at(23, 12, 31),
      doneSteps: ["first"],
      nextStep: "follow-up",
      nextDueAt: at(23, 16),
    });
  });

  it("stops nudging a buyer who no longer wants the order, offers the polite close, and resumes if they change their mind", async () => {
    await see([snap("1", T0)], T0 + MIN);
    const { order } = await logNudge(
      db,
      "taobao:1",
      { channel: "chat", at: at(23, 12, 31), outcome: "not-wanted" },
      at(23, 12, 31),
      await stored(),
    );
    expect(order.declinedAt).toBe(at(23, 12, 31));
    expect(order.nextDueAt).toBeUndefined();
    expect(order.nextStep).toBeUndefined();
    expect(nudgeState(order, at(23, 13))).toBe("declined");
    // Nothing comes back by the clock either.
    await replanDue(db, at(26, 11), await stored());
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBeUndefined();
    expect(await nextAlarmAt(db)).toBeUndefined();
    // The panel leads with thanks and an offer to close, not another reminder.
    const context = await composeContext(db, "taobao:1", at(23, 13));
    expect(context.templates[0]!.scenario).toBe("declined");
    expect(toView(order).declinedAt).toBe(at(23, 12, 31));

    // A later try that met silence changes nothing.
    const { order: silent } = await logNudge(
      db,
      "taobao:1",
      { channel: "sms", at: at(23, 13, 30), outcome: "no-answer" },
      at(23, 13, 30),
      await stored(),
    );
    expect(silent.declinedAt).toBe(at(23, 12, 31));
    expect(silent.nextDueAt).toBeUndefined();
    // The buyer changed their mind: a later answer lifts it and the plan goes on.
    const { order: again } = await logNudge(
      db,
      "taobao:1",
      { channel: "chat", at: at(23, 14), outcome: "will-pay" },
      at(23, 14),
      await stored(),
    );
    expect(again.declinedAt).toBeUndefined();
    expect(again.nextDueAt).toBeGreaterThan(at(23, 14));
    expect(nudgeState(again, at(23, 14))).toBe("upcoming");
  });

  it("never dates a nudge in the future", async () => {
    await see([snap("1", T0)], T0 + MIN);
    const { order } = await logNudge(
      db,
      "taobao:1",
      { channel: "sms", at: at(24, 12) },
      at(23, 12, 40),
      await stored(),
    );
    expect(order.lastNudgeAt).toBe(at(23, 12, 40));
  });

  it("caps nudges per buyer across their orders: the third one pushes the others a day on", async () => {
    await see(
      [
        snap("1", T0),
        snap("2", T0),
        snap("3", T0),
        snap("4", T0, { buyer: "别人" }),
      ],
      T0 + MIN,
    );
    for (const [id, m] of [
      ["1", 30],
      ["2", 31],
      ["3", 32],
    ] as const) {
      await logNudge(
        db,
        `taobao:${id}`,
        { channel: "chat", at: at(23, 12, m) },
        at(23, 12, m),
        await stored(),
      );
    }
    // Follow-ups were at 16:00; the first of the three nudges ages out at 12:30 tomorrow.
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBe(at(24, 12, 30));
    expect((await db.orders.get("taobao:3"))?.nextDueAt).toBe(at(24, 12, 30));
    // Another buyer is not affected.
    expect((await db.orders.get("taobao:4"))?.nextDueAt).toBe(at(23, 12, 30));
    // Seeing the page again re-plans with the same cap.
    await see([snap("1", T0)], at(23, 13));
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBe(at(24, 12, 30));
  });

  it("refuses an unknown order without logging anything", async () => {
    await expect(
      logNudge(
        db,
        "taobao:404",
        { channel: "chat", at: T0 },
        T0,
        await stored(),
      ),
    ).rejects.toThrow(/unknown order/);
    expect(await db.nudges.count()).toBe(0);
  });
});

describe("snooze and done", () => {
  it("stores a snooze and moves the due moment to its end, out of quiet hours", async () => {
    await see([snap("1", T0)], T0 + MIN);
    const snoozed = await snoozeOrder(
      db,
      "taobao:1",
      at(23, 12, 50),
      at(23, 12, 35),
      await stored(),
    );
    expect(snoozed).toMatchObject({
      snoozedUntil: at(23, 12, 50),
      nextDueAt: at(23, 12, 50),
      nextStep: "first",
    });
    const late = await snoozeOrder(
      db,
      "taobao:1",
      at(24, 3),
      at(23, 12, 36),
      await stored(),
    );
    // The follow-up (SMS) has taken over by then, and SMS waits for 09:00.
    expect(late).toMatchObject({
      snoozedUntil: at(24, 3),
      nextDueAt: at(24, 9),
      nextStep: "follow-up",
    });
    // Seeing the page again does not forget the snooze.
    await see([snap("1", T0)], at(23, 13));
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBe(at(24, 9));
  });

  it("marks the current step done so the next one becomes due", async () => {
    await see([snap("1", T0)], T0 + MIN);
    const done = await markStepDone(
      db,
      "taobao:1",
      undefined,
      at(23, 12, 40),
      await stored(),
    );
    expect(done).toMatchObject({
      doneSteps: ["first"],
      nextStep: "follow-up",
      nextDueAt: at(23, 16),
      nudgeCount: 0,
    });
    const all = await markStepDone(
      db,
      "taobao:1",
      "final",
      at(23, 12, 41),
      await stored(),
    );
    expect(all.doneSteps).toEqual(["first", "final"]);
    await markStepDone(
      db,
      "taobao:1",
      undefined,
      at(23, 12, 42),
      await stored(),
    );
    expect((await db.orders.get("taobao:1"))?.nextDueAt).toBeUndefined();
  });
});
