import { closeDeadline } from "@/lib/model/close-deadline";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { OrdersSeen } from "@/lib/messaging/order-requests";
import type { NudgeEntry, NudgeLog } from "@/lib/model/nudge-log";
import {
  orderKey,
  type OrderSnapshot,
  type StoredOrder,
} from "@/lib/model/order";
import { toView, type OrderView } from "@/lib/model/order-view";
import { scheduleOrder, type ScheduleSettings } from "@/lib/engine/schedule";

/*
 * Orders and their plans in the database. The engine settings are the caller's to load and check
 * (lib/schemas/engine-settings.ts, loadEngineSettings): the database knows no zod.
 */

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
 * Writes the engine's answer onto the order: the next due moment with its step, and when to look
 * again. Fields with no value are removed, so unscheduled orders drop out of the indexes.
 */
function applySchedule(
  order: StoredOrder,
  now: number,
  settings: ScheduleSettings,
  buyerNudges: readonly number[] = [],
): StoredOrder {
  if (order.snoozedUntil !== undefined && order.snoozedUntil <= now)
    delete order.snoozedUntil;
  const next = scheduleOrder(order, now, settings, buyerNudges);
  const deadline = closeDeadline(
    { ...order, createdAt: order.createdAt ?? order.firstSeenAt },
    settings.closeAfterMs,
  );
  if (deadline === undefined || order.status !== "unpaid")
    delete order.deadlineAt;
  else order.deadlineAt = deadline;
  delete order.nextDueAt;
  delete order.nextStep;
  delete order.nextChannel;
  delete order.nextScenario;
  delete order.replanAt;
  if (next) {
    order.nextDueAt = next.at;
    order.nextStep = next.step.id;
    order.nextChannel = next.step.channel;
    order.nextScenario = next.step.scenario;
    if (next.replanAt !== undefined && next.replanAt > now)
      order.replanAt = next.replanAt;
  }
  return order;
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

/**
 * The cap counts nudges per buyer across all their orders. Pages show a (often masked) nickname:
 * orders of one platform with the same nickname count as one buyer, which can only make the cap
 * stricter. An order without a buyer is its own buyer.
 */
function buyerId(
  order: Pick<StoredOrder, "platform" | "buyer" | "key">,
): string {
  return order.buyer === undefined
    ? `order:${order.key}`
    : `buyer:${order.platform}:${order.buyer}`;
}

/** Times of the nudges still counting against each buyer's cap at `now`, by buyerId. */
async function recentNudgesByBuyer(
  db: PayNudgeDB,
  now: number,
  settings: ScheduleSettings,
): Promise<Map<string, number[]>> {
  const recent = await db.nudges
    .where("at")
    .above(now - settings.buyerCap.windowMs)
    .toArray();
  const keys = [...new Set(recent.map((n) => n.orderKey))];
  const orders = await db.orders.bulkGet(keys);
  const buyerOfKey = new Map<string, string>();
  keys.forEach((key, i) => {
    const order = orders[i];
    buyerOfKey.set(key, order ? buyerId(order) : `order:${key}`);
  });
  const out = new Map<string, number[]>();
  for (const nudge of recent) {
    const buyer = buyerOfKey.get(nudge.orderKey)!;
    out.set(buyer, [...(out.get(buyer) ?? []), nudge.at]);
  }
  return out;
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

export interface ReplanResult {
  changed: StoredOrder[];
  /** Orders whose pending nudge went away: their notifications should be withdrawn. */
  cancelled: string[];
}

/** Recomputes the given orders' next nudges from what the database holds now. */
export async function replanOrders(
  db: PayNudgeDB,
  keys: readonly string[],
  now: number,
  settings: ScheduleSettings,
): Promise<ReplanResult> {
  return db.transaction("rw", db.orders, db.nudges, async () => {
    const rows = (await db.orders.bulkGet([...keys])).filter(
      (o): o is StoredOrder => o !== undefined,
    );
    const nudges = await recentNudgesByBuyer(db, now, settings);
    const changed: StoredOrder[] = [];
    const cancelled: string[] = [];
    for (const row of rows) {
      const before = JSON.stringify(row);
      const hadDue = row.nextDueAt !== undefined;
      const after = applySchedule(
        { ...row },
        now,
        settings,
        nudges.get(buyerId(row)),
      );
      if (JSON.stringify(after) === before) continue;
      // put() replaces the row, so fields the schedule removed leave the indexes too.
      await db.orders.put(after);
      changed.push(after);
      if (hadDue && after.nextDueAt === undefined) cancelled.push(after.key);
    }
    return { changed, cancelled };
  });
}

/** Re-plans every order whose next nudge changes by the clock alone by `now`. */
export async function replanDue(
  db: PayNudgeDB,
  now: number,
  settings: ScheduleSettings,
): Promise<ReplanResult> {
  const keys = await db.orders
    .where("replanAt")
    .belowOrEqual(now)
    .primaryKeys();
  if (!keys.length) return { changed: [], cancelled: [] };
  return replanOrders(db, keys, now, settings);
}

/** Re-plans every unpaid order: after the seller changes the engine settings. */
export async function replanUnpaid(
  db: PayNudgeDB,
  now: number,
  settings: ScheduleSettings,
): Promise<ReplanResult> {
  const keys = await db.orders.where("status").equals("unpaid").primaryKeys();
  return replanOrders(db, keys, now, settings);
}

/** Every order of the same buyer (their cap is shared), this one included. */
async function sameBuyerKeys(
  db: PayNudgeDB,
  order: StoredOrder,
): Promise<string[]> {
  if (order.buyer === undefined) return [order.key];
  const rows = await db.orders.where("buyer").equals(order.buyer).toArray();
  return rows.filter((o) => o.platform === order.platform).map((o) => o.key);
}

async function requireOrder(db: PayNudgeDB, key: string): Promise<StoredOrder> {
  const order = await db.orders.get(key);
  if (!order) throw new Error(`PayNudge: unknown order ${key}`);
  return order;
}

/**
 * Records a nudge an agent made: the shared log entry, the order's count and time, its step done.
 * Then re-plans every order of the buyer, since the nudge counts against their cap.
 */
export async function logNudge(
  db: PayNudgeDB,
  key: string,
  entry: NudgeEntry,
  now: number,
  settings: ScheduleSettings,
): Promise<ReplanResult & { order: StoredOrder }> {
  // A nudge cannot have happened in the future; a skewed clock must not break the cap.
  const at = Math.min(entry.at, now);
  const keys = await db.transaction("rw", db.orders, db.nudges, async () => {
    const order = await requireOrder(db, key);
    const step = entry.step ?? order.nextStep;
    const log: NudgeLog = { orderKey: key, at, channel: entry.channel };
    if (step !== undefined) log.step = step;
    if (entry.agent !== undefined) log.agent = entry.agent;
    if (entry.templateId !== undefined) log.templateId = entry.templateId;
    if (entry.note !== undefined) log.note = entry.note;
    if (entry.outcome !== undefined) log.outcome = entry.outcome;
    if (entry.reason !== undefined) log.reason = entry.reason;
    if (entry.when !== undefined) log.when = entry.when;
    await db.nudges.add(log);
    order.nudgeCount += 1;
    order.lastNudgeAt = Math.max(order.lastNudgeAt ?? at, at);
    if (entry.agent !== undefined && order.lastNudgeAt === at)
      order.lastAgent = entry.agent;
    if (step !== undefined)
      order.doneSteps = [...new Set([...(order.doneSteps ?? []), step])];
    delete order.snoozedUntil;
    // What the buyer said last decides: "no longer wants it" stops the nudges; another answer
    // (they changed their mind) lets them go on. Silence changes nothing.
    if (entry.outcome === "not-wanted") order.declinedAt = at;
    else if (entry.outcome !== undefined && entry.outcome !== "no-answer")
      delete order.declinedAt;
    await db.orders.put(order);
    return sameBuyerKeys(db, order);
  });
  const result = await replanOrders(db, keys, now, settings);
  return { ...result, order: await requireOrder(db, key) };
}

/** Snoozes an order's nudge until `until` (moved out of quiet hours by the engine). */
export async function snoozeOrder(
  db: PayNudgeDB,
  key: string,
  until: number,
  now: number,
  settings: ScheduleSettings,
): Promise<StoredOrder> {
  await db.transaction("rw", db.orders, async () => {
    await requireOrder(db, key);
    await db.orders.update(key, { snoozedUntil: Math.max(until, now) });
  });
  await replanOrders(db, [key], now, settings);
  return requireOrder(db, key);
}

/** Marks a step done without a logged nudge (the current one when `step` is absent): the next step takes over. */
export async function markStepDone(
  db: PayNudgeDB,
  key: string,
  step: string | undefined,
  now: number,
  settings: ScheduleSettings,
): Promise<StoredOrder> {
  await db.transaction("rw", db.orders, async () => {
    const order = await requireOrder(db, key);
    const done = step ?? order.nextStep;
    if (done === undefined) return;
    order.doneSteps = [...new Set([...(order.doneSteps ?? []), done])];
    delete order.snoozedUntil;
    await db.orders.put(order);
  });
  await replanOrders(db, [key], now, settings);
  return requireOrder(db, key);
}

/** Unpaid orders whose nudge is due and was never notified, soonest first. */
export async function dueUnnotified(
  db: PayNudgeDB,
  now: number,
): Promise<StoredOrder[]> {
  const due = await db.orders.where("nextDueAt").belowOrEqual(now).toArray();
  return due.filter(
    (o) => o.status === "unpaid" && o.notifiedDueAt !== o.nextDueAt,
  );
}

export async function markNotified(
  db: PayNudgeDB,
  orders: readonly StoredOrder[],
): Promise<void> {
  await db.transaction("rw", db.orders, async () => {
    for (const order of orders) {
      // Only if the due time is still the one we notified: a re-plan in between must notify anew.
      await db.orders
        .where("key")
        .equals(order.key)
        .modify((row) => {
          if (row.nextDueAt === order.nextDueAt)
            row.notifiedDueAt = order.nextDueAt;
        });
    }
  });
}

/**
 * Where the one alarm goes: the earliest due moment not yet notified, or the earliest moment a plan
 * changes by the clock alone (a later step takes over, an order closes), whichever comes first.
 */
export async function nextAlarmAt(db: PayNudgeDB): Promise<number | undefined> {
  const [due, replan] = await Promise.all([
    db.orders
      .orderBy("nextDueAt")
      .filter((o) => o.status === "unpaid" && o.notifiedDueAt !== o.nextDueAt)
      .first(),
    db.orders.orderBy("replanAt").first(),
  ]);
  const moments = [due?.nextDueAt, replan?.replanAt].filter(
    (m): m is number => m !== undefined,
  );
  return moments.length ? Math.min(...moments) : undefined;
}

export async function countDueNow(
  db: PayNudgeDB,
  now: number,
): Promise<number> {
  return db.orders
    .where("nextDueAt")
    .belowOrEqual(now)
    .filter((o) => o.status === "unpaid")
    .count();
}
