import type { PayNudgeDB } from "@/lib/db/schema";
import { replanOrders, type ReplanResult } from "@/lib/db/order-plans";
import { promisedMoment } from "@/lib/engine/promise";
import type { ScheduleSettings } from "@/lib/engine/schedule";
import type { NudgeEntry, NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import { isWhenId } from "@/lib/templates/outcomes";

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
 * How long a logged nudge stands for its step: the same order, step and answer logged again within
 * it is the same nudge (a double click, a second tab), unless the agent says it is another.
 */
export const DUPLICATE_LOG_WINDOW_MS = 5 * 60_000;

/** What logNudge did: logged, or refused as a repeat of `duplicateOf` (nothing written). */
export type LogNudgeResult =
  | (ReplanResult & { order: StoredOrder; duplicateOf?: undefined })
  | { order: StoredOrder; duplicateOf: NudgeLog };

/** The buyer's answer a log carries: a different one is news, not a repeat. */
const sameAnswer = (a: NudgeEntry, b: NudgeLog) =>
  a.outcome === b.outcome && a.reason === b.reason && a.when === b.when;

/**
 * Records a nudge an agent made: the shared log entry, the order's count and time, its step done.
 * Then re-plans every order of the buyer, since the nudge counts against their cap. A repeat of a
 * nudge logged within DUPLICATE_LOG_WINDOW_MS (same step, same answer) is refused, unless `again`
 * (the agent's explicit "log once more"); the check and the write share one transaction, so two
 * tabs racing log one nudge.
 */
export async function logNudge(
  db: PayNudgeDB,
  key: string,
  entry: NudgeEntry,
  now: number,
  settings: ScheduleSettings,
  { again = false }: { again?: boolean } = {},
): Promise<LogNudgeResult> {
  // A nudge cannot have happened in the future; a skewed clock must not break the cap.
  const at = Math.min(entry.at, now);
  const done = await db.transaction(
    "rw",
    db.orders,
    db.nudges,
    async (): Promise<
      { order: StoredOrder; duplicateOf: NudgeLog } | { keys: string[] }
    > => {
      const order = await requireOrder(db, key);
      const step = entry.step ?? order.nextStep;
      if (!again) {
        const duplicateOf = await db.nudges
          .where("orderKey")
          .equals(key)
          .filter(
            (log) =>
              // A colleague's nudge merged from their team log is theirs, not this one again.
              log.importedFrom === undefined &&
              log.step === step &&
              sameAnswer(entry, log) &&
              Math.abs(log.at - at) < DUPLICATE_LOG_WINDOW_MS,
          )
          .last();
        if (duplicateOf) return { order, duplicateOf };
      }
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
      // The buyer's latest word on when they pay holds until the next log replaces it.
      delete order.promisedAt;
      delete order.promisedWhen;
      const promised =
        entry.outcome === "will-pay" && entry.when !== undefined
          ? promisedMoment(entry.when, at, settings)
          : undefined;
      if (promised !== undefined) {
        order.promisedAt = promised;
        // A word is kept to be said again (买家说中午付); a typed time is promisedAt itself.
        if (isWhenId(entry.when)) order.promisedWhen = entry.when;
      }
      await db.orders.put(order);
      return { keys: await sameBuyerKeys(db, order) };
    },
  );
  if ("duplicateOf" in done) return done;
  const result = await replanOrders(db, done.keys, now, settings);
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

/**
 * The agent marks an order paid or closed (the popup): the mark holds while the page still shows
 * it unpaid (lib/db/orders-seen.ts). A paid mark is the first sight of the payment when none was
 * seen yet (the report's paidSeenAt); the caller re-plans.
 */
export async function markOrderStatus(
  db: PayNudgeDB,
  key: string,
  status: NonNullable<StoredOrder["manualStatus"]>,
  now: number,
): Promise<void> {
  await db.transaction("rw", db.orders, async () => {
    const order = await requireOrder(db, key);
    order.status = status;
    order.manualStatus = status;
    if (status === "paid") order.paidSeenAt ??= now;
    await db.orders.put(order);
  });
}

/** What an undo puts back: the order's status, mark, snooze and first sight of payment. */
type OrderMarks = Pick<
  StoredOrder,
  "status" | "manualStatus" | "snoozedUntil" | "paidSeenAt"
>;

/**
 * The popup's undo of a mark or a snooze: each field as it was (an absent one removed), so an
 * undone paid mark leaves no payment for the report to count. The caller re-plans.
 */
export async function restoreOrderMarks(
  db: PayNudgeDB,
  key: string,
  marks: OrderMarks,
): Promise<void> {
  await db.transaction("rw", db.orders, async () => {
    const order = await requireOrder(db, key);
    order.status = marks.status;
    if (marks.manualStatus === undefined) delete order.manualStatus;
    else order.manualStatus = marks.manualStatus;
    if (marks.snoozedUntil === undefined) delete order.snoozedUntil;
    else order.snoozedUntil = marks.snoozedUntil;
    if (marks.paidSeenAt === undefined) delete order.paidSeenAt;
    else order.paidSeenAt = marks.paidSeenAt;
    await db.orders.put(order);
  });
}
