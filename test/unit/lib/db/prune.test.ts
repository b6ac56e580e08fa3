import { beforeEach, describe, expect, it } from "vitest";
import { restoredTableRows } from "@/lib/db/backup";
import { DAY_MS, pruneOrders } from "@/lib/db/prune";
import { loadNudgeReport, reportBounds } from "@/lib/db/report";
import { PayNudgeDB, type AlertRow, type NoticeRow } from "@/lib/db/schema";
import { RETENTION_MIN_DAYS } from "@/lib/db/setting-values";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const RETENTION = 90;
const daysAgo = (days: number) => NOW - days * DAY_MS;

function order(
  id: string,
  status: StoredOrder["status"],
  lastSeenDaysAgo: number,
  extra: Partial<StoredOrder> = {},
): StoredOrder {
  return {
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status,
    items: [{ title: "抽纸" }],
    pageUrl: "https://trade.taobao.com/",
    firstSeenAt: daysAgo(lastSeenDaysAgo + 1),
    lastSeenAt: daysAgo(lastSeenDaysAgo),
    nudgeCount: 0,
    ...extra,
  };
}

const log = (id: string, atDaysAgo: number): NudgeLog => ({
  orderKey: `taobao:${id}`,
  at: daysAgo(atDaysAgo),
  channel: "chat",
  step: "first",
  outcome: "will-pay",
});

const alert = (id: string, atDaysAgo: number): AlertRow => ({
  id: `taobao:${id}@${daysAgo(atDaysAgo)}`,
  orderKey: `taobao:${id}`,
  dueAt: daysAgo(atDaysAgo),
  shownAt: daysAgo(atDaysAgo),
  times: 1,
  late: false,
  grouped: false,
});

const notice = (noticeId: string, ids: string[]): NoticeRow => ({
  id: noticeId,
  at: daysAgo(100),
  grouped: ids.length > 1,
  moments: ids.map((id) => ({
    orderKey: `taobao:${id}`,
    dueAt: daysAgo(100),
    late: false,
  })),
  created: true,
});

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

const keys = async () => (await db.orders.toCollection().primaryKeys()).sort();
const logKeys = async () =>
  (await db.nudges.toArray()).map((n) => `${n.orderKey}@${n.at}`).sort();

