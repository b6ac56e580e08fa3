import type { PayNudgeDB } from './db';
import type { ParsedBatch, OrderView } from './messages';
import { orderKey, type OrderSnapshot, type StoredOrder } from './order';
import { nextNudgeAt, DEFAULT_SCHEDULE_SETTINGS, type ScheduleSettings } from './schedule';

export function toView(order: StoredOrder): OrderView {
  const view: OrderView = {
    key: order.key,
    orderId: order.orderId,
    status: order.status,
    nudgeCount: order.nudgeCount,
  };
  if (order.nextDueAt !== undefined) view.nextDueAt = order.nextDueAt;
  return view;
}

/** Fields of a new snapshot that are known; unknown ones never erase what an earlier page showed. */
function knownFields(snapshot: OrderSnapshot): Partial<OrderSnapshot> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(snapshot)) {
    if (value === undefined) continue;
    if (name === 'items' && Array.isArray(value) && value.length === 0) continue;
    out[name] = value;
  }
  return out as Partial<OrderSnapshot>;
}

export function mergeSnapshot(
  existing: StoredOrder | undefined,
  snapshot: OrderSnapshot,
  seen: { pageUrl: string; shopName?: string; now: number },
  settings: ScheduleSettings,
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
  if (seen.shopName) merged.shopName = seen.shopName;
  const due = nextNudgeAt(merged, seen.now, settings);
  if (due === undefined) delete merged.nextDueAt;
  else merged.nextDueAt = due;
  return merged;
}

export interface UpsertResult {
  views: OrderView[];
  /** Orders that had a nudge pending and no longer do (paid, closed): their alerts are withdrawn. */
  cancelled: string[];
}

export async function upsertSeenOrders(
  db: PayNudgeDB,
  batch: ParsedBatch,
  now: number,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
): Promise<UpsertResult> {
  // The same order may appear twice on a page (e.g. an iframe and its parent): the last one wins.
  const byKey = new Map<string, OrderSnapshot>();
  for (const snapshot of batch.orders) byKey.set(orderKey(snapshot.platform, snapshot.orderId), snapshot);
  const keys = [...byKey.keys()];

  return db.transaction('rw', db.orders, async () => {
    const existing = await db.orders.bulkGet(keys);
    const merged = keys.map((key, i) =>
      mergeSnapshot(existing[i], byKey.get(key)!, { pageUrl: batch.pageUrl, shopName: batch.shopName, now }, settings),
    );
    await db.orders.bulkPut(merged);
    const cancelled = merged
      .filter((order, i) => existing[i]?.nextDueAt !== undefined && order.nextDueAt === undefined)
      .map((order) => order.key);
    return { views: merged.map(toView), cancelled };
  });
}

/** Unpaid orders whose nudge is due and was never notified, soonest first. */
export async function dueUnnotified(db: PayNudgeDB, now: number): Promise<StoredOrder[]> {
  const due = await db.orders.where('nextDueAt').belowOrEqual(now).toArray();
  return due.filter((o) => o.status === 'unpaid' && o.notifiedDueAt !== o.nextDueAt);
}

export async function markNotified(db: PayNudgeDB, orders: readonly StoredOrder[]): Promise<void> {
  await db.transaction('rw', db.orders, async () => {
    for (const order of orders) {
      // Only if the due time is still the one we notified: a re-plan in between must notify anew.
      await db.orders
        .where('key')
        .equals(order.key)
        .modify((row) => {
          if (row.nextDueAt === order.nextDueAt) row.notifiedDueAt = order.nextDueAt;
        });
    }
  });
}

/** The earliest due moment not yet notified: where the one alarm goes. */
export async function nextAlarmAt(db: PayNudgeDB): Promise<number | undefined> {
  const next = await db.orders
    .orderBy('nextDueAt')
    .filter((o) => o.status === 'unpaid' && o.notifiedDueAt !== o.nextDueAt)
    .first();
  return next?.nextDueAt;
}

export async function countDueNow(db: PayNudgeDB, now: number): Promise<number> {
  return db.orders
    .where('nextDueAt')
    .belowOrEqual(now)
    .filter((o) => o.status === 'unpaid')
    .count();
}

/** Orders to work today: due or overdue, and those falling due before the day ends. */
export async function dueBy(db: PayNudgeDB, until: number): Promise<StoredOrder[]> {
  const rows = await db.orders.where('nextDueAt').belowOrEqual(until).sortBy('nextDueAt');
  return rows.filter((o) => o.status === 'unpaid');
}
