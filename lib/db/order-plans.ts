import { buyerId, recentNudgesByBuyer } from "@/lib/db/buyer-nudges";
import { sameAsStored } from "@/lib/db/due-index";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  scheduleNoSlotCause,
  scheduleOrder,
  type ScheduleSettings,
} from "@/lib/engine/schedule";
import { closeDeadline } from "@/lib/model/close-deadline";
import type { StoredOrder } from "@/lib/model/order";

/*
 * Each order's plan, kept on its row: the next nudge, its step, when to look again. The engine
 * settings are the caller's to load and check (lib/schemas/engine-settings.ts, loadEngineSettings):
 * the database knows no zod.
 */

/**
 * Writes the engine's answer onto the order: the next due moment with its step, and when to look
 * again. Fields with no value are removed, so unscheduled orders drop out of the indexes.
 */
export function applySchedule(
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
  delete order.noSlotCause;
  if (!next && order.deadlineAt !== undefined && now < order.deadlineAt) {
    // The state says 关闭前无可催时段: the badge and the popup say why as well.
    const cause = scheduleNoSlotCause(order, now, settings, buyerNudges);
    if (cause !== undefined) order.noSlotCause = cause;
  }
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
    const nudges = await recentNudgesByBuyer(
      db,
      now,
      settings,
      new Set(rows.map(buyerId)),
    );
    const changed: StoredOrder[] = [];
    const cancelled: string[] = [];
    for (const row of rows) {
      const hadDue = row.nextDueAt !== undefined;
      const after = applySchedule(
        { ...row },
        now,
        settings,
        nudges.get(buyerId(row)),
      );
      if (sameAsStored(row, after)) continue;
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
