import type { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";

/* The orders whose nudges fall due, for the due check: notify, mark, arm the alarm, count. */

/** Unpaid orders whose nudge is due and was never notified, soonest first. */
export async function dueUnnotified(
  db: PayNudgeDB,
  now: number,
): Promise<StoredOrder[]> {
  // pendingDueAt exists only on unpaid orders whose due moment was not notified (due-index.ts).
  return db.orders.where("pendingDueAt").belowOrEqual(now).toArray();
}

export async function markNotified(
  db: PayNudgeDB,
  orders: readonly StoredOrder[],
): Promise<void> {
  await db.transaction("rw", db.orders, async () => {
    for (const order of orders) {
      // Only if the due time is still the one we notified: a re-plan in between must notify anew.
      await db.orders
        .where("key")
        .equals(order.key)
        .modify((row) => {
          if (row.nextDueAt === order.nextDueAt)
            row.notifiedDueAt = order.nextDueAt;
        });
    }
  });
}

/**
 * Where the one alarm goes: the earliest due moment not yet notified, or the earliest moment a plan
 * changes by the clock alone (a later step takes over, an order closes), whichever comes first.
 */
export async function nextAlarmAt(db: PayNudgeDB): Promise<number | undefined> {
  return earliestOf(db, [
    db.orders.orderBy("pendingDueAt"),
    db.orders.orderBy("replanAt"),
  ]);
}

/** The earliest index key of these collections (each ordered by a number), read as keys only. */
export async function earliestOf(
  db: PayNudgeDB,
  collections: readonly { limit(n: number): { keys(): Promise<unknown[]> } }[],
): Promise<number | undefined> {
  const firsts = await db.transaction("r", db.orders, () =>
    Promise.all(collections.map((c) => c.limit(1).keys())),
  );
  const moments = firsts.flat() as number[];
  return moments.length ? Math.min(...moments) : undefined;
}

/** The toolbar badge has room for two digits and a plus: counting further is wasted work. */
export const DUE_COUNT_CAP = 100;

/**
 * How many unpaid orders are due now, up to DUE_COUNT_CAP (a promotion day's backlog runs to
 * thousands, and IndexedDB counts a range entry by entry).
 */
export async function countDueNow(
  db: PayNudgeDB,
  now: number,
): Promise<number> {
  // openDueAt exists only on unpaid orders with a nudge planned (due-index.ts).
  const keys = await db.orders
    .where("openDueAt")
    .belowOrEqual(now)
    .limit(DUE_COUNT_CAP)
    .primaryKeys();
  return keys.length;
}

/** The unpaid orders whose nudge is due now (notified or not), for team mode's ownership moments. */
export function openDueOrders(
  db: PayNudgeDB,
  now: number,
): Promise<StoredOrder[]> {
  return db.orders.where("openDueAt").belowOrEqual(now).toArray();
}
