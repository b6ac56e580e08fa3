import Dexie from "dexie";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { DB_NAME, PayNudgeDB } from "@/lib/db/schema";
import {
  readFirstScreen,
  startFirstScreenRead,
  takeFirstScreenRead,
} from "@/lib/db/first-screen";
import {
  NO_SLOT_CAUSES,
  type NoSlotCause,
  type StoredOrder,
} from "@/lib/model/order";
import { loadPopupData } from "@/lib/db/popup-data";
import { FIRST_SCREEN } from "@/lib/db/queue";
import { versionOneDb } from "@/test/support/schema-v1";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const START_OF_DAY = new Date(2026, 10, 23, 0, 0).getTime();
const END_OF_DAY = new Date(2026, 10, 23, 23, 59, 59, 999).getTime();
// PAYNUDGE_FC_RUNS raises the count for a long hunt without slowing the everyday suite.
const RUNS = Number(process.env.PAYNUDGE_FC_RUNS ?? 60);

// Due times that sit on every edge the groups are cut at, and some either side of them.
const dueAt = fc.oneof(
  fc.constantFrom(
    NOW - 30 * MIN - 1,
    NOW - 30 * MIN,
    NOW,
    NOW + 1,
    END_OF_DAY,
    END_OF_DAY + 1,
  ),
  fc.integer({ min: NOW - 48 * 60 * MIN, max: NOW + 36 * 60 * MIN }),
);
const nudgedAt = fc.oneof(
  fc.constantFrom(START_OF_DAY - 1, START_OF_DAY, NOW),
  fc.integer({ min: START_OF_DAY - 12 * 60 * MIN, max: NOW }),
);
// Close deadlines on the no-slot group's edge (now), either side, and ties.
const closesAt = fc.oneof(
  fc.constantFrom(NOW - 1, NOW, NOW + 1, NOW + 30 * MIN),
  fc.integer({ min: NOW - 60 * MIN, max: NOW + 24 * 60 * MIN }),
);
const order = fc.record({
  due: fc.option(dueAt, { nil: undefined }),
  nudged: fc.option(nudgedAt, { nil: undefined }),
  status: fc.constantFrom<StoredOrder["status"]>("unpaid", "paid", "closed"),
  deadline: fc.option(closesAt, { nil: undefined }),
  cause: fc.option(fc.constantFrom(...NO_SLOT_CAUSES), { nil: undefined }),
});

interface Row {
  due?: number | undefined;
  nudged?: number | undefined;
  status: StoredOrder["status"];
  deadline?: number | undefined;
  cause?: NoSlotCause | undefined;
}

function stored(
  i: number,
  { due, nudged, status, deadline, cause }: Row,
): StoredOrder {
  return {
    key: `taobao:${3905120000000000000n + BigInt(i)}`,
    platform: "taobao",
    orderId: String(3905120000000000000n + BigInt(i)),
    status,
    buyer: `买家${i}`,
    items: [{ title: `商品 ${i}` }],
    pageUrl: "https://trade.taobao.com/",
    firstSeenAt: NOW - 60 * MIN,
    lastSeenAt: NOW,
    nudgeCount: nudged === undefined ? 0 : 1,
    ...(due !== undefined && { nextDueAt: due }),
    ...(nudged !== undefined && { lastNudgeAt: nudged }),
    ...(deadline !== undefined && { deadlineAt: deadline }),
    ...(cause !== undefined && { noSlotCause: cause }),
  };
}

let open: PayNudgeDB | undefined;
afterEach(async () => {
  open?.close();
  open = undefined;
  await Dexie.delete(DB_NAME);
});

async function shop(
  orders: StoredOrder[],
  settings: { key: string; value: unknown }[] = [],
): Promise<PayNudgeDB> {
  await Dexie.delete(DB_NAME);
  open = new PayNudgeDB();
  await open.orders.bulkPut(orders);
  await open.settings.bulkPut(settings);
  return open;
}

/**
 * Runs `fn` in a browser without IDBIndex.getAllRecords (before Chrome 141): the done group is then
 * read with a cursor.
 */
async function withoutGetAllRecords<T>(fn: () => Promise<T>): Promise<T> {
  const proto = IDBIndex.prototype as { getAllRecords?: unknown };
  const had = Object.getOwnPropertyDescriptor(proto, "getAllRecords");
  expect(had).toBeDefined();
  delete proto.getAllRecords;
  try {
    return await fn();
  } finally {
    Object.defineProperty(proto, "getAllRecords", had!);
  }
}

const BROWSERS = [
  { browser: "with getAllRecords", run: <T>(fn: () => Promise<T>) => fn() },
  { browser: "without getAllRecords", run: withoutGetAllRecords },
];

