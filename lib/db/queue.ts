import { endOfDay, startOfDay } from "date-fns";
import type { PayNudgeDB } from "@/lib/db/schema";
import { OVERDUE_AFTER_MS } from "@/lib/model/nudge-state";
import type { StoredOrder } from "@/lib/model/order";

export type QueueGroupId = "overdue" | "due" | "later" | "done";

export interface QueueGroup {
  id: QueueGroupId;
  /** All orders in the group; at least this many (shown as "99+") when `countIsLowerBound`. */
  count: number;
  /**
   * The group was not counted to the end: the first screen's read counts no further than its
   * rows, the full read no further than `COUNT_CAP`.
   */
  countIsLowerBound?: boolean;
  /** The first rows of the group, soonest first (done: most recent first). */
  orders: StoredOrder[];
}

/**
 * Rows of a group the popup reads at first, and how many more each "show more" adds. A promotion
 * day puts thousands of orders in a group: the seller works from the top, and each row read costs
 * the popup's open (about 10 µs a row at 100 000 stored orders, npm run bench).
 */
export const GROUP_PAGE = 20;

/**
 * How far a group is counted. IndexedDB counts an index range entry by entry (about 9 µs an
 * entry at 100 000 stored orders: a 双11 day's 2 500 nudged orders cost 23 ms to count), so beyond
 * this the popup says "99+", as the toolbar badge does (DUE_COUNT_CAP in lib/db/due-orders.ts).
 */
export const COUNT_CAP = 100;

/**
 * Rows the popup's first paint shows, across its groups: more than its first screen holds. The
 * first read asks for no more, and the full queue follows a moment later.
 */
export const FIRST_SCREEN_ROWS = 7;

/** Rows to read of each group, by group, where the agent asked to see more than `limit`. */
export type GroupLimits = Partial<Readonly<Record<QueueGroupId, number>>>;

/** How much of each group to read: rows, and whether to count them (up to COUNT_CAP). */
export interface QueueRead {
  limit: number;
  /** Groups the agent asked to see more of ("show more"): their rows instead of `limit`. */
  more?: GroupLimits;
  counts: boolean;
}
export const FULL_QUEUE: QueueRead = { limit: GROUP_PAGE, counts: true };
/**
 * The popup's first screen. Counting is left to the full read: the first paint waits for
 * nothing it does not draw.
 */
export const FIRST_SCREEN: QueueRead = {
  limit: FIRST_SCREEN_ROWS,
  counts: false,
};

/** The read after the agent asked for `GROUP_PAGE` more rows of group `id`. */
export function showMore(
  more: GroupLimits,
  id: QueueGroupId,
  read: QueueRead = FULL_QUEUE,
): GroupLimits {
  return { ...more, [id]: (more[id] ?? read.limit) + GROUP_PAGE };
}

/**
 * The day's work for the popup, read through the `nextDueAt` and `lastNudgeAt` indexes in one
 * read-only transaction: the first rows of each group and, when asked, its count up to COUNT_CAP
 * (primary keys only, never the rows), so a large history or a busy day costs little. Only unpaid
 * orders carry a due time; "done" is every order nudged today (nudges are never dated in the
 * future, order-actions.ts), most recent first.
 */
export function todayQueue(
  db: PayNudgeDB,
  now: number,
  { limit, more = {}, counts }: QueueRead = FULL_QUEUE,
): Promise<QueueGroup[]> {
  const overdueBefore = now - OVERDUE_AFTER_MS;
  const due = (lower: number, upper: number, includeLower: boolean) => () =>
    db.orders.where("nextDueAt").between(lower, upper, includeLower, true);
  const group = async (
    id: QueueGroupId,
    rows: () => ReturnType<PayNudgeDB["orders"]["toCollection"]>,
    newestFirst = false,
  ): Promise<QueueGroup> => {
    const wanted = more[id] ?? limit;
    // However many rows were asked for, a count cut at the cap (cap - 1, "at least") stays above
    // them: the popup's "more" line has more than it shows to speak of.
    const cap = Math.max(COUNT_CAP, wanted + 2);
    const [keys, orders] = await Promise.all([
      counts ? rows().limit(cap).primaryKeys() : undefined,
      (newestFirst ? rows().reverse() : rows()).limit(wanted).toArray(),
    ]);
    if (keys !== undefined)
      // As many keys as asked for: at least that many, said as "99+" (true of "at least 99" and of
      // "more than 99" alike).
      return keys.length < cap
        ? { id, count: keys.length, orders }
        : { id, count: cap - 1, countIsLowerBound: true, orders };
    // Fewer rows than asked for: that is all of them, counted after all.
    return orders.length < wanted
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
