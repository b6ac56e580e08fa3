import { endOfDay, startOfDay } from "date-fns";
import type { PayNudgeDB } from "@/lib/db/schema";
import { OVERDUE_AFTER_MS } from "@/lib/model/nudge-state";
import type { StoredOrder } from "@/lib/model/order";

export type QueueGroupId = "overdue" | "due" | "later" | "noSlot" | "done";

export interface QueueGroup {
  id: QueueGroupId;
  /** All orders in the group; at least this many (shown as "99+") when `countIsLowerBound`. */
  count: number;
  /**
   * The group was not counted to the end: the first screen's read counts no further than its
   * rows, the full read no further than `COUNT_CAP`.
   */
  countIsLowerBound?: boolean;
  /**
   * The first rows of the group, soonest first (no slot: soonest close first; done: most recent
   * first).
   */
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
  /** Only the orders that pass (team mode: this agent's); absent, every order. */
  only?: (order: StoredOrder) => boolean;
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
 * An open order the popup lists under "no nudge fits before close": the engine found no allowed
 * moment before its deadline and said why (`noSlotCause`, lib/db/order-plans.ts), and the deadline
 * is still ahead. The cause stays on the row until the order is planned again, so one whose
 * deadline has passed since (or that is no longer unpaid) is left out here. The same test as the
 * row's words (`noSlotText`, lib/model/order-view.ts): an order listed here always says why.
 */
function isNoSlot(
  order: Pick<
    StoredOrder,
    "status" | "nextDueAt" | "deadlineAt" | "noSlotCause"
  >,
  now: number,
): boolean {
  return (
    order.noSlotCause !== undefined &&
    order.status === "unpaid" &&
    order.nextDueAt === undefined &&
    order.deadlineAt !== undefined &&
    order.deadlineAt > now
  );
}

/**
 * An order nudged today that the popup lists under done: one that no other group lists, i.e. not
 * due again today (a follow-up later today keeps it under overdue, due or later, where the work
 * is) and not a no-slot order (the seller still has to decide about it before it closes, and done
 * would hide that). The first screen's read (lib/db/first-screen.ts) applies the same test.
 */
export function isDoneToday(
  order: Pick<
    StoredOrder,
    "status" | "nextDueAt" | "deadlineAt" | "noSlotCause" | "lastNudgeAt"
  >,
  now: number,
): boolean {
  return (
    order.lastNudgeAt !== undefined &&
    order.lastNudgeAt >= startOfDay(now).getTime() &&
    !(
      order.nextDueAt !== undefined &&
      order.nextDueAt <= endOfDay(now).getTime()
    ) &&
    !isNoSlot(order, now)
  );
}

/**
 * A group's answer from its rows and, for a full read, its keys: the count up to `cap`, or, without
 * keys, no further than the rows read.
 */
function counted(
  id: QueueGroupId,
  orders: StoredOrder[],
  wanted: number,
  keys: number | undefined,
  cap: number,
): QueueGroup {
  if (keys !== undefined)
    // As many keys as asked for: at least that many, said as "99+" (true of "at least 99" and of
    // "more than 99" alike).
    return keys < cap
      ? { id, count: keys, orders }
      : { id, count: cap - 1, countIsLowerBound: true, orders };
  // Fewer rows than asked for: that is all of them, counted after all.
  return orders.length < wanted
    ? { id, count: orders.length, orders }
    : { id, count: orders.length, countIsLowerBound: true, orders };
}

/**
 * The day's work for the popup, read through the `nextDueAt`, `noSlotUntil` and `lastNudgeAt`
 * indexes in one read-only transaction: the first rows of each group and, when asked, its count up
 * to COUNT_CAP (primary keys only for the due and no-slot groups), so a large history or a busy day
 * costs little. Only unpaid orders carry a due time; "noSlot" is every open order no nudge fits
 * before its close (`isNoSlot`), soonest close first; "done" is every other order nudged today
 * (nudges are never dated in the future, order-actions.ts), most recent first.
 *
 * An order is in one group at most: the three due groups are disjoint ranges of `nextDueAt`, a
 * no-slot order carries no due time, and done reads past every order nudged today that another
 * group lists (`isDoneToday`): one due again later today stays where its next nudge is, one no
 * nudge fits before its close stays under no slot.
 */
export async function todayQueue(
  db: PayNudgeDB,
  now: number,
  { limit, more = {}, counts, only }: QueueRead = FULL_QUEUE,
): Promise<QueueGroup[]> {
  const overdueBefore = now - OVERDUE_AFTER_MS;
  const startOfToday = startOfDay(now).getTime();
  type Rows = ReturnType<PayNudgeDB["orders"]["toCollection"]>;
  const passing = (rows: Rows): Rows => (only ? rows.filter(only) : rows);
  const due = (lower: number, upper: number, includeLower: boolean) => () =>
    passing(
      db.orders.where("nextDueAt").between(lower, upper, includeLower, true),
    );
  const wantedOf = (id: QueueGroupId) => more[id] ?? limit;
  // However many rows were asked for, a count cut at the cap (cap - 1, "at least") stays above
  // them: the popup's "more" line has more than it shows to speak of.
  const capOf = (wanted: number) => Math.max(COUNT_CAP, wanted + 2);
  /** A due group read through its `nextDueAt` range: rows up to `wanted`, keys up to the cap. */
  const byIndex = async (
    id: QueueGroupId,
    rows: () => Rows,
  ): Promise<QueueGroup> => {
    const wanted = wantedOf(id);
    const cap = capOf(wanted);
    const [keys, orders] = await Promise.all([
      counts ? rows().limit(cap).primaryKeys() : undefined,
      rows().limit(wanted).toArray(),
    ]);
    return counted(id, orders, wanted, keys?.length, cap);
  };
  /** The no-slot orders, soonest close first, through `noSlotUntil` (their deadline, kept only while
   * no nudge fits: due-index.ts), so one whose close has passed is not read. */
  const noSlot = async (): Promise<QueueGroup> => {
    const open = () => passing(db.orders.where("noSlotUntil").above(now));
    const wanted = wantedOf("noSlot");
    const cap = capOf(wanted);
    const [keys, orders] = await Promise.all([
      counts ? open().limit(cap).primaryKeys() : undefined,
      open().limit(wanted).toArray(),
    ]);
    return counted("noSlot", orders, wanted, keys?.length, cap);
  };
  /**
   * Orders nudged today that no other group lists (`isDoneToday`), most recent first. Read as rows
   * (the test needs each order's plan), no further than the cap: a busy day's done group costs at
   * most COUNT_CAP rows, plus those it passes over, which the other groups list.
   */
  const done = async (): Promise<QueueGroup> => {
    const wanted = wantedOf("done");
    const cap = capOf(wanted);
    const rows = db.orders
      .where("lastNudgeAt")
      .aboveOrEqual(startOfToday)
      .reverse()
      .filter((order) => isDoneToday(order, now) && (only?.(order) ?? true));
    if (!counts)
      return counted(
        "done",
        await rows.limit(wanted).toArray(),
        wanted,
        undefined,
        cap,
      );
    const read = await rows.limit(cap).toArray();
    return counted("done", read.slice(0, wanted), wanted, read.length, cap);
  };
  return db.transaction("r", db.orders, () =>
    Promise.all([
      byIndex("overdue", () =>
        passing(db.orders.where("nextDueAt").below(overdueBefore)),
      ),
      byIndex("due", due(overdueBefore, now, true)),
      byIndex("later", due(now, endOfDay(now).getTime(), false)),
      noSlot(),
      done(),
    ]),
  );
}
