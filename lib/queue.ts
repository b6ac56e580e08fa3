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
 * Rows the popup's first paint shows, across its groups: more than its first screen holds. The
 * first read asks for no more, and the full queue follows a moment later.
 */
export const FIRST_SCREEN_ROWS = 7;

/**
 * The day's work for the popup, read through the `nextDueAt` and `lastNudgeAt` indexes in one
 * read-only transaction: counts and the first `limit` rows of each group only, so a large history
 * or a busy day costs nothing. Only unpaid orders carry a due time; "done" is every order nudged
 * today (nudges are never dated in the future, orders-repo.ts), most recent first.
 */
export function todayQueue(
  db: PayNudgeDB,
  now: number,
  limit = GROUP_LIMIT,
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
      rows().count(),
      (newestFirst ? rows().reverse() : rows()).limit(limit).toArray(),
    ]);
    return { id, count, orders };
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
