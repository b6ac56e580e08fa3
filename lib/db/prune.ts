import type { PayNudgeDB } from "@/lib/db/schema";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

/*
 * Keeping the database bounded at 双11 scale: paid and closed orders whose last activity is older
 * than the retention are deleted, with their nudge log, alert ledger and notice rows. So are the
 * two kinds that would otherwise pile up for ever: unpaid orders whose close deadline passed
 * before the cutoff (the platform closed them; the page that would have said so was never opened
 * again) and orders in another status (shipped, refunded) that PayNudge only saw. An unpaid order
 * whose deadline is unknown or inside the retention is never pruned: it may still be nudged. Last,
 * nudges merged from colleagues' team logs for orders never stored here go once past the retention.
 *
 * Work is cut into batches, each its own short read-write transaction over orders, nudges, alerts
 * and notices, with a pause between them: the worker never holds a long transaction, so page
 * batches, the due check and the popup's reads get in between.
 *
 * Why a concurrent backup export stays consistent: the export reads every table in one read-only
 * transaction (lib/db/backup.ts), and IndexedDB runs transactions whose scopes overlap one after
 * another, never interleaved. Each batch deletes an order together with all of its logs, alerts
 * and notices, so an export sees every batch whole or not at all: never an order without its log,
 * never a log whose order half went. The same holds for a concurrent prune (each batch re-reads and
 * re-checks its rows inside its transaction) and for an order seen again meanwhile (its new
 * lastSeenAt makes it no longer prunable, checked in the batch that would have taken it).
 */

export const DAY_MS = 86_400_000;

/** Orders read per transaction: small enough that a batch takes milliseconds. */
const PRUNE_BATCH = 500;

/** What one prune removed. */
export interface PruneCounts {
  orders: number;
  nudges: number;
  alerts: number;
  notices: number;
  /** Transactions it took (the last one may have found nothing left to do). */
  batches: number;
}

