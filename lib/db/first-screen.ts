import { endOfDay, startOfDay } from "date-fns";
import { DB_NAME } from "@/lib/db/name";
import { OVERDUE_AFTER_MS } from "@/lib/model/nudge-state";
import type { StoredOrder } from "@/lib/model/order";
import type { PopupData } from "@/lib/db/popup-data";
import {
  FIRST_SCREEN_ROWS,
  isDoneToday,
  type QueueGroup,
  type QueueGroupId,
} from "@/lib/db/queue";
import { plainSettingValue } from "@/lib/db/setting-values";

/**
 * The popup's first screen read with IndexedDB itself: the same ranges, order and limits as
 * `loadPopupData(db, FIRST_SCREEN, now)` through Dexie (test/unit/lib/db/first-screen.test.ts holds
 * the two equal). It needs no library, so the popup starts it before its own code has loaded
 * (entrypoints/popup-first-read.ts) and IndexedDB answers while React and Dexie are parsed.
 *
 * Rejects when the database does not exist yet (this never creates it), lacks a store or index
 * of the current schema (the background has yet to upgrade it), or cannot be read, and in team
 * mode (a roster held: whose each order is needs the engine); the popup then reads through Dexie.
 */
export function readFirstScreen(
  now: number = Date.now(),
  factory: IDBFactory = indexedDB,
  ranges: typeof IDBKeyRange = IDBKeyRange,
): Promise<PopupData> {
  return new Promise((resolve, reject) => {
    const open = factory.open(DB_NAME);
    // No version asked for: the database as the background left it. If it is missing, leave it
    // missing rather than create an empty one that Dexie would have to upgrade.
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () =>
      reject(open.error ?? new Error("PayNudge: no database"));
    open.onsuccess = () => {
      const db = open.result;
      // Never stand in the way of the background upgrading the schema.
      db.onversionchange = () => db.close();
      let tx: IDBTransaction | undefined;
      try {
        tx = db.transaction(["orders", "settings"], "readonly");
        const result = askFor(tx, now, ranges);
        tx.oncomplete = () => {
          db.close();
          const data = result();
          if (data) resolve(data);
          else reject(new Error("PayNudge: team mode, read through Dexie"));
        };
        tx.onabort = () => {
          db.close();
          reject(tx?.error ?? new Error("PayNudge: first read aborted"));
        };
      } catch (error) {
        // A store or index missing (a database the background has yet to upgrade): no read at
        // all, rather than part of one.
        try {
          tx?.abort();
        } catch {
          // Already finished.
        }
        db.close();
        reject(error);
      }
    };
  });
}

