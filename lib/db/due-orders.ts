import type { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";

/* The orders whose nudges fall due, for the due check: notify, mark, arm the alarm, count. */

/** Unpaid orders whose nudge is due and was never notified, soonest first. */
export async function dueUnnotified(
  db: PayNudgeDB,
  now: number,
): Promise<StoredOrder[]> {
  const due = await db.orders.where("nextDueAt").belowOrEqual(now).toArray();
  return due.filter(
    (o) => o.status === "unpaid" && o.notifiedDueAt !== o.nextDueAt,
  );
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
  const [due, replan] = await Promise.all([
    db.orders
      .orderBy("nextDueAt")
      .filter((o) => o.status === "unpaid" && o.notifiedDueAt !== o.nextDueAt)
      .first(),
    db.orders.orderBy("replanAt").first(),
  ]);
  const moments = [due?.nextDueAt, replan?.replanAt].filter(
    (m): m is number => m !== undefined,
  );
  return moments.length ? Math.min(...moments) : undefined;
}

export async function countDueNow(
  db: PayNudgeDB,
  now: number,
): Promise<number> {
  return db.orders
    .where("nextDueAt")
    .belowOrEqual(now)
    .filter((o) => o.status === "unpaid")
    .count();
}
