import { endOfDay, startOfDay } from "date-fns";
import type { PayNudgeDB } from "@/lib/db/schema";
import { OVERDUE_AFTER_MS } from "@/lib/model/nudge-state";
import type { StoredOrder } from "@/lib/model/order";

export type QueueGroupId = "overdue" | "due" | "later" | "done";

export interface QueueGroup {
  id: QueueGroupId;
  /** All orders in the group; at least this many when `countIsLowerBound`. */
  count: number;
  /** The read did not count the group (the popup's first screen) and it has more rows. */
  countIsLowerBound?: boolean;
  /** The first `limit` of them, soonest first (done: most recent first). */
  orders: StoredOrder[];
}

/** A promotion day can put thousands of orders in a group: the popup shows the soonest. */
const GROUP_LIMIT = 100;

/**
 * Rows the popup's first paint shows, across its groups: more than its first screen holds. The
 * first read asks for no more, and the full queue follows a moment later.
 */
export const FIRST_SCREEN_ROWS = 7;

/** How much of each group to read: rows, and whether to count them all. */
export interface QueueRead {
  limit: number;
  counts: boolean;
}
export const FULL_QUEUE: QueueRead = { limit: GROUP_LIMIT, counts: true };
/**
 * The popup's first screen. Counting is left to the full read: IndexedDB counts an index range
 * entry by entry, and a promotion day's overdue group would make the first paint wait for it.
 */
export const FIRST_SCREEN: QueueRead = {
  limit: FIRST_SCREEN_ROWS,
  counts: false,
};

/**
 * The day's work for the popup, read through the `nextDueAt` and `lastNudgeAt` indexes in one
 * read-only transaction: counts and the first `limit` rows of each group only, so a large history
 * or a busy day costs nothing. Only unpaid orders carry a due time; "done" is every order nudged
 * today (nudges are never dated in the future, order-actions.ts), most recent first.
 */
export function todayQueue(
  db: PayNudgeDB,
  now: number,
  { limit, counts }: QueueRead = FULL_QUEUE,
): Promise<QueueGroup[]> {
  const overdueBefore = now - OVERDUE_AFTER_MS;
  const due = (lower: number, upper: number, includeLower: boolean) => () =>
    db.orders.where("nextDueAt").between(lower, upper, includeLower, true);
  const group = async (
    id: QueueGroupId,
    rows: () => ReturnType<PayNudgeDB["orders"]["toCollection"]>,
    newestFirst = false,
  ): Promise<QueueGroup> => {
    const [count, orders] = await Promise.all([
      counts ? rows().count() : undefined,
      (newestFirst ? rows().reverse() : rows()).limit(limit).toArray(),
    ]);
    if (count !== undefined) return { id, count, orders };
    // Fewer rows than asked for: that is all of them, counted after all.
    return orders.length < limit
      ? { id, count: orders.length, orders }
      : { id, count: orders.length, countIsLowerBound: true, orders };
  };
  return db.transaction("r", db.orders, () =>
    Promise.all([
      group("overdue", () => db.orders.where("nextDueAt").below(overdueBefore)),
      group("due", due(overdueBefore, now, true)),
      group("later", due(now, endOfDay(now).getTime(), false)),
      group(
        "done",
        () =>
          db.orders
            .where("lastNudgeAt")
            .aboveOrEqual(startOfDay(now).getTime()),
        true,
      ),
    ]),
  );
}
