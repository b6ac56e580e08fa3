import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { replaceAllData, wipeAll } from "@/lib/db/backup";
import { markOrderStatus } from "@/lib/db/order-actions";
import { EVERY_LINE } from "@/lib/db/report-digest/dirty";
import {
  loadDigestFigures,
  readReportLines,
} from "@/lib/db/report-digest/figures";
import { foldDirtyLines } from "@/lib/db/report-digest/fold";
import { PayNudgeDB } from "@/lib/db/schema";
import { lineKeys } from "@/lib/engine/report/line-columns";
import { reportPeriod } from "@/lib/engine/report/periods";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { ReportRangeId } from "@/lib/model/report";
import { shopArb, shopRows } from "@/test/support/report-arbitrary";
import { versionSixDb } from "@/test/support/schema-v1";
import {
  DAY,
  HOUR,
  figuresOf,
  loggedNudge,
  paidOrder,
  storedOrder,
} from "@/test/support/report-rows";

/*
 * The report from the stored lines is the report over every row, whatever was written since the
 * lines were last brought up to date, by whichever path, and however far the folding got.
 */

const MIDNIGHT = new Date(2026, 10, 23).getTime();
const NOW = MIDNIGHT + 15 * HOUR;

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.close());

/** The engine over every row stored: what the lines must give. */
async function overEverything(range: ReportRangeId, now = NOW) {
  const attributionHours =
    ((await db.settings.get("attributionHours"))?.value as number) ?? 72;
  return figuresOf(
    await db.orders.toArray(),
    await db.nudges.toArray(),
    { attributionHours },
    reportPeriod(range, now),
  );
}

const foldAll = async () => {
  while ((await foldDirtyLines(db, { batch: 7, slice: 7 })) > 0);
};

/** The keys of the lines a read gives, but those it leaves out as out of date. */
const keysOf = (read: Awaited<ReturnType<typeof readReportLines>>) =>
  read!.blocks.flatMap(({ lines, skip }) =>
    lineKeys(lines).filter((key) => !skip?.has(key)),
  );

const marks = async () =>
  [
    ...new Set((await db.reportDirty.toArray()).flatMap((row) => row.keys)),
  ].sort();