describe("pruning old orders", () => {
  beforeEach(async () => {
    await db.orders.bulkAdd([
      // Old enough to go: paid and closed, neither seen nor nudged for more than 90 days.
      order("old-paid", "paid", 120, { lastNudgeAt: daysAgo(121) }),
      order("old-closed", "closed", 91),
      // Never pruned, whatever the age: an unpaid order whose deadline is unknown or inside the
      // retention may still be nudged.
      order("old-unpaid", "unpaid", 3000),
      order("unpaid-open", "unpaid", 120, { deadlineAt: daysAgo(80) }),
      // Settled all the same: the platform closed it long ago, or it was never unpaid.
      order("expired-unpaid", "unpaid", 120, { deadlineAt: daysAgo(119) }),
      order("old-other", "other", 400),
      // Within the retention: seen, or nudged, in the last 90 days.
      order("recent-paid", "paid", 89),
      order("nudged-paid", "paid", 200, { lastNudgeAt: daysAgo(10) }),
      // A restored backup may carry a log newer than its order's lastNudgeAt: the log keeps it.
      order("logged-closed", "closed", 200),
      // Just inside: exactly at the cutoff is kept.
      order("edge-paid", "paid", RETENTION),
    ]);
    await db.nudges.bulkAdd([
      log("old-paid", 121),
      log("old-paid", 125),
      log("old-unpaid", 2999),
      log("recent-paid", 95),
      log("nudged-paid", 10),
      log("logged-closed", 3),
    ]);
    await db.alerts.bulkAdd([
      alert("old-paid", 122),
      alert("old-closed", 100),
      alert("old-unpaid", 2999),
    ]);
    await db.notices.bulkAdd([
      notice("n-old", ["old-paid"]),
      notice("n-summary-old", ["old-paid", "old-closed"]),
      // A summary that also shows a kept order stays.
      notice("n-mixed", ["old-paid", "old-unpaid"]),
    ]);
  });

  it("deletes paid and closed orders past the retention with their logs, alerts and notices; keeps everything else", async () => {
    const counts = await pruneOrders(db, NOW, RETENTION);

    expect(counts).toMatchObject({
      orders: 4,
      nudges: 2,
      alerts: 2,
      notices: 2,
    });
    expect(await keys()).toEqual(
      [
        "taobao:edge-paid",
        "taobao:logged-closed",
        "taobao:nudged-paid",
        "taobao:old-unpaid",
        "taobao:recent-paid",
        "taobao:unpaid-open",
      ].sort(),
    );
    // Every log of a stored order is kept, however old (recent-paid's is 95 days old).
    expect(await logKeys()).toEqual(
      [
        `taobao:logged-closed@${daysAgo(3)}`,
        `taobao:nudged-paid@${daysAgo(10)}`,
        `taobao:old-unpaid@${daysAgo(2999)}`,
        `taobao:recent-paid@${daysAgo(95)}`,
      ].sort(),
    );
    expect((await db.alerts.toArray()).map((a) => a.orderKey)).toEqual([
      "taobao:old-unpaid",
    ]);
    expect((await db.notices.toArray()).map((n) => n.id)).toEqual(["n-mixed"]);
  });

  it("is idempotent: a second run deletes nothing", async () => {
    await pruneOrders(db, NOW, RETENTION);
    const after = await restoredTableRows(db);
    expect(await pruneOrders(db, NOW, RETENTION)).toMatchObject({
      orders: 0,
      nudges: 0,
      alerts: 0,
      notices: 0,
    });
    expect(await restoredTableRows(db)).toEqual(after);
  });

  it("a shorter retention takes more; unpaid orders with no deadline past it still stay", async () => {
    await pruneOrders(db, NOW, 31);
    expect(await keys()).toEqual(
      [
        "taobao:logged-closed",
        "taobao:nudged-paid",
        "taobao:old-unpaid",
      ].sort(),
    );
  });

  it("refuses a retention that is not a positive number of days", async () => {
    for (const days of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      await expect(pruneOrders(db, NOW, days)).rejects.toThrow(RangeError);
    expect(await db.orders.count()).toBe(10);
  });
});

describe("what the report needs", () => {
  it("the shortest retention allowed is longer than the report's longest range", () => {
    for (const hour of [0, 1, 12, 23]) {
      const now = new Date(2026, 2, 29, hour, 30).getTime();
      expect(reportBounds("week", now).from).toBeGreaterThan(
        now - RETENTION_MIN_DAYS * DAY_MS,
      );
    }
  });

  it("the week's report reads the same after pruning with the shortest retention", async () => {
    // Paid orders nudged every day of the last 60 days, each seen last when nudged.
    for (let d = 0; d < 60; d++) {
      await db.orders.add(
        order(`d${d}`, d % 2 ? "paid" : "closed", d, {
          lastNudgeAt: daysAgo(d),
        }),
      );
      await db.nudges.add({
        ...log(`d${d}`, d),
        reason: "shipping-cost",
      });
    }
    const before = await loadNudgeReport(db, "week", NOW);
    expect(before.nudges).toBeGreaterThan(0);

    const counts = await pruneOrders(db, NOW, RETENTION_MIN_DAYS);

    // Days 0 to 31 stay (the 31st exactly at the cutoff); 32 to 59 go.
    expect(counts.orders).toBe(60 - RETENTION_MIN_DAYS - 1);
    expect(await loadNudgeReport(db, "week", NOW)).toEqual(before);
  });
});

describe("batches", () => {
  beforeEach(async () => {
    // 45 prunable orders with old unpaid ones among them, all seen at the same moments (a page's
    // batch shares one lastSeenAt), so that batches split runs of equal index values.
    const rows: StoredOrder[] = [];
    for (let i = 0; i < 60; i++)
      rows.push(
        order(
          `b${String(i).padStart(2, "0")}`,
          i % 4 === 0 ? "unpaid" : "paid",
          100 + (i % 3),
        ),
      );
    await db.orders.bulkAdd(rows);
    await db.nudges.bulkAdd(rows.map((o) => log(o.orderId, 101)));
  });

  it("works in small transactions, letting other work in between, and misses none", async () => {
    const seenBetween: number[] = [];
    const counts = await pruneOrders(db, NOW, RETENTION, {
      batchSize: 10,
      // Another reader gets in between batches: the count it sees only ever falls by a batch.
      pause: async () => {
        seenBetween.push(await db.orders.count());
      },
    });

    expect(counts.orders).toBe(45);
    expect(counts.nudges).toBe(45);
    expect(counts.batches).toBeGreaterThanOrEqual(6);
    expect(seenBetween.length).toBe(counts.batches - 1);
    [60, ...seenBetween].reduce((previous, seen) => {
      expect(previous - seen).toBeGreaterThanOrEqual(0);
      expect(previous - seen).toBeLessThanOrEqual(10);
      return seen;
    });
    const left = await db.orders.toArray();
    expect(left).toHaveLength(15);
    expect(left.every((o) => o.status === "unpaid")).toBe(true);
    expect(await db.nudges.count()).toBe(15);
  });

  it("an order seen again between batches is kept; one the shift skipped goes on the next run", async () => {
    let once = false;
    await pruneOrders(db, NOW, RETENTION, {
      batchSize: 10,
      pause: async () => {
        if (once) return;
        once = true;
        // The agent opens an old order page: the last of the old paid orders is seen again.
        await db.orders.update("taobao:b59", { lastSeenAt: NOW });
      },
    });
    expect(await db.orders.get("taobao:b59")).toBeDefined();
    await pruneOrders(db, NOW, RETENTION, { batchSize: 10 });

    const left = await db.orders.toArray();
    expect(left.map((o) => o.key).sort()).toEqual(
      [
        "taobao:b59",
        ...left.filter((o) => o.status === "unpaid").map((o) => o.key),
      ].sort(),
    );
    expect(left.filter((o) => o.status === "unpaid")).toHaveLength(15);
  });

  it("a backup exported while it runs always holds whole orders: no log without its order", async () => {
    const exports: Awaited<ReturnType<typeof restoredTableRows>>[] = [];
    const exporting = (async () => {
      for (let i = 0; i < 8; i++) {
        exports.push(await restoredTableRows(db));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    })();
    await Promise.all([
      pruneOrders(db, NOW, RETENTION, { batchSize: 10 }),
      exporting,
    ]);

    const sizes = exports.map((e) => e.orders!.length);
    // Some exports were taken mid-prune, between batches.
    expect(sizes.some((n) => n < 60 && n > 15)).toBe(true);
    for (const backup of exports) {
      const stored = new Set(
        (backup.orders as StoredOrder[]).map((o) => o.key),
      );
      const logs = backup.nudges as NudgeLog[];
      expect(logs.every((l) => stored.has(l.orderKey))).toBe(true);
      expect(logs).toHaveLength(stored.size);
    }
  });
});

describe("30 simulated days of a busy shop", () => {
  const PER_DAY = 300;
  const DAYS = 30;
  const SHORT = 5;

  it("stays bounded: settled orders past a short retention go each day, and so do unpaid ones the platform closed", async () => {
    const start = daysAgo(DAYS);
    const totals: number[] = [];
    for (let day = 0; day < DAYS; day++) {
      const morning = start + day * DAY_MS;
      const evening = morning + 10 * 3_600_000;
      const orders: StoredOrder[] = [];
      const logs: NudgeLog[] = [];
      for (let i = 0; i < PER_DAY; i++) {
        const id = `${day}-${i}`;
        // By the evening most are paid (90%), some closed (6%); the rest stay unpaid, their page is
        // never opened again, and the platform closes them the next morning.
        const status = i % 50 < 45 ? "paid" : i % 50 < 48 ? "closed" : "unpaid";
        const nudged = i % 3 === 0;
        orders.push({
          ...order(id, status, 0),
          firstSeenAt: morning,
          lastSeenAt: evening,
          deadlineAt: morning + DAY_MS,
          ...(nudged
            ? { lastNudgeAt: morning + 3_600_000, nudgeCount: 1 }
            : {}),
        });
        if (nudged) logs.push({ ...log(id, 0), at: morning + 3_600_000 });
      }
      await db.orders.bulkAdd(orders);
      await db.nudges.bulkAdd(logs);
      await pruneOrders(db, evening + 3_600_000, SHORT);
      totals.push(await db.orders.count());
    }

    // The orders of at most the last SHORT days (plus today), whatever their status.
    expect(Math.max(...totals)).toBeLessThanOrEqual((SHORT + 1) * PER_DAY);
    // The oldest day's unpaid orders closed a day after it: they wait one more day.
    const unpaidPerDay = (PER_DAY * 2) / 50;
    expect(totals.at(-1)).toBe(SHORT * PER_DAY + unpaidPerDay);
    expect(await db.orders.where("status").equals("unpaid").count()).toBe(
      (SHORT + 1) * unpaidPerDay,
    );
    // The log holds exactly the logs of the stored orders: none lost, none orphaned.
    const stored = new Set(await db.orders.toCollection().primaryKeys());
    const logsLeft = await db.nudges.toArray();
    expect(logsLeft.every((l) => stored.has(l.orderKey))).toBe(true);
    const nudgedStored = (await db.orders.toArray()).filter(
      (o) => o.lastNudgeAt !== undefined,
    ).length;
    expect(logsLeft).toHaveLength(nudgedStored);
  }, 60_000);
});

describe("colleagues' merged nudges (team mode)", () => {
  it("goes once past the retention when their order was never stored here; stays while it is", async () => {
    const merged = (id: string, atDaysAgo: number): NudgeLog => ({
      ...log(id, atDaysAgo),
      agent: "小美",
      importedFrom: "小美",
    });
    // U is unpaid and kept, with its own and a colleague's old nudge; X was never stored here.
    await db.orders.put(order("U", "unpaid", 200));
    await db.nudges.bulkAdd([
      log("U", 150),
      merged("U", 150),
      merged("X", 150),
      merged("X", 10),
      merged("Y", 150),
      merged("Y", 149),
    ]);
    const counts = await pruneOrders(db, NOW, RETENTION, { batchSize: 2 });
    expect(counts.nudges).toBe(3);
    const left = (await db.nudges.toArray())
      .map((n) => `${n.orderKey}@${Math.round((NOW - n.at) / DAY_MS)}`)
      .sort();
    expect(left).toEqual(["taobao:U@150", "taobao:U@150", "taobao:X@10"]);
    // A second run removes nothing more.
    expect((await pruneOrders(db, NOW, RETENTION)).nudges).toBe(0);
  });
});