export interface PruneOptions {
  /** Orders read per transaction (default PRUNE_BATCH). */
  batchSize?: number;
  /** Waited between batches, so that other work runs (default: one macrotask). */
  pause?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Settled (paid, closed, another status) or unpaid past a deadline that is itself before the cutoff. */
function settledBefore(order: StoredOrder, cutoff: number): boolean {
  if (order.status !== "unpaid") return true;
  return order.deadlineAt !== undefined && order.deadlineAt < cutoff;
}

/**
 * Settled and untouched since the cutoff: neither seen on a page nor nudged. The order's
 * own logs are checked too (prunableKeys), since a restored backup may carry a log newer than its
 * order's lastNudgeAt.
 */
function prunableOrder(order: StoredOrder, cutoff: number): boolean {
  return (
    settledBefore(order, cutoff) &&
    order.lastSeenAt < cutoff &&
    (order.lastNudgeAt ?? Number.NEGATIVE_INFINITY) < cutoff
  );
}

/**
 * Deletes the settled orders (settledBefore) whose last activity (lastSeenAt, lastNudgeAt, any nudge
 * logged) is before `now − retentionDays`, with their nudge logs, alerts and notices; answers how
 * many rows of each went. Idempotent: a second run with the same arguments deletes nothing.
 *
 * The background passes the stored setting (RETENTION_MIN_DAYS at least, which keeps the report's
 * range); any positive number of days is accepted, so a simulation may use a short one.
 */
export async function pruneOrders(
  db: PayNudgeDB,
  now: number,
  retentionDays: number,
  options: PruneOptions = {},
): Promise<PruneCounts> {
  const size = options.batchSize ?? PRUNE_BATCH;
  if (
    !Number.isFinite(now) ||
    !(retentionDays > 0) ||
    !Number.isFinite(retentionDays) ||
    !Number.isInteger(size) ||
    size < 1
  )
    throw new RangeError(
      `PayNudge: cannot prune with retention ${retentionDays} at ${now} in batches of ${size}`,
    );
  const pause = options.pause ?? nextTask;
  const cutoff = now - Math.round(retentionDays * DAY_MS);
  const counts: PruneCounts = {
    orders: 0,
    nudges: 0,
    alerts: 0,
    notices: 0,
    batches: 0,
  };
  /*
   * Rows below the cutoff that stayed (unpaid ones, recently nudged ones), all ahead of the next
   * batch in the lastSeenAt index: skipped rather than read again by every batch. lastSeenAt only
   * grows, so a row can only leave the range meanwhile; then a few rows are skipped this time and
   * taken by the next run, never deleted wrongly (every row is checked in its own batch).
   */
  let kept = 0;
  for (;;) {
    const batch = await pruneBatch(db, cutoff, kept, size);
    counts.batches += 1;
    counts.orders += batch.orders;
    counts.nudges += batch.nudges;
    counts.alerts += batch.alerts;
    counts.notices += batch.notices;
    kept += batch.read - batch.orders;
    if (batch.read < size) break;
    await pause();
  }
  // Then the colleagues' nudges merged for orders never stored here (lib/db/team-log-merge.ts),
  // which no order's deletion takes with it.
  let keptLogs = 0;
  for (;;) {
    await pause();
    const batch = await pruneMergedBatch(db, cutoff, keptLogs, size);
    counts.batches += 1;
    counts.nudges += batch.nudges;
    keptLogs += batch.read - batch.nudges;
    if (batch.read < size) return counts;
  }
}

/**
 * One transaction: up to `size` nudges older than the cutoff read, and those merged from a
 * colleague's team log whose order is not stored here deleted (nothing else would ever take them).
 */
function pruneMergedBatch(
  db: PayNudgeDB,
  cutoff: number,
  skip: number,
  size: number,
): Promise<{ read: number; nudges: number }> {
  return db.transaction("rw", [db.orders, db.nudges], async () => {
    const logs = await db.nudges
      .where("at")
      .below(cutoff)
      .offset(skip)
      .limit(size)
      .toArray();
    const merged = logs.filter((log) => log.importedFrom !== undefined);
    const keys = [...new Set(merged.map((log) => log.orderKey))];
    const orders = await db.orders.bulkGet(keys);
    const missing = new Set(keys.filter((_key, i) => !orders[i]));
    const ids = merged
      .filter((log) => missing.has(log.orderKey) && log.id !== undefined)
      .map((log) => log.id as number);
    await db.nudges.bulkDelete(ids);
    return { read: logs.length, nudges: ids.length };
  });
}

interface BatchResult extends Omit<PruneCounts, "batches"> {
  /** Orders read below the cutoff. */
  read: number;
}

/** One transaction: up to `size` orders older than the cutoff read, checked, and the prunable ones deleted. */
function pruneBatch(
  db: PayNudgeDB,
  cutoff: number,
  skip: number,
  size: number,
): Promise<BatchResult> {
  return db.transaction(
    "rw",
    [db.orders, db.nudges, db.alerts, db.notices],
    async () => {
      const rows = await db.orders
        .where("lastSeenAt")
        .below(cutoff)
        .offset(skip)
        .limit(size)
        .toArray();
      const candidates = rows
        .filter((order) => prunableOrder(order, cutoff))
        .map((order) => order.key);
      const none = {
        read: rows.length,
        orders: 0,
        nudges: 0,
        alerts: 0,
        notices: 0,
      };
      if (!candidates.length) return none;
      const logs: NudgeLog[] = await db.nudges
        .where("orderKey")
        .anyOf(candidates)
        .toArray();
      // A log inside the retention keeps its order (and with it, the report's range).
      const active = new Set(
        logs.filter((log) => log.at >= cutoff).map((log) => log.orderKey),
      );
      const gone = new Set(candidates.filter((key) => !active.has(key)));
      if (!gone.size) return none;
      const logIds = logs
        .filter((log) => gone.has(log.orderKey) && log.id !== undefined)
        .map((log) => log.id as number);
      await db.orders.bulkDelete([...gone]);
      await db.nudges.bulkDelete(logIds);
      const alerts = await db.alerts
        .where("orderKey")
        .anyOf([...gone])
        .delete();
      // Notices are few (those on screen): a notice goes when every order it shows went.
      const notices = (await db.notices.toArray())
        .filter(
          (notice) =>
            notice.moments.length > 0 &&
            notice.moments.every((moment) => gone.has(moment.orderKey)),
        )
        .map((notice) => notice.id);
      await db.notices.bulkDelete(notices);
      return {
        read: rows.length,
        orders: gone.size,
        nudges: logIds.length,
        alerts,
        notices: notices.length,
      };
    },
  );
}
