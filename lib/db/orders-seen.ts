import type { PayNudgeDB } from "@/lib/db/schema";
import { sameAsStored } from "@/lib/db/due-index";
import { applySchedule, buyerId } from "@/lib/db/order-plans";
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

function mergeSnapshot(
  existing: StoredOrder | undefined,
  snapshot: OrderSnapshot,
  seen: { pageUrl: string; shopName?: string; now: number },
  settings: ScheduleSettings,
  buyerNudges: readonly number[] = [],
): StoredOrder {
  const base: StoredOrder = existing ?? {
    ...snapshot,
    key: orderKey(snapshot.platform, snapshot.orderId),
    pageUrl: seen.pageUrl,
    firstSeenAt: seen.now,
    lastSeenAt: seen.now,
    nudgeCount: 0,
  };
  const merged: StoredOrder = {
    ...base,
    ...knownFields(snapshot),
    pageUrl: seen.pageUrl,
    lastSeenAt: seen.now,
  };
  if (merged.manualStatus && snapshot.status === "unpaid")
    merged.status = merged.manualStatus;
  else delete merged.manualStatus;
  if (seen.shopName) merged.shopName = seen.shopName;
  return applySchedule(merged, seen.now, settings, buyerNudges);
}

/** How many buyer-index keys are worth reading in place of one nudged order's row. */
const KEYS_PER_ROW = 10;

/**
 * The nudges still counting against the cap of each of `buyers` (buyerId), as recentNudgesByBuyer
 * (lib/db/order-plans.ts) answers for them: the same times in the same order. That one reads the
 * order of every nudge logged within the cap's window to learn its buyer; on a promotion day,
 * thousands of orders for every batch. Here only the orders that can belong to `buyers` are read:
 * those the buyer index lists under their nicknames (keys only), plus the order itself for a buyer
 * known by no nickname (`order:<key>`). When a nickname has KEYS_PER_ROW times more orders than
 * there are nudged ones (a quiet day, or a nickname shared by many), the nudged orders are read as
 * that one does.
 */
export async function recentNudgesOfBuyers(
  db: PayNudgeDB,
  now: number,
  settings: ScheduleSettings,
  buyers: ReadonlySet<string>,
): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  if (!buyers.size) return out;
  const recent = await db.nudges
    .where("at")
    .above(now - settings.buyerCap.windowMs)
    .toArray();
  if (!recent.length) return out;
  const nicknames = new Set<string>();
  const ownKeys = new Set<string>();
  for (const buyer of buyers) {
    if (buyer.startsWith("order:")) ownKeys.add(buyer.slice("order:".length));
    else nicknames.add(buyer.slice(buyer.indexOf(":", "buyer:".length) + 1));
  }
  const nudged = [...new Set(recent.map((n) => n.orderKey))];
  // Keys only: one exact-key read per nickname (IndexedDB's getAllKeys, all in flight at once)
  // rather than anyOf's cursor, which steps through the index one key, and one event, at a time.
  // A key costs far less than the row it names, so the nicknames' keys are worth reading up to
  // KEYS_PER_ROW per nudged order; past that (a nickname shared by most of the store) the nudged
  // orders are read as recentNudgesByBuyer does.
  const limit = nudged.length * KEYS_PER_ROW;
  const perNickname = await Promise.all(
    [...nicknames].map((nickname) =>
      db.orders.where("buyer").equals(nickname).limit(limit).primaryKeys(),
    ),
  );
  const complete = perNickname.every((list) => list.length < limit);
  const mayBelong = new Set<string>(ownKeys);
  if (complete)
    for (const list of perNickname) for (const key of list) mayBelong.add(key);
  const keys = complete ? nudged.filter((key) => mayBelong.has(key)) : nudged;
  const orders = await db.orders.bulkGet(keys);
  const buyerOfKey = new Map<string, string>();
  keys.forEach((key, i) => {
    const order = orders[i];
    buyerOfKey.set(key, order ? buyerId(order) : `order:${key}`);
  });
  for (const nudge of recent) {
    const buyer = buyerOfKey.get(nudge.orderKey);
    if (buyer === undefined || !buyers.has(buyer)) continue;
    const times = out.get(buyer);
    if (times) times.push(nudge.at);
    else out.set(buyer, [nudge.at]);
  }
  return out;
}

/**
 * How fresh lastSeenAt is kept: it only decides pruning (days), and an order list reloaded all day
 * would otherwise rewrite every unchanged row on every reload, the largest cost of a page's batch.
 */
export const LAST_SEEN_RESOLUTION_MS = 60 * 60_000;

/** Whether the merged row differs from the stored one in more than a recent-enough lastSeenAt. */
function needsWrite(
  before: StoredOrder | undefined,
  after: StoredOrder,
): boolean {
  if (!before) return true;
  if (after.lastSeenAt - before.lastSeenAt >= LAST_SEEN_RESOLUTION_MS)
    return true;
  return !sameAsStored(before, { ...after, lastSeenAt: before.lastSeenAt });
}

export interface UpsertResult {
  views: OrderView[];
  /** Orders that had a nudge pending and no longer do (paid, closed): their alerts are withdrawn. */
  cancelled: string[];
}

export async function upsertSeenOrders(
  db: PayNudgeDB,
  batch: OrdersSeen,
  now: number,
  settings: ScheduleSettings,
): Promise<UpsertResult> {
  // The same order may appear twice on a page (e.g. an iframe and its parent): the last one wins.
  const byKey = new Map<string, OrderSnapshot>();
  for (const snapshot of batch.orders)
    byKey.set(orderKey(snapshot.platform, snapshot.orderId), snapshot);
  const keys = [...byKey.keys()];

  return db.transaction("rw", db.orders, db.nudges, async () => {
    const existing = await db.orders.bulkGet(keys);
    const buyers = keys.map((key, i) =>
      buyerId({
        ...existing[i],
        ...knownFields(byKey.get(key)!),
        key,
      } as StoredOrder),
    );
    const nudges = await recentNudgesOfBuyers(
      db,
      now,
      settings,
      new Set(buyers),
    );
    const seen = { pageUrl: batch.pageUrl, shopName: batch.shopName, now };
    const merged = keys.map((key, i) =>
      mergeSnapshot(
        existing[i],
        byKey.get(key)!,
        seen,
        settings,
        nudges.get(buyers[i]!),
      ),
    );
    const changed = merged.filter((order, i) => needsWrite(existing[i], order));
    if (changed.length) await db.orders.bulkPut(changed);
    const cancelled = merged
      .filter(
        (order, i) =>
          existing[i]?.nextDueAt !== undefined && order.nextDueAt === undefined,
      )
      .map((order) => order.key);
    return { views: merged.map(toView), cancelled };
  });
}
