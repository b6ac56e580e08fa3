import Dexie from "dexie";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { loadReportFigures, readReportRows } from "@/lib/db/report-figures";
import { PayNudgeDB } from "@/lib/db/schema";
import { reportPeriod } from "@/lib/engine/report/periods";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import type { ReportRangeId } from "@/lib/model/report";
import {
  DAY,
  HOUR,
  figuresOf,
  loggedNudge,
  paidOrder,
  storedOrder,
} from "@/test/support/report-rows";

/*
 * The report read from the database through its indexes gives the figures the engine gives over
 * every stored row: reading less never changes a number.
 */

const MIDNIGHT = new Date(2026, 10, 23).getTime();
const NOW = MIDNIGHT + 15 * HOUR;

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

async function store(orders: StoredOrder[], nudges: NudgeLog[]) {
  await db.orders.bulkPut(orders);
  await db.nudges.bulkAdd(nudges);
}

/** The engine over every row stored: what the loader must match. */
async function overEverything(range: ReportRangeId, attributionHours = 72) {
  const orders = await db.orders.toArray();
  return figuresOf(
    orders,
    await db.nudges.toArray(),
    { attributionHours },
    reportPeriod(range, NOW),
  );
}

describe("loading the report", () => {
  it("gives the engine's figures over every row, for each range, reading only the range's", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            seenHoursAgo: fc.integer({ min: 0, max: 90 * 24 }),
            nudgesAfter: fc.array(fc.integer({ min: 0, max: 100 }), {
              maxLength: 3,
            }),
            paidAfter: fc.option(fc.integer({ min: 0, max: 150 }), {
              nil: undefined,
            }),
            held: fc.constantFrom(undefined, "quiet-hours", "buyer-cap"),
            reason: fc.constantFrom(undefined, "balance", "coupon"),
            usd: fc.boolean(),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom<ReportRangeId>("today", "yesterday", "7d", "30d"),
        async (rows, range) => {
          db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
          const orders: StoredOrder[] = [];
          const nudges: NudgeLog[] = [];
          rows.forEach((r, i) => {
            const id = String(i);
            const seen = NOW - r.seenHoursAgo * HOUR;
            const logged = r.nudgesAfter
              .map((h) => seen + h * HOUR)
              .filter((at) => at <= NOW);
            for (const at of logged)
              nudges.push(
                loggedNudge(id, at, r.reason ? { reason: r.reason } : {}),
              );
            const paidAt =
              r.paidAfter === undefined ? undefined : seen + r.paidAfter * HOUR;
            const extra: Partial<StoredOrder> = {
              nudgeCount: logged.length,
              // As logNudge keeps it: the loader reads the nudged orders by it.
              ...(logged.length && { lastNudgeAt: Math.max(...logged) }),
              ...(r.usd && { currency: "USD" }),
            };
            orders.push(
              paidAt !== undefined && paidAt <= NOW
                ? paidOrder(id, seen, paidAt, extra)
                : storedOrder(id, seen, {
                    ...extra,
                    ...(r.held && {
                      noSlotCause: r.held,
                      deadlineAt: seen + 2 * DAY,
                    }),
                  }),
            );
          });
          await store(orders, nudges);
          expect(
            await loadReportFigures(db, reportPeriod(range, NOW), NOW),
          ).toEqual(await overEverything(range));
          db.close();
        },
      ),
      { numRuns: 25 },
    );
  });

  it("knows a paid order nudged long before the range read was nudged: not paid by itself", async () => {
    await store(
      [
        paidOrder("1", MIDNIGHT - 20 * DAY, MIDNIGHT + HOUR, { nudgeCount: 1 }),
        paidOrder("2", MIDNIGHT - 20 * DAY, MIDNIGHT + HOUR),
      ],
      [loggedNudge("1", MIDNIGHT - 19 * DAY)],
    );
    const r = await loadReportFigures(db, reportPeriod("today", NOW), NOW);
    expect(r.current).toMatchObject({ recovered: 0, paidByThemselves: 1 });
    expect(r).toEqual(await overEverything("today"));
  });

  it("follows the attribution window the seller set", async () => {
    await store(
      [paidOrder("1", MIDNIGHT - DAY, MIDNIGHT + HOUR, { nudgeCount: 1 })],
      [loggedNudge("1", MIDNIGHT - 20 * HOUR)],
    );
    const today = reportPeriod("today", NOW);
    expect((await loadReportFigures(db, today, NOW)).current.recovered).toBe(1);
    await db.settings.put({ key: "attributionHours", value: 12 });
    const short = await loadReportFigures(db, today, NOW);
    expect(short.attributionHours).toBe(12);
    expect(short.current.recovered).toBe(0);
  });

  it("does not count a reason this version does not know", async () => {
    await store(
      [storedOrder("1", MIDNIGHT + HOUR)],
      [
        loggedNudge("1", MIDNIGHT + 2 * HOUR, { reason: "balance" }),
        loggedNudge("1", MIDNIGHT + 3 * HOUR, { reason: "from-the-future" }),
      ],
    );
    const r = await loadReportFigures(db, reportPeriod("today", NOW), NOW);
    expect(r.reasons.map((x) => x.id)).toEqual(["balance"]);
    expect(r.days[0]!.reasons).toEqual({ balance: 1 });
  });
});

