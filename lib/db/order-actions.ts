import type { PayNudgeDB } from "@/lib/db/schema";
import { replanOrders, type ReplanResult } from "@/lib/db/order-plans";
import type { ScheduleSettings } from "@/lib/engine/schedule";
import type { NudgeEntry, NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

/* What the agent did about one order: a nudge logged, a snooze, a step done; then re-planned. */

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
