import { ownerOf, readTeam } from "@/lib/db/team";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  logNudge,
  markOrderStatus,
  markStepDone,
  restoreOrderMarks,
  snoozeOrder,
} from "@/lib/db/order-actions";
import { replanOrders } from "@/lib/db/order-plans";
import { snoozeUntil } from "@/lib/engine/snooze";
import type { ComposeContext } from "@/lib/messaging/compose-context";
import type {
  LogNudgeReply,
  MessageReply,
} from "@/lib/messaging/order-requests";
import type { StoredOrder } from "@/lib/model/order";
import { toView, type OrderView } from "@/lib/model/order-view";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import type { ScheduleSettings } from "@/lib/engine/schedule";
import { parseRequest } from "@/lib/schemas/requests";
import { bestMessage } from "@/lib/templates/render";
import { composeContext } from "@/lib/background/compose-context";
import { runDueCheck } from "@/lib/background/due-check";
import { withdrawNotifications } from "@/lib/background/notices";

/* What the agent does about one order, on its page (the badge panel) or from the popup. */

/** The badge panel's data for one order. */
export async function handlePanelFor(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<ComposeContext> {
  const { key } = parseRequest("panelFor", data);
  return composeContext(db, key, now);
}

/** The filled-in reminder for one order, in the language of its platform's buyers. */
export async function handleMessageFor(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<MessageReply> {
  const { key } = parseRequest("messageFor", data);
  const { text, missing } = bestMessage(await composeContext(db, key, now));
  return { text, missing };
}

/**
 * The agent nudged a buyer: logged, the step done, every order of the buyer re-planned (the cap is
 * theirs). The order's alert is withdrawn, and so are those of the buyer's orders that no longer wait.
 * A repeat of the step's last log (a double click, another tab) is answered, not logged.
 */
export async function handleLogNudge(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<LogNudgeReply> {
  const { key, again, ...entry } = parseRequest("logNudge", data);
  const result = await logNudge(
    db,
    key,
    entry,
    now,
    await loadEngineSettings(db),
    { again: again === true },
  );
  const { order, duplicateOf } = result;
  if (duplicateOf) {
    const duplicate: NonNullable<LogNudgeReply["duplicate"]> = {
      at: duplicateOf.at,
    };
    if (duplicateOf.step !== undefined) duplicate.step = duplicateOf.step;
    return { ...(await teamView(db, order, now)), duplicate };
  }
  await withdrawNotifications([key, ...result.cancelled]);
  await runDueCheck(db, now);
  return teamView(db, order, now);
}

export async function handleSnooze(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView> {
  const request = parseRequest("snooze", data);
  const settings = await loadEngineSettings(db);
  const order = await snoozeOrder(
    db,
    request.key,
    snoozeUntil(request.for, now, settings),
    now,
    settings,
  );
  await withdrawNotifications([request.key]);
  await runDueCheck(db, now);
  return teamView(db, order, now);
}

export async function handleStepDone(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView> {
  const { key, step } = parseRequest("stepDone", data);
  const order = await markStepDone(
    db,
    key,
    step,
    now,
    await loadEngineSettings(db),
  );
  await withdrawNotifications([key]);
  await runDueCheck(db, now);
  return teamView(db, order, now);
}

/**
 * The agent marks an order paid or closed from the popup: its pending nudge goes (re-planned with
 * the new status), its notification is withdrawn, and alarms and the toolbar count follow.
 */
export async function handleSetOrderStatus(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  const { key, status } = parseRequest("setOrderStatus", data);
  const settings = await loadEngineSettings(db);
  // One write: no reader ever sees the mark without its plan (markedThenPlanned).
  await markedThenPlanned(
    db,
    () => markOrderStatus(db, key, status, now),
    [key],
    now,
    settings,
  );
  await withdrawNotifications([key]);
  await runDueCheck(db, now);
}

/**
 * The popup's undo of a mark or a snooze (a few seconds after it): the order's status, manual mark,
 * snooze and first sight of payment as they were, planned again; alarms, notifications and the toolbar count follow.
 */
export async function handleRestoreOrder(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  const { key, ...marks } = parseRequest("restoreOrder", data);
  const settings = await loadEngineSettings(db);
  await markedThenPlanned(
    db,
    () => restoreOrderMarks(db, key, marks),
    [key],
    now,
    settings,
  );
  await withdrawNotifications([key]);
  await runDueCheck(db, now);
}

/** The order's view, with whose it is when a team is held. */
async function teamView(
  db: PayNudgeDB,
  order: StoredOrder,
  now: number,
): Promise<OrderView> {
  return toView(order, ownerOf(order, await readTeam(db), now));
}

/**
 * A mark (paid, closed, or their undo) and the plan that follows from it, in one transaction: a
 * reader between two writes saw an order unpaid again with no plan yet (the popup's undo test
 * caught it once, under load), and a worker stopped there would have left it so.
 */
function markedThenPlanned(
  db: PayNudgeDB,
  mark: () => Promise<void>,
  keys: readonly string[],
  now: number,
  settings: ScheduleSettings,
): Promise<void> {
  return db.transaction("rw", db.orders, db.nudges, async () => {
    await mark();
    await replanOrders(db, keys, now, settings);
  });
}
