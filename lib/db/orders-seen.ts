import { ownerOf, type Team } from "@/lib/db/team";
import type { PayNudgeDB } from "@/lib/db/schema";
import { sameAsStored } from "@/lib/db/due-index";
import { buyerId, recentNudgesByBuyer } from "@/lib/db/buyer-nudges";
import { applySchedule } from "@/lib/db/order-plans";
import type { ScheduleSettings } from "@/lib/engine/schedule";
import type { OrdersSeen } from "@/lib/messaging/order-requests";
import {
  orderKey,
  type OrderSnapshot,
  type StoredOrder,
} from "@/lib/model/order";
import { toView, type OrderView } from "@/lib/model/order-view";

/* Orders a page shows, merged into what the database knows of them and planned. */

/** Fields of a new snapshot that are known; unknown ones never erase what an earlier page showed. */
function knownFields(snapshot: OrderSnapshot): Partial<OrderSnapshot> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(snapshot)) {
    if (value === undefined) continue;
    if (name === "items" && Array.isArray(value) && value.length === 0)
      continue;
    out[name] = value;
  }
  return out as Partial<OrderSnapshot>;
}

/**
 * Whether an order's stored plan still holds at `now` without the engine: it has a due moment and
 * the moment it changes by the clock alone (replanAt) is ahead, the rule the due check re-plans by;
 * or it is not unpaid and carries no plan. Every other change (settings, a logged nudge) re-plans
 * the orders it touches where it happens.
 */
function planHolds(order: StoredOrder, now: number): boolean {
  if (order.status !== "unpaid")
    return (
      order.nextDueAt === undefined &&
      order.deadlineAt === undefined &&
      order.noSlotCause === undefined
    );
  return (
    order.nextDueAt !== undefined &&
    order.replanAt !== undefined &&
    order.replanAt > now &&
    (order.snoozedUntil === undefined || order.snoozedUntil > now)
  );
}

/**
 * When the order was first seen unpaid and first seen paid (the report's figures), by the status
 * the order is taken to have (a hand mark held over a stale page included). An order stored paid
 * before these were kept gets no paidSeenAt: it was paid at some unknown earlier moment. Both stay
 * once set, whatever the page shows later (a refund, a close).
 */
function markSeenStatus(
  existing: StoredOrder | undefined,
  merged: StoredOrder,
  now: number,
): void {
  if (merged.status === "unpaid") merged.unpaidSeenAt ??= now;
  else if (merged.status === "paid" && existing?.status !== "paid")
    merged.paidSeenAt ??= now;
}

interface Merged {
  order: StoredOrder;
  /** The page showed nothing new of a stored order whose plan holds: nothing to write but lastSeenAt. */
  asStored: boolean;
}

function mergeSnapshot(
  existing: StoredOrder | undefined,
  snapshot: OrderSnapshot,
  known: Partial<OrderSnapshot>,
  seen: { pageUrl: string; shopName?: string; now: number },
  settings: ScheduleSettings,
  buyerNudges: readonly number[] = [],
): Merged {
  const merged: StoredOrder = existing
    ? { ...existing, ...known, pageUrl: seen.pageUrl, lastSeenAt: seen.now }
    : {
        ...snapshot,
        key: orderKey(snapshot.platform, snapshot.orderId),
        pageUrl: seen.pageUrl,
        firstSeenAt: seen.now,
        lastSeenAt: seen.now,
        nudgeCount: 0,
      };
  if (merged.manualStatus && snapshot.status === "unpaid")
    merged.status = merged.manualStatus;
  else delete merged.manualStatus;
  if (seen.shopName) merged.shopName = seen.shopName;
  markSeenStatus(existing, merged, seen.now);
  // A reload of the order list: most rows show what is stored, and their plans still hold.
  if (
    existing &&
    planHolds(existing, seen.now) &&
    sameAsStored(existing, { ...merged, lastSeenAt: existing.lastSeenAt })
  )
    return { order: merged, asStored: true };
  return {
    order: applySchedule(merged, seen.now, settings, buyerNudges),
    asStored: false,
  };
}

/**
 * How fresh lastSeenAt is kept: it only decides pruning (days), and an order list reloaded all day
 * would otherwise rewrite every unchanged row on every reload, the largest cost of a page's batch.
 */
export const LAST_SEEN_RESOLUTION_MS = 60 * 60_000;

/** Whether the merged row differs from the stored one in more than a recent-enough lastSeenAt. */
function needsWrite(
  before: StoredOrder | undefined,
  { order: after, asStored }: Merged,
): boolean {
  if (!before) return true;
  if (after.lastSeenAt - before.lastSeenAt >= LAST_SEEN_RESOLUTION_MS)
    return true;
  return (
    !asStored &&
    !sameAsStored(before, { ...after, lastSeenAt: before.lastSeenAt })
  );
}

export interface UpsertResult {
  views: OrderView[];
  /** Orders that had a nudge pending and no longer do (paid, closed): their alerts are withdrawn. */
  cancelled: string[];
}

/**
 * The engine settings a batch is planned with: given, or read (and checked by the caller: the
 * database knows no zod) inside the batch's transaction, beside its other reads.
 */
export type BatchSettings =
  ScheduleSettings | (() => Promise<ScheduleSettings>);

export async function upsertSeenOrders(
  db: PayNudgeDB,
  batch: OrdersSeen,
  now: number,
  settings: BatchSettings,
  /** The team held (team mode): each view says whose the order is. */
  team?: Team,
): Promise<UpsertResult> {
  // The same order may appear twice on a page (e.g. an iframe and its parent): the last one wins.
  const byKey = new Map<string, OrderSnapshot>();
  for (const snapshot of batch.orders)
    byKey.set(orderKey(snapshot.platform, snapshot.orderId), snapshot);
  const keys = [...byKey.keys()];

  return db.transaction("rw", db.orders, db.nudges, db.settings, async () => {
    // The batch's reads go out together: each one waited for in turn is a round trip to IndexedDB.
    const loading = typeof settings === "function" ? settings() : settings;
    const [existing, loaded, nudges] = await Promise.all([
      db.orders.bulkGet(keys),
      loading,
      (async () => recentNudgesByBuyer(db, now, await loading))(),
    ]);
    const snapshots = keys.map((key) => byKey.get(key)!);
    const known = snapshots.map(knownFields);
    const seen = { pageUrl: batch.pageUrl, shopName: batch.shopName, now };
    const merged = snapshots.map((snapshot, i) => {
      const buyer = buyerId({
        platform: snapshot.platform,
        key: keys[i]!,
        buyer: known[i]!.buyer ?? existing[i]?.buyer,
      });
      return mergeSnapshot(
        existing[i],
        snapshot,
        known[i]!,
        seen,
        loaded,
        nudges.get(buyer),
      );
    });
    const changed = merged.flatMap((m, i) =>
      needsWrite(existing[i], m) ? [m.order] : [],
    );
    if (changed.length) await db.orders.bulkPut(changed);
    const cancelled = merged
      .filter(
        ({ order }, i) =>
          existing[i]?.nextDueAt !== undefined && order.nextDueAt === undefined,
      )
      .map(({ order }) => order.key);
    return {
      views: merged.map(({ order }) =>
        toView(order, ownerOf(order, team, now)),
      ),
      cancelled,
    };
  });
}