describe("the report's stored lines", () => {
  it("give the figures of every row, after any writes and however far the folding got", async () => {
    await fc.assert(
      fc.asyncProperty(
        shopArb,
        fc.array(
          fc.oneof(
            fc.record({
              op: fc.constant("fold" as const),
              batch: fc.integer({ min: 1, max: 9 }),
            }),
            fc.record({ op: fc.constant("pay" as const), i: fc.nat() }),
            fc.record({ op: fc.constant("drop-order" as const), i: fc.nat() }),
            fc.record({ op: fc.constant("drop-nudge" as const), i: fc.nat() }),
            fc.record({
              op: fc.constant("nudge" as const),
              i: fc.nat(),
              hoursAgo: fc.integer({ min: 0, max: 400 }),
            }),
            fc.record({ op: fc.constant("reimport" as const) }),
            fc.record({
              op: fc.constant("window" as const),
              hours: fc.constantFrom(1, 24, 72),
            }),
          ),
          { maxLength: 8 },
        ),
        fc.constantFrom<ReportRangeId>("today", "yesterday", "7d", "30d"),
        async (specs, ops, range) => {
          db.close();
          db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
          const { orders, nudges } = shopRows(specs, NOW);
          await db.orders.bulkPut(orders);
          await db.nudges.bulkAdd(nudges);
          for (const step of ops) {
            const keys = (await db.orders
              .toCollection()
              .primaryKeys()) as string[];
            const key = keys.length
              ? keys[("i" in step ? step.i : 0) % keys.length]
              : undefined;
            switch (step.op) {
              case "fold":
                await foldDirtyLines(db, {
                  batch: step.batch,
                  slice: step.batch,
                });
                break;
              case "pay":
                if (key)
                  await db.orders.update(key, {
                    status: "paid",
                    paidSeenAt: NOW - HOUR,
                  });
                break;
              case "drop-order":
                if (key) await db.orders.delete(key);
                break;
              case "drop-nudge": {
                const ids = (await db.nudges
                  .toCollection()
                  .primaryKeys()) as number[];
                if (ids.length)
                  await db.nudges.delete(ids[step.i % ids.length]!);
                break;
              }
              case "nudge":
                // As logNudge writes one: the log and its order's count and last time together
                // (the rows' reader, used while every line is out of date, relies on them).
                if (key)
                  await db.transaction("rw", db.orders, db.nudges, async () => {
                    const at = NOW - step.hoursAgo * HOUR;
                    await db.nudges.add({
                      orderKey: key,
                      at,
                      channel: "sms",
                      reason: "coupon",
                    });
                    const order = (await db.orders.get(key))!;
                    await db.orders.put({
                      ...order,
                      nudgeCount: order.nudgeCount + 1,
                      lastNudgeAt: Math.max(order.lastNudgeAt ?? at, at),
                    });
                  });
                break;
              case "reimport":
                // An import of the same rows: every line out of date, built anew.
                await replaceAllData(db, {
                  orders: await db.orders.toArray(),
                  nudges: await db.nudges.toArray(),
                  settings: await db.settings.toArray(),
                });
                break;
              case "window":
                await db.settings.put({
                  key: "attributionHours",
                  value: step.hours,
                });
                break;
            }
          }
          const expected = await overEverything(range);
          expect(
            await loadDigestFigures(db, reportPeriod(range, NOW), NOW),
          ).toEqual(expected);
          await foldAll();
          expect(await marks()).toEqual([]);
          expect(
            await loadDigestFigures(db, reportPeriod(range, NOW), NOW),
          ).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
    // Forty shops written and folded: seconds on a busy machine.
  }, 30_000);

  it("marks each write's order in the write's own transaction, and nothing when it fails", async () => {
    await foldAll();
    await db.orders.put(storedOrder("1", NOW));
    await db.nudges.add(loggedNudge("2", NOW));
    expect(await marks()).toEqual(["taobao:1", "taobao:2"]);
    await foldAll();
    await expect(
      db.transaction("rw", db.orders, db.nudges, async () => {
        await db.nudges.add(loggedNudge("1", NOW));
        throw new Error("cut short");
      }),
    ).rejects.toThrow("cut short");
    expect(await marks()).toEqual([]);
    expect(await db.nudges.count()).toBe(1);
  });

  it("marks a deleted nudge's order, read before it goes", async () => {
    const id = await db.nudges.add(loggedNudge("5", NOW));
    await foldAll();
    await db.nudges.delete(id!);
    expect(await marks()).toEqual(["taobao:5"]);
  });

  it("reads only the days a period needs, and an order written since from its rows", async () => {
    await db.orders.bulkPut([
      paidOrder("old", MIDNIGHT - 60 * DAY, MIDNIGHT - 59 * DAY),
      paidOrder("new", MIDNIGHT - 2 * HOUR, MIDNIGHT + HOUR),
    ]);
    await db.nudges.add(loggedNudge("new", MIDNIGHT - HOUR));
    await foldAll();
    const read = await readReportLines(db, reportPeriod("today", NOW));
    expect(keysOf(read)).toEqual(["taobao:new"]);
    // Paid by a page just now, not folded yet: its line comes from its rows.
    await markOrderStatus(db, "taobao:new", "paid", NOW);
    const again = await readReportLines(db, reportPeriod("today", NOW));
    expect(keysOf(again)).toEqual(["taobao:new"]);
    expect(
      await loadDigestFigures(db, reportPeriod("today", NOW), NOW),
    ).toEqual(await overEverything("today"));
  });

  it("are built again after an import or a wipe, and never carried by either", async () => {
    await db.orders.put(paidOrder("1", MIDNIGHT - HOUR, MIDNIGHT + HOUR));
    await db.nudges.add(loggedNudge("1", MIDNIGHT));
    await foldAll();
    expect(await db.reportDays.count()).toBe(1);
    const nudges: NudgeLog[] = [loggedNudge("2", MIDNIGHT + HOUR, { id: 1 })];
    await replaceAllData(db, {
      orders: [paidOrder("2", MIDNIGHT, MIDNIGHT + 2 * HOUR)],
      nudges,
    });
    expect(await marks()).toContain(EVERY_LINE);
    expect(
      await readReportLines(db, reportPeriod("today", NOW)),
    ).toBeUndefined();
    expect(
      await loadDigestFigures(db, reportPeriod("today", NOW), NOW),
    ).toEqual(await overEverything("today"));
    await foldAll();
    const read = await readReportLines(db, reportPeriod("today", NOW));
    expect(keysOf(read)).toEqual(["taobao:2"]);
    await wipeAll(db);
    await foldAll();
    expect(await db.reportDays.count()).toBe(0);
    expect(
      (await loadDigestFigures(db, reportPeriod("today", NOW), NOW)).current
        .recovered,
    ).toBe(0);
  });

  it("are built for the rows kept before the update that brought them", async () => {
    await fc.assert(
      fc.asyncProperty(
        shopArb,
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom<ReportRangeId>("today", "yesterday", "7d", "30d"),
        async (specs, batch, range) => {
          const name = `test-${crypto.randomUUID()}`;
          const old = versionSixDb(name);
          const { orders, nudges } = shopRows(specs, NOW);
          await old.table("orders").bulkPut(orders);
          await old.table("nudges").bulkAdd(nudges);
          old.close();
          db.close();
          db = new PayNudgeDB(name);
          expect(await marks()).toEqual([EVERY_LINE]);
          while ((await foldDirtyLines(db, { batch, slice: batch })) > 0);
          expect(await marks()).toEqual([]);
          expect(
            await loadDigestFigures(db, reportPeriod(range, NOW), NOW),
          ).toEqual(await overEverything(range));
        },
      ),
      { numRuns: 20 },
    );
  }, 30_000);
});
