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

const marks = () => db.reportDirty.count();
const until = async (done: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await done()); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
};

describe("keeping the report's lines", () => {
  it("folds what a stopped worker left, then each later write", async () => {
    await db.orders.put(paidOrder("1", NOW - 3_600_000, NOW));
    expect(await marks()).toBe(1);
    keepReportLines(db, stop.signal, 5);
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
    keepReportLines(db, stop.signal, 20);
    stop.abort();
    await db.orders.put(paidOrder("2", NOW - 3_600_000, NOW));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await marks()).toBe(2);
  });
});