describe("the popup's first screen read without Dexie", () => {
  it.each(BROWSERS)(
    "reads what the Dexie read gives, for any shop ($browser)",
    async ({ run }) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(order, { maxLength: 40 }),
          fc.option(fc.boolean(), { nil: undefined }),
          fc.option(fc.constantFrom("阿华", ""), { nil: undefined }),
          async (rows, paused, agent) => {
            const db = await shop(
              rows.map((r, i) => stored(i, r)),
              [
                ...(paused === undefined
                  ? []
                  : [{ key: "notificationsPaused", value: paused }]),
                ...(agent === undefined
                  ? []
                  : [{ key: "agentName", value: agent }]),
              ],
            );
            const early = await run(() => readFirstScreen(NOW));
            expect(early).toEqual(await loadPopupData(db, FIRST_SCREEN, NOW));
            db.close();
            open = undefined;
          },
        ),
        { numRuns: RUNS },
      );
    },
    Math.max(5_000, RUNS * 20),
  );

  it.each(BROWSERS)(
    "finds the day's done orders behind many nudged today and due again later ($browser)",
    async ({ run }) => {
      // Sixty orders nudged in the last hour and due again before midnight: listed as due later,
      // not done. The done orders were nudged before them, beyond the first batch read.
      const again = Array.from({ length: 60 }, (_, i) =>
        stored(i, {
          due: NOW + (60 + i) * MIN,
          nudged: NOW - i * 30_000,
          status: "unpaid",
        }),
      );
      const won = Array.from({ length: 9 }, (_, i) =>
        stored(100 + i, { nudged: NOW - (120 + i) * MIN, status: "paid" }),
      );
      const db = await shop([...again, ...won]);
      const early = await run(() => readFirstScreen(NOW));
      const done = early.groups.find((g) => g.id === "done")!;
      expect(done.orders.map((o) => o.orderId)).toEqual(
        won.slice(0, 7).map((o) => o.orderId),
      );
      expect(early).toEqual(await loadPopupData(db, FIRST_SCREEN, NOW));
    },
  );

  it("reads a busy day's groups, seven rows each, marked as counted in part", async () => {
    const late = Array.from({ length: 9 }, (_, i) =>
      stored(i, {
        due: NOW - (100 + i) * MIN,
        nudged: NOW - i * MIN,
        status: "unpaid",
      }),
    );
    // Nudged today and paid since: done. The overdue ones nudged today are listed as overdue only.
    const won = Array.from({ length: 9 }, (_, i) =>
      stored(100 + i, { nudged: NOW - i * MIN - 30_000, status: "paid" }),
    );
    await shop([...late, ...won], [{ key: "agentName", value: "阿华" }]);
    const early = await readFirstScreen(NOW);
    const overdue = early.groups.find((g) => g.id === "overdue")!;
    // Soonest first: the order due longest ago leads.
    expect(overdue.orders.map((o) => o.orderId)).toEqual(
      late
        .slice(2)
        .reverse()
        .map((o) => o.orderId),
    );
    expect(overdue).toMatchObject({ count: 7, countIsLowerBound: true });
    const done = early.groups.find((g) => g.id === "done")!;
    // Most recent first, and none of the overdue ones a second time.
    expect(done.orders.map((o) => o.orderId)).toEqual(
      won.slice(0, 7).map((o) => o.orderId),
    );
    expect(done).toMatchObject({ count: 7, countIsLowerBound: true });
    expect(early).toMatchObject({ now: NOW, paused: false, agent: "阿华" });
  });

  it("lists the orders no nudge fits before their close, soonest close first, and leaves them out of done", async () => {
    const row = (i: number, closesIn: number, nudged?: number) =>
      stored(i, {
        status: "unpaid",
        deadline: NOW + closesIn * MIN,
        cause: "buyer-cap",
        nudged,
      });
    await shop([
      row(1, 50),
      row(2, 10, NOW - 5 * MIN),
      row(3, -1),
      stored(4, { status: "unpaid", nudged: NOW - MIN }),
    ]);
    const early = await readFirstScreen(NOW);
    const group = (id: string) =>
      early.groups
        .find((g) => g.id === id)!
        .orders.map((o) => o.orderId.slice(-1));
    expect(early.groups.map((g) => g.id)).toEqual([
      "overdue",
      "due",
      "later",
      "noSlot",
      "done",
    ]);
    expect(group("noSlot")).toEqual(["2", "1"]);
    expect(group("done")).toEqual(["4"]);
  });

  it("fails, and creates nothing, where the background has not made the database yet", async () => {
    await expect(readFirstScreen(NOW)).rejects.toBeDefined();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(DB_NAME);
  });

  it("fails without hanging on a database the background has yet to upgrade, and leaves it whole", async () => {
    // Version 1 of the schema has no lastNudgeAt index.
    const v1 = versionOneDb(DB_NAME);
    await v1.table("orders").put(stored(1, { due: NOW, status: "unpaid" }));
    v1.close();
    await expect(readFirstScreen(NOW)).rejects.toMatchObject({
      name: "NotFoundError",
    });
    open = new PayNudgeDB();
    expect(await open.orders.count()).toBe(1);
  });

  it("hands the read over once, and a failed read as nothing rather than an error", async () => {
    startFirstScreenRead(NOW);
    await expect(takeFirstScreenRead()).resolves.toBeUndefined();
    await shop([stored(1, { due: NOW, nudged: undefined, status: "unpaid" })]);
    startFirstScreenRead(NOW);
    const taken = await takeFirstScreenRead();
    expect(taken?.groups.find((g) => g.id === "due")?.orders).toHaveLength(1);
    await expect(takeFirstScreenRead()).resolves.toBeUndefined();
  });
});
