import { beforeEach, describe, expect, it } from "vitest";
import { PayNudgeDB } from "@/lib/db/schema";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";
import { logNudge } from "@/lib/db/order-actions";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { replanOrders } from "@/lib/db/order-plans";
import { endOfDay } from "date-fns";
import type { StoredOrder } from "@/lib/model/order";
import {
  COUNT_CAP,
  FIRST_SCREEN,
  FULL_QUEUE,
  GROUP_PAGE,
  showMore,
  todayQueue,
  type QueueGroup,
  type QueueGroupId,
} from "@/lib/db/queue";
import { versionOneDb } from "@/test/support/schema-v1";

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

const byId = (
  groups: Awaited<ReturnType<typeof todayQueue>>,
  id: QueueGroupId,
): QueueGroup => groups.find((g) => g.id === id)!;

/** One unpaid Taobao order seen on its list page at `at`, planned with `settings`. */
const seeOne = (
  orderId: string,
  createdAt: number,
  title: string,
  at: number,
  settings = DEFAULT_ENGINE_SETTINGS,
) =>
  upsertSeenOrders(
    db,
    parseOrdersSeen({
      pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      orders: [
        {
          platform: "taobao",
          orderId,
          status: "unpaid",
          createdAt,
          items: [{ title }],
        },
      ],
    }),
    at,
    settings,
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
      // Nudged yesterday evening, then paid: not today's work.
      { ...row("paid", undefined, "paid"), lastNudgeAt: NOW - 13 * 60 * MIN },
      { ...row("nudged", undefined), lastNudgeAt: NOW - 30 * MIN },
      // Nudged this morning and paid since: still part of the day's work, and listed first.
      { ...row("won", undefined, "paid"), lastNudgeAt: NOW - 10 * MIN },
    ]);
    expect(summary(await todayQueue(db, NOW))).toEqual({
      overdue: { count: 2, ids: ["late2", "late1"] },
      due: { count: 2, ids: ["now1", "now2"] },
      later: { count: 2, ids: ["soon", "tonight"] },
      noSlot: { count: 0, ids: [] },
      done: { count: 2, ids: ["won", "nudged"] },
    });
  });

  it("reads only the first rows of a huge group, and counts it up to the cap: 99+", async () => {
    await db.orders.bulkPut(
      Array.from({ length: 500 }, (_, i) =>
        row(String(i).padStart(3, "0"), -40 - i),
      ),
    );
    const [overdue] = await todayQueue(db, NOW, { limit: 10, counts: true });
    expect(COUNT_CAP).toBe(100);
    expect(overdue).toMatchObject({ count: 99, countIsLowerBound: true });
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

  it("counts exactly below the cap, and says '99+' from the cap on", async () => {
    const overdue = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        row(`o${String(i).padStart(3, "0")}`, -40 - i),
      );
    await db.orders.bulkPut(overdue(COUNT_CAP - 1));
    const [below] = await todayQueue(db, NOW);
    expect(below!.count).toBe(99);
    expect(below!.countIsLowerBound).toBeUndefined();
    expect(below!.orders).toHaveLength(GROUP_PAGE);
    await db.orders.bulkPut(overdue(COUNT_CAP));
    const [at] = await todayQueue(db, NOW);
    expect(at).toMatchObject({ count: 99, countIsLowerBound: true });
  });

  it("reads a page more of the group the agent asks for, and counts past it", async () => {
    await db.orders.bulkPut([
      ...Array.from({ length: 150 }, (_, i) =>
        row(`late${String(i).padStart(3, "0")}`, -40 - i),
      ),
      ...Array.from({ length: 30 }, (_, i) =>
        row(`soon${String(i).padStart(2, "0")}`, 10 + i),
      ),
    ]);
    let more = showMore({}, "overdue");
    expect(more).toEqual({ overdue: GROUP_PAGE * 2 });
    const [overdue, , later] = await todayQueue(db, NOW, {
      ...FULL_QUEUE,
      more,
    });
    expect(overdue!.orders).toHaveLength(GROUP_PAGE * 2);
    expect(overdue!.orders[GROUP_PAGE]!.orderId).toBe(
      `late${149 - GROUP_PAGE}`,
    );
    // The other groups keep their first page.
    expect(later).toMatchObject({ count: 30 });
    expect(later!.orders).toHaveLength(GROUP_PAGE);
    // Past the cap: counted a little beyond the rows read, so that more are still said to be there.
    for (let i = 0; i < 3; i++) more = showMore(more, "overdue");
    const [further] = await todayQueue(db, NOW, { ...FULL_QUEUE, more });
    expect(further!.orders).toHaveLength(GROUP_PAGE * 5);
    expect(further).toMatchObject({
      count: GROUP_PAGE * 5 + 1,
      countIsLowerBound: true,
    });
    // Asked for more than there are: all of them, counted to the end.
    for (let i = 0; i < 3; i++) more = showMore(more, "overdue");
    const [all] = await todayQueue(db, NOW, { ...FULL_QUEUE, more });
    expect(all!.orders).toHaveLength(150);
    expect(all!.count).toBe(150);
    expect(all!.countIsLowerBound).toBeUndefined();
  });

  it("lists the most recently nudged first when a busy day's done group is read in part", async () => {
    await db.orders.bulkPut(
      Array.from({ length: 130 }, (_, i) => ({
        ...row(`n${String(i).padStart(3, "0")}`, undefined, "paid"),
        lastNudgeAt: NOW - (130 - i) * MIN,
      })),
    );
    const done = byId(await todayQueue(db, NOW), "done");
    expect(done).toMatchObject({ count: 99, countIsLowerBound: true });
    expect(done!.orders.map((o) => o.orderId).slice(0, 3)).toEqual([
      "n129",
      "n128",
      "n127",
    ]);
    expect(done!.orders).toHaveLength(GROUP_PAGE);
  });
});