describe("what a range reads", () => {
  it("leaves the orders and nudges of other days unread", async () => {
    const old = Array.from({ length: 300 }, (_, i) =>
      paidOrder(`old${i}`, MIDNIGHT - 50 * DAY, MIDNIGHT - 49 * DAY, {
        nudgeCount: 1,
        lastNudgeAt: MIDNIGHT - 50 * DAY + HOUR,
      }),
    );
    const oldNudges = old.map((o) =>
      loggedNudge(o.orderId, MIDNIGHT - 50 * DAY + HOUR),
    );
    const recent = [
      paidOrder("1", MIDNIGHT - DAY, MIDNIGHT + HOUR, {
        nudgeCount: 1,
        lastNudgeAt: MIDNIGHT - 2 * HOUR,
      }),
      // Stored without lastNudgeAt (no writer leaves it out): read by its key.
      storedOrder("2", MIDNIGHT + HOUR, { nudgeCount: 1 }),
      storedOrder("3", MIDNIGHT + 2 * HOUR),
      paidOrder("4", MIDNIGHT - 2 * DAY, MIDNIGHT - 2 * DAY + HOUR),
    ];
    await store(
      [...old, ...recent],
      [
        ...oldNudges,
        loggedNudge("1", MIDNIGHT - 2 * HOUR),
        loggedNudge("2", MIDNIGHT + 2 * HOUR),
      ],
    );
    const { data } = await readReportRows(db, reportPeriod("today", NOW), NOW);
    // Order 4 was seen paid before yesterday (the previous period), order 3 neither nudged nor
    // paid: counted on the unpaidSeenAt index alone, as yesterday's order 1.
    expect(data.orders.map((o) => o.orderId).sort()).toEqual(["1", "2"]);
    expect(data.nudges).toHaveLength(2);
    expect(data.unpaidSeen).toEqual({ current: 2, previous: 1 });
  });
});

describe("version 6 of the schema", () => {
  it("gives the orders stored unpaid their first sight as first seen unpaid, and paid ones no payment moment", async () => {
    const name = `test-${crypto.randomUUID()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores({
      orders:
        "key, status, nextDueAt, replanAt, lastSeenAt, buyer, lastNudgeAt, openDueAt, pendingDueAt, noSlotUntil",
      nudges: "++id, orderKey, at",
      settings: "key",
      alerts: "id, orderKey, shownAt",
      templates: "id, scenario",
      notices: "id",
    });
    const old = (o: StoredOrder) => {
      const { unpaidSeenAt: _u, paidSeenAt: _p, ...rest } = o;
      return rest;
    };
    await v5
      .table("orders")
      .bulkPut([
        old(storedOrder("1", MIDNIGHT + HOUR)),
        old(paidOrder("2", MIDNIGHT + HOUR, MIDNIGHT + 2 * HOUR)),
      ]);
    v5.close();

    db = new PayNudgeDB(name);
    const [unpaid, paid] = await db.orders.bulkGet(["taobao:1", "taobao:2"]);
    expect(unpaid!.unpaidSeenAt).toBe(MIDNIGHT + HOUR);
    expect(paid!.unpaidSeenAt).toBeUndefined();
    expect(paid!.paidSeenAt).toBeUndefined();
    const r = await loadReportFigures(db, reportPeriod("today", NOW), NOW);
    expect(r.current).toMatchObject({
      unpaidSeen: 1,
      recovered: 0,
      paidByThemselves: 0,
    });
  });
});
