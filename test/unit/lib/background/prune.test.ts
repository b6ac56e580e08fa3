import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  armPrune,
  ensurePruneAlarm,
  PRUNE_ALARM,
  runPrune,
} from "@/lib/background/prune";
import { handleSetRetentionDays } from "@/lib/background/settings-handlers";
import { DAY_MS } from "@/lib/db/prune";
import { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";
import { until } from "@/test/support/until";

const NOW = new Date(2026, 10, 23, 12, 0).getTime();

const paid = (id: string, daysAgo: number): StoredOrder => ({
  key: `jd:${id}`,
  platform: "jd",
  orderId: id,
  status: "paid",
  items: [],
  pageUrl: "https://order.shop.jd.com/",
  firstSeenAt: NOW - daysAgo * DAY_MS,
  lastSeenAt: NOW - daysAgo * DAY_MS,
  nudgeCount: 0,
});

let db: PayNudgeDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await db.orders.bulkAdd([paid("40", 40), paid("100", 100), paid("1", 1)]);
});

const keys = async () => (await db.orders.toCollection().primaryKeys()).sort();

describe("the background's prune", () => {
  it("uses the stored retention (90 days until set)", async () => {
    expect((await runPrune(db, NOW)).orders).toBe(1);
    expect(await keys()).toEqual(["jd:1", "jd:40"]);

    await db.settings.put({ key: "retentionDays", value: 31 });
    expect((await runPrune(db, NOW)).orders).toBe(1);
    expect(await keys()).toEqual(["jd:1"]);
  });

  it("runs once at a time: a request while one runs joins it", async () => {
    const first = runPrune(db, NOW);
    const second = runPrune(db, NOW);
    expect(second).toBe(first);
    expect((await first).orders).toBe(1);
    // Finished: the next request is a run of its own.
    const third = runPrune(db, NOW);
    expect(third).not.toBe(first);
    expect((await third).orders).toBe(0);
  });

  it("a saved retention is stored and prunes at once; a wrong one stores nothing and prunes nothing", async () => {
    await expect(
      handleSetRetentionDays(db, { days: 30 }, NOW),
    ).rejects.toThrow();
    await expect(
      handleSetRetentionDays(db, { days: 3.5 }, NOW),
    ).rejects.toThrow();
    expect(await db.settings.get("retentionDays")).toBeUndefined();
    expect(await keys()).toEqual(["jd:1", "jd:100", "jd:40"]);

    await handleSetRetentionDays(db, { days: 35 }, NOW);
    expect(await db.settings.get("retentionDays")).toEqual({
      key: "retentionDays",
      value: 35,
    });
    // The prune runs after the reply, in the background.
    await until(keys, (k) => k.join() === "jd:1");
  });
});

describe("the daily prune alarm", () => {
  it("is armed when missing, a minute ahead and repeating daily", async () => {
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    try {
      await ensurePruneAlarm();
      expect(await fakeBrowser.alarms.get(PRUNE_ALARM)).toMatchObject({
        scheduledTime: NOW + 60_000,
        periodInMinutes: 24 * 60,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("a worker start leaves an armed alarm as it is; a launch re-arms it", async () => {
    await fakeBrowser.alarms.create(PRUNE_ALARM, {
      when: NOW + 5 * 3_600_000,
      periodInMinutes: 24 * 60,
    });
    await ensurePruneAlarm();
    expect((await fakeBrowser.alarms.get(PRUNE_ALARM))?.scheduledTime).toBe(
      NOW + 5 * 3_600_000,
    );

    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    try {
      await armPrune();
      expect((await fakeBrowser.alarms.get(PRUNE_ALARM))?.scheduledTime).toBe(
        NOW + 60_000,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