describe("the popup's first screen", () => {
  it("reads a few rows without counting: exact when a group is short, 'at least' when it has more", async () => {
    await db.orders.bulkPut([
      ...Array.from({ length: 30 }, (_, i) =>
        row(`late${String(i).padStart(2, "0")}`, -40 - i),
      ),
      row("now1", -5),
      row("soon", 10),
    ]);
    const groups = await todayQueue(db, NOW, FIRST_SCREEN);
    expect(
      groups.map((g) => [g.id, g.count, g.countIsLowerBound ?? false]),
    ).toEqual([
      ["overdue", FIRST_SCREEN.limit, true],
      ["due", 1, false],
      ["later", 1, false],
      ["noSlot", 0, false],
      ["done", 0, false],
    ]);
    expect(groups[0]!.orders.map((o) => o.orderId)[0]).toBe("late29");
    // The full read counts them all.
    expect((await todayQueue(db, NOW))[0]).toMatchObject({ count: 30 });
    expect((await todayQueue(db, NOW))[0]!.countIsLowerBound).toBeUndefined();
  });
});

describe("done today, through the nudge log", () => {
  it("lists an order as soon as a nudge is logged on it, and not after midnight", async () => {
    await seeOne("1", NOW - 60 * MIN, "杯子", NOW - 59 * MIN);
    await logNudge(
      db,
      "taobao:1",
      { at: NOW - 5 * MIN, channel: "chat" },
      NOW - 5 * MIN,
      DEFAULT_ENGINE_SETTINGS,
    );
    // Its follow-up falls due later today: listed there, where the work is, and not under done.
    const follow = (await db.orders.get("taobao:1"))!.nextDueAt!;
    expect(follow).toBeLessThan(endOfDay(NOW).getTime());
    expect(summary(await todayQueue(db, NOW))).toMatchObject({
      later: { count: 1, ids: ["1"] },
      done: { count: 0, ids: [] },
    });
    // Paid since: done, once.
    await db.orders.update("taobao:1", { status: "paid" });
    await replanOrders(db, ["taobao:1"], NOW, DEFAULT_ENGINE_SETTINGS);
    const groups = await todayQueue(db, NOW);
    expect(summary(groups)).toMatchObject({
      later: { count: 0, ids: [] },
      done: { count: 1, ids: ["1"] },
    });
    const tomorrow = NOW + 12 * 60 * MIN;
    expect(byId(await todayQueue(db, tomorrow), "done").count).toBe(0);
  });

  it("never lists an order in two groups: nudged today and due again today, it is counted where it is due", async () => {
    await db.orders.bulkPut([
      { ...row("late", -45), lastNudgeAt: NOW - 50 * MIN },
      { ...row("now", -5), lastNudgeAt: NOW - 40 * MIN },
      { ...row("tonight", 6 * 60), lastNudgeAt: NOW - 20 * MIN },
      // Due again tomorrow: nothing left today, so done.
      { ...row("tomorrow", 13 * 60), lastNudgeAt: NOW - 10 * MIN },
      { ...row("won", undefined, "paid"), lastNudgeAt: NOW - 5 * MIN },
    ]);
    for (const read of [FULL_QUEUE, FIRST_SCREEN]) {
      const groups = await todayQueue(db, NOW, read);
      expect(summary(groups)).toEqual({
        overdue: { count: 1, ids: ["late"] },
        due: { count: 1, ids: ["now"] },
        later: { count: 1, ids: ["tonight"] },
        noSlot: { count: 0, ids: [] },
        done: { count: 2, ids: ["won", "tomorrow"] },
      });
      const keys = groups.flatMap((g) => g.orders.map((o) => o.key));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe("the database of an earlier version", () => {
  it("keeps every row and indexes the last nudge when it opens at version 2", async () => {
    const name = `test-v1-${crypto.randomUUID()}`;
    const v1 = versionOneDb(name);
    await v1
      .table("orders")
      .bulkPut([
        { ...row("old", undefined, "paid"), lastNudgeAt: NOW - 20 * MIN },
        row("open", 10),
      ]);
    await v1.table("settings").put({ key: "agentName", value: "小美" });
    v1.close();

    const v2 = new PayNudgeDB(name);
    expect(await v2.orders.count()).toBe(2);
    expect((await v2.settings.get("agentName"))?.value).toBe("小美");
    const groups = summary(await todayQueue(v2, NOW));
    expect(groups.done).toEqual({ count: 1, ids: ["old"] });
    expect(groups.later).toEqual({ count: 1, ids: ["open"] });
    v2.close();
  });
});

describe("orders no nudge fits before their close", () => {
  const noSlot = (
    id: string,
    closesInMinutes: number,
    cause: NonNullable<StoredOrder["noSlotCause"]> = "quiet-hours",
    extra: Partial<StoredOrder> = {},
  ): StoredOrder => ({
    ...row(id, undefined),
    deadlineAt: NOW + closesInMinutes * MIN,
    noSlotCause: cause,
    ...extra,
  });

  it("lists the open ones whose close is ahead, soonest close first, after later today", async () => {
    await db.orders.bulkPut([
      noSlot("late", 90),
      noSlot("first", 10, "buyer-cap"),
      noSlot("middle", 30),
      row("soon", 10),
      // Left out: paid since (the cause is only cleared when it is planned again), closed
      // already, closing this very moment, and an open order with no cause.
      noSlot("paid", 20, "buyer-cap", { status: "paid" }),
      noSlot("passed", -1),
      noSlot("now", 0),
      { ...row("plain", undefined), deadlineAt: NOW + 20 * MIN },
    ]);
    const groups = await todayQueue(db, NOW);
    expect(groups.map((g) => g.id)).toEqual([
      "overdue",
      "due",
      "later",
      "noSlot",
      "done",
    ]);
    expect(summary(groups)).toEqual({
      overdue: { count: 0, ids: [] },
      due: { count: 0, ids: [] },
      later: { count: 1, ids: ["soon"] },
      noSlot: { count: 3, ids: ["first", "middle", "late"] },
      done: { count: 0, ids: [] },
    });
    // The first screen reads the same rows.
    expect(summary(await todayQueue(db, NOW, FIRST_SCREEN)).noSlot).toEqual({
      count: 3,
      ids: ["first", "middle", "late"],
    });
  });

  it("lists an order nudged today that the buyer cap now leaves no slot under no slot, not done, and counts it once", async () => {
    await db.orders.bulkPut([
      noSlot("capped", 25, "buyer-cap", { lastNudgeAt: NOW - 5 * MIN }),
      noSlot("other", 20, "buyer-cap"),
      // Nudged today, its deadline passed since: done, as any order nudged today.
      noSlot("gone", -5, "buyer-cap", { lastNudgeAt: NOW - 60 * MIN }),
      { ...row("nudged", undefined), lastNudgeAt: NOW - 10 * MIN },
    ]);
    for (const read of [FULL_QUEUE, FIRST_SCREEN]) {
      const groups = await todayQueue(db, NOW, read);
      expect(summary(groups).noSlot).toEqual({
        count: 2,
        ids: ["other", "capped"],
      });
      expect(summary(groups).done).toEqual({
        count: 2,
        ids: ["nudged", "gone"],
      });
      const keys = groups.flatMap((g) => g.orders.map((o) => o.key));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("reads a page of a long list, says 99+ from the cap on, and reads more on asking", async () => {
    await db.orders.bulkPut(
      Array.from({ length: 130 }, (_, i) =>
        noSlot(`c${String(i).padStart(3, "0")}`, 200 - i),
      ),
    );
    const group = byId(await todayQueue(db, NOW), "noSlot");
    expect(group).toMatchObject({ count: 99, countIsLowerBound: true });
    expect(group.orders).toHaveLength(GROUP_PAGE);
    expect(group.orders[0]!.orderId).toBe("c129");
    const more = showMore({}, "noSlot");
    const longer = byId(
      await todayQueue(db, NOW, { ...FULL_QUEUE, more }),
      "noSlot",
    );
    expect(longer.orders).toHaveLength(GROUP_PAGE * 2);
    expect(longer.orders[GROUP_PAGE]!.orderId).toBe(`c${129 - GROUP_PAGE}`);
    // Asked for them all: counted to the end.
    const all = byId(
      await todayQueue(db, NOW, { ...FULL_QUEUE, more: { noSlot: 200 } }),
      "noSlot",
    );
    expect(all.orders).toHaveLength(130);
    expect(all).toMatchObject({ count: 130 });
    expect(all.countIsLowerBound).toBeUndefined();
  });

  it("counts done without the no-slot orders nudged today, below and beyond the cap", async () => {
    const nudged = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...row(`n${String(i).padStart(3, "0")}`, undefined),
        lastNudgeAt: NOW - (i + 1) * MIN,
      }));
    // The no-slot ones are the latest nudged: done reads past them.
    const capped = Array.from({ length: 10 }, (_, i) =>
      noSlot(`cap${i}`, 30, "buyer-cap", { lastNudgeAt: NOW - i * 1000 }),
    );
    await db.orders.bulkPut([...nudged(COUNT_CAP - 1), ...capped]);
    let done = byId(await todayQueue(db, NOW), "done");
    expect(done.count).toBe(COUNT_CAP - 1);
    expect(done.countIsLowerBound).toBeUndefined();
    expect(done.orders).toHaveLength(GROUP_PAGE);
    expect(done.orders[0]!.orderId).toBe("n000");
    expect(done.orders.some((o) => o.noSlotCause)).toBe(false);
    expect(byId(await todayQueue(db, NOW), "noSlot").count).toBe(10);
    await db.orders.bulkPut(nudged(COUNT_CAP + 20));
    done = byId(await todayQueue(db, NOW), "done");
    expect(done).toMatchObject({ count: 99, countIsLowerBound: true });
  });

  it("lists an order the engine found no slot for, with its cause", async () => {
    await seeOne("9", NOW - 5 * MIN, "围巾", NOW, {
      ...DEFAULT_ENGINE_SETTINGS,
      // Quiet from an hour ago until well after the 30-minute close.
      quietHours: [{ from: 11 * 60, to: 14 * 60 }],
      channelWindows: {},
      softWindow: { ...DEFAULT_ENGINE_SETTINGS.softWindow, on: false },
      closeAfterMs: {
        ...DEFAULT_ENGINE_SETTINGS.closeAfterMs,
        taobao: 30 * MIN,
      },
    });
    const group = byId(await todayQueue(db, NOW), "noSlot");
    expect(group.orders.map((o) => [o.orderId, o.noSlotCause])).toEqual([
      ["9", "quiet-hours"],
    ]);
  });
});
