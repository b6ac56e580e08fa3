import { beforeEach, describe, expect, it } from "vitest";
import {
  countDueNow,
  DUE_COUNT_CAP,
  dueUnnotified,
  markNotified,
  nextAlarmAt,
} from "@/lib/db/due-orders";
import { withDueIndex } from "@/lib/db/due-index";
import { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";
import { versionOneDb } from "@/test/support/schema-v1";

const MIN = 60_000;
const NOW = new Date(2026, 10, 11, 12, 0).getTime();

function row(
  id: string,
  dueInMinutes: number | undefined,
  extra: Partial<StoredOrder> = {},
): StoredOrder {
  return {
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    items: [],
    pageUrl: "https://trade.taobao.com/",
    firstSeenAt: NOW - 60 * MIN,
    lastSeenAt: NOW - 60 * MIN,
    nudgeCount: 0,
    ...(dueInMinutes === undefined
      ? {}
      : { nextDueAt: NOW + dueInMinutes * MIN }),
    ...extra,
  };
}

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

const indexed = async (index: "openDueAt" | "pendingDueAt" | "noSlotUntil") =>
  (await db.orders.orderBy(index).primaryKeys()).sort();

describe("the due fields the database keeps on every order row", () => {
  it("derives them from the row alone: unpaid with a nudge planned, and not yet notified", () => {
    const due = NOW + 5 * MIN;
    expect(withDueIndex(row("a", 5))).toMatchObject({
      openDueAt: due,
      pendingDueAt: due,
    });
    const notified = withDueIndex(row("b", 5, { notifiedDueAt: due }));
    expect(notified.openDueAt).toBe(due);
    expect(notified).not.toHaveProperty("pendingDueAt");
    // A stale value never survives: paid, or nothing planned.
    for (const stale of [
      row("c", 5, { status: "paid", openDueAt: due, pendingDueAt: due }),
      row("d", undefined, { openDueAt: due, pendingDueAt: due }),
    ]) {
      const out = withDueIndex(stale);
      expect(out).not.toHaveProperty("openDueAt");
      expect(out).not.toHaveProperty("pendingDueAt");
    }
  });

  it("keeps them right through every kind of write: add, bulkPut, update, modify, markNotified", async () => {
    await db.orders.add(row("add", -5));
    await db.orders.bulkPut([row("put", -10), row("paid", -10)]);
    await db.orders.update("taobao:paid", { status: "paid" });
    await db.orders
      .where("key")
      .equals("taobao:put")
      .modify((o) => {
        o.nextDueAt = NOW + 30 * MIN;
      });
    expect(await indexed("openDueAt")).toEqual(["taobao:add", "taobao:put"]);
    expect(await indexed("pendingDueAt")).toEqual(["taobao:add", "taobao:put"]);
    expect((await db.orders.get("taobao:put"))?.pendingDueAt).toBe(
      NOW + 30 * MIN,
    );

    await markNotified(db, [(await db.orders.get("taobao:add"))!]);
    expect(await indexed("pendingDueAt")).toEqual(["taobao:put"]);
    expect(await indexed("openDueAt")).toEqual(["taobao:add", "taobao:put"]);
  });

  it("answers the due check from them as the rows themselves would", async () => {
    await db.orders.bulkPut([
      row("overdue-notified", -40, { notifiedDueAt: NOW - 40 * MIN }),
      row("due", -3),
      row("later", 20),
      row("paid-stale", -5, { status: "paid" }),
      row("none", undefined, { replanAt: NOW + 90 * MIN }),
    ]);
    expect((await dueUnnotified(db, NOW)).map((o) => o.key)).toEqual([
      "taobao:due",
    ]);
    // Due now: every unpaid order whose moment has come, notified or not.
    expect(await countDueNow(db, NOW)).toBe(2);
    // The alarm: the earliest moment not yet notified (the overdue one is).
    expect(await nextAlarmAt(db)).toBe(NOW - 3 * MIN);
    await markNotified(db, await dueUnnotified(db, NOW));
    expect(await nextAlarmAt(db)).toBe(NOW + 20 * MIN);
    await db.orders.update("taobao:later", { status: "closed" });
    expect(await nextAlarmAt(db)).toBe(NOW + 90 * MIN);
  });

  it("counts due orders up to what the toolbar badge shows (99+)", async () => {
    await db.orders.bulkPut(
      Array.from({ length: DUE_COUNT_CAP + 50 }, (_, i) => row(`o${i}`, -i)),
    );
    expect(await countDueNow(db, NOW)).toBe(DUE_COUNT_CAP);
    expect(await countDueNow(db, NOW - 120 * MIN)).toBe(
      DUE_COUNT_CAP + 50 - 120,
    );
  });

  it("keeps an open order's close while no nudge fits before it, and drops it once one does or it is settled", () => {
    const closes = NOW + 30 * MIN;
    const noSlot = row("n", undefined, {
      noSlotCause: "buyer-cap",
      deadlineAt: closes,
    });
    expect(withDueIndex(noSlot).noSlotUntil).toBe(closes);
    for (const other of [
      { ...noSlot, nextDueAt: NOW + 5 * MIN },
      { ...noSlot, status: "paid" as const },
      { ...noSlot, noSlotCause: undefined },
      { ...noSlot, deadlineAt: undefined },
    ])
      expect(
        withDueIndex({ ...other, noSlotUntil: closes }),
      ).not.toHaveProperty("noSlotUntil");
  });

  it("fills them in when an older database opens (version 4's upgrade)", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v1 = versionOneDb(name);
    await v1.table("orders").bulkPut([
      row("open", -5),
      row("notified", -5, { notifiedDueAt: NOW - 5 * MIN }),
      row("paid", -5, { status: "paid" }),
      row("capped", undefined, {
        noSlotCause: "buyer-cap",
        deadlineAt: NOW + 30 * MIN,
      }),
    ]);
    v1.close();

    db = new PayNudgeDB(name);
    expect(await indexed("openDueAt")).toEqual([
      "taobao:notified",
      "taobao:open",
    ]);
    expect(await indexed("pendingDueAt")).toEqual(["taobao:open"]);
    // Version 5's.
    expect(await indexed("noSlotUntil")).toEqual(["taobao:capped"]);
    expect(await db.orders.count()).toBe(4);
  });
});
