import { endOfDay, startOfDay } from "date-fns";
import type { PayNudgeDB } from "./db";
import { OVERDUE_AFTER_MS } from "./nudge-state";
import type { StoredOrder } from "./order";

export type QueueGroupId = "overdue" | "due" | "later" | "done";

export interface QueueGroup {
  id: QueueGroupId;
  /** All orders in the group. */
  count: number;
  /** The first `limit` of them, soonest first (done: most recent first). */
  orders: StoredOrder[];
}

/** A promotion day can put thousands of orders in a group: the popup shows the soonest. */
export const GROUP_LIMIT = 100;

/**
 * The day's work for the popup, read through the `nextDueAt` index: counts and the first rows of
 * each group only, so a large history costs nothing. Only unpaid orders carry a due time.
 */
export async function todayQueue(
  db: PayNudgeDB,
  now: number,
  limit = GROUP_LIMIT,
): Promise<QueueGroup[]> {
  const overdueBefore = now - OVERDUE_AFTER_MS;
  const until = endOfDay(now).getTime();
  const range = (lower: number, upper: number, includeLower: boolean) =>
    db.orders.where("nextDueAt").between(lower, upper, includeLower, true);

  const [overdueCount, overdue, dueCount, due, laterCount, later, doneToday] =
    await Promise.all([
      db.orders.where("nextDueAt").below(overdueBefore).count(),
      db.orders.where("nextDueAt").below(overdueBefore).limit(limit).toArray(),
      range(overdueBefore, now, true).count(),
      range(overdueBefore, now, true).limit(limit).toArray(),
      range(now, until, false).count(),
      range(now, until, false).limit(limit).toArray(),
      db.nudges
        .where("at")
        .between(startOfDay(now).getTime(), now, true, true)
        .reverse()
        .toArray(),
    ]);
  const doneKeys = [...new Set(doneToday.map((n) => n.orderKey))];
  const done = (await db.orders.bulkGet(doneKeys.slice(0, limit))).filter(
    (o): o is StoredOrder => o !== undefined,
  );

  return [
    { id: "overdue", count: overdueCount, orders: overdue },
    { id: "due", count: dueCount, orders: due },
    { id: "later", count: laterCount, orders: later },
    { id: "done", count: doneKeys.length, orders: done },
  ];
}
