import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keepReportLines } from "@/lib/background/report-lines";
import { PayNudgeDB } from "@/lib/db/schema";
import { lineKeys } from "@/lib/engine/report/line-columns";
import { loggedNudge, paidOrder } from "@/test/support/report-rows";

/* The background folds the report's marks shortly after the writes that made them. */

const NOW = new Date(2026, 10, 23, 15).getTime();

let db: PayNudgeDB;
let stop: AbortController;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  stop = new AbortController();
});
afterEach(() => {
  stop.abort();
  db.close();
});

/** How many orders are marked out of date. */
const marks = async () =>
  new Set((await db.reportDirty.toArray()).flatMap((row) => row.keys)).size;
const until = async (done: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await done()); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("keeping the report's lines", () => {
  it("folds what a stopped worker left, then each later write", async () => {
    await db.orders.put(paidOrder("1", NOW - 3_600_000, NOW));
    expect(await marks()).toBe(1);
    keepReportLines(db, stop.signal, { quietMs: 5, maxWaitMs: 50 });
    await until(async () => (await marks()) === 0);
    expect(await db.reportDays.count()).toBe(1);

    await db.nudges.add(loggedNudge("2", NOW));
    expect(await marks()).toBe(1);
    await until(async () => (await marks()) === 0);
    expect((await db.reportDays.toArray()).flatMap(lineKeys)).toContain(
      "taobao:2",
    );
  });

  it("stops with its signal: the fold it had planned and those of later writes", async () => {
    await db.orders.put(paidOrder("1", NOW - 3_600_000, NOW));
    keepReportLines(db, stop.signal, { quietMs: 20, maxWaitMs: 50 });
    stop.abort();
    await db.orders.put(paidOrder("2", NOW - 3_600_000, NOW));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await marks()).toBe(2);
  });

  it("waits for the writes to pause, but never longer than its longest wait", async () => {
    keepReportLines(db, stop.signal, { quietMs: 400, maxWaitMs: 900 });
    const lines = async () =>
      (await db.reportDays.toArray()).flatMap(lineKeys).length;
    // A write every 20 ms: never a pause of 400 ms.
    const started = Date.now();
    let i = 0;
    while (Date.now() - started < 300) {
      await db.orders.put(paidOrder(String(i++), NOW - 3_600_000, NOW));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await lines()).toBe(0);
    while (Date.now() - started < 1_400) {
      await db.orders.put(paidOrder(String(i++), NOW - 3_600_000, NOW));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Folded at the longest wait, in the midst of the writes.
    expect(await lines()).toBeGreaterThan(0);
    await until(async () => (await marks()) === 0);
    expect(await lines()).toBe(i);
  });
});