/** Sends every request of the read in `tx`; what it returns builds the answer once `tx` completes. */
function askFor(
  tx: IDBTransaction,
  now: number,
  ranges: typeof IDBKeyRange,
): () => PopupData | undefined {
  const orders = tx.objectStore("orders");
  const groups: QueueGroup[] = [];
  const overdueBefore = now - OVERDUE_AFTER_MS;
  // Soonest first: one request per group. Every request is a round trip whose answer waits for the
  // page's main thread, busy loading the popup's code, so none is chained.
  const soonest = (id: QueueGroupId, range: IDBKeyRange) => {
    const group: QueueGroup = { id, count: 0, orders: [] };
    groups.push(group);
    const request = orders.index("nextDueAt").getAll(range, FIRST_SCREEN_ROWS);
    request.onsuccess = () => (group.orders = request.result as StoredOrder[]);
  };
  soonest("overdue", ranges.upperBound(overdueBefore, true));
  soonest("due", ranges.bound(overdueBefore, now));
  soonest("later", ranges.bound(now, endOfDay(now).getTime(), true));
  // No nudge fits before the close: soonest close first, as todayQueue reads them.
  const noSlot: QueueGroup = { id: "noSlot", count: 0, orders: [] };
  groups.push(noSlot);
  const closing = orders
    .index("noSlotUntil")
    .getAll(ranges.lowerBound(now, true), FIRST_SCREEN_ROWS);
  closing.onsuccess = () => (noSlot.orders = closing.result as StoredOrder[]);
  // Most recent first: a batch read backwards where the browser has one. An order another group
  // lists is listed there, not here (isDoneToday, todayQueue says why).
  const done: QueueGroup = { id: "done", count: 0, orders: [] };
  groups.push(done);
  readDone(
    orders.index("lastNudgeAt"),
    ranges.lowerBound(startOfDay(now).getTime()),
    now,
    done,
  );
  const settings = tx.objectStore("settings");
  const paused = settings.get("notificationsPaused");
  const agent = settings.get("agentName");
  // Team mode: whose each order is takes the roster and the engine, which this read does without;
  // the popup reads through Dexie then (undefined).
  const roster = settings.get("teamRoster");
  return () =>
    plainSettingValue("teamRoster", roster.result) !== undefined
      ? undefined
      : {
          now,
          // As the first screen's Dexie read reports them: uncounted beyond the rows read.
          groups: groups.map((group) =>
            group.orders.length < FIRST_SCREEN_ROWS
              ? { ...group, count: group.orders.length }
              : {
                  ...group,
                  count: group.orders.length,
                  countIsLowerBound: true,
                },
          ),
          paused: plainSettingValue("notificationsPaused", paused.result),
          agent: plainSettingValue("agentName", agent.result),
        };
}

/** Rows asked for at once walking back through today's nudged orders: most are done today. */
const DONE_BATCH = 4 * FIRST_SCREEN_ROWS;

/** IDBIndex.getAllRecords (Chrome 141+), which TypeScript's DOM types do not have yet. */
type RecordsIndex = IDBIndex & {
  getAllRecords?(options: {
    query: IDBKeyRange;
    count: number;
    direction: "prev";
  }): IDBRequest<{ value: unknown }[]>;
};

/**
 * The done group: today's nudged orders that are done today, most recent first, FIRST_SCREEN_ROWS
 * at most. One request for a batch of rows: a cursor costs a round trip per row, each answered
 * only when the page's main thread, busy loading the popup's code, gets to it. When the batch
 * holds too few, or the browser lacks getAllRecords, a cursor reads the range from the start.
 */
function readDone(
  index: RecordsIndex,
  range: IDBKeyRange,
  now: number,
  into: QueueGroup,
): void {
  const walk = () => {
    into.orders = [];
    const cursorRequest = index.openCursor(range, "prev");
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (!cursor) return;
      const order = cursor.value as StoredOrder;
      if (isDoneToday(order, now)) into.orders.push(order);
      if (into.orders.length < FIRST_SCREEN_ROWS) cursor.continue();
    };
  };
  if (typeof index.getAllRecords !== "function") return walk();
  const batch = index.getAllRecords({
    query: range,
    count: DONE_BATCH,
    direction: "prev",
  });
  batch.onsuccess = () => {
    const rows = batch.result.map((record) => record.value as StoredOrder);
    into.orders = rows
      .filter((order) => isDoneToday(order, now))
      .slice(0, FIRST_SCREEN_ROWS);
    if (into.orders.length < FIRST_SCREEN_ROWS && rows.length === DONE_BATCH)
      walk();
  };
}

declare global {
  // Handed from the popup's first script to its main module (a page-level global of the popup).
  var paynudgeFirstScreen: Promise<PopupData | undefined> | undefined;
}

/** Starts the first screen's read; a failed read hands over `undefined`, never a rejection. */
export function startFirstScreenRead(now: number = Date.now()): void {
  globalThis.paynudgeFirstScreen = readFirstScreen(now).catch(() => undefined);
}

/** The read `startFirstScreenRead` started, once; `undefined` when none was started or it failed. */
export function takeFirstScreenRead(): Promise<PopupData | undefined> {
  const started = globalThis.paynudgeFirstScreen;
  globalThis.paynudgeFirstScreen = undefined;
  return started ?? Promise.resolve(undefined);
}
