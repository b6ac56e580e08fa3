import type { PayNudgeDB } from "@/lib/db/schema";
import {
  applySchedule,
  buyerId,
  recentNudgesByBuyer,
} from "@/lib/db/order-plans";
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
    const nudges = await recentNudgesByBuyer(db, now, settings);
    const seen = { pageUrl: batch.pageUrl, shopName: batch.shopName, now };
    const merged = keys.map((key, i) => {
      const snapshot = byKey.get(key)!;
      const buyer = buyerId({
        ...existing[i],
        ...knownFields(snapshot),
        key,
      } as StoredOrder);
      return mergeSnapshot(
        existing[i],
        snapshot,
        seen,
        settings,
        nudges.get(buyer),
      );
    });
    await db.orders.bulkPut(merged);
    const cancelled = merged
      .filter(
        (order, i) =>
          existing[i]?.nextDueAt !== undefined && order.nextDueAt === undefined,
      )
      .map((order) => order.key);
    return { views: merged.map(toView), cancelled };
  });
}
