import { browser } from "wxt/browser";
import type { PayNudgeDB } from "../db";
import { composeContext } from "../compose";
import { bestMessage } from "../template";
import { snoozeUntil } from "../engine/snooze";
import {
  LogNudgeRequestSchema,
  MessageRequestSchema,
  parseOrdersSeen,
  SnoozeRequestSchema,
  StepDoneRequestSchema,
  ViewsForRequestSchema,
  type MessageReply,
  type OrderView,
} from "../messages";
import { openOrderPage } from "../open-order";
import {
  logNudge,
  markStepDone,
  snoozeOrder,
  toView,
  upsertSeenOrders,
} from "../orders-repo";
import { loadEngineSettings } from "../engine-settings-store";
import {
  orderKeyOfNotification,
  runDueCheck,
  SNOOZE_BUTTON_MS,
  SUMMARY_NOTIFICATION_ID,
  summaryOrderKeys,
  withdrawNotifications,
} from "./scheduler";

/** A batch of orders a content script saw: validated, stored, re-planned; alarms follow. */
export async function handleOrdersSeen(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView[]> {
  const batch = parseOrdersSeen(data);
  if (batch.rejected)
    console.warn(`PayNudge: ${batch.rejected} malformed order(s) ignored`);
  const { views, cancelled } = await upsertSeenOrders(db, batch, now);
  await withdrawNotifications(cancelled);
  await runDueCheck(db, now);
  return views;
}

/** What a page's badges show, read fresh; orders the background does not know are left out. */
export async function handleViewsFor(
  db: PayNudgeDB,
  data: unknown,
): Promise<OrderView[]> {
  const { keys } = ViewsForRequestSchema.parse(data);
  const rows = await db.orders.bulkGet(keys);
  return rows.flatMap((order) => (order ? [toView(order)] : []));
}

/** The filled-in reminder for one order, in the language of its platform's buyers. */
export async function handleMessageFor(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<MessageReply> {
  const { key } = MessageRequestSchema.parse(data);
  const { text, missing } = bestMessage(await composeContext(db, key, now));
  return { text, missing };
}

/**
 * The agent nudged a buyer: logged, the step done, every order of the buyer re-planned (the cap is
 * theirs). The order's alert is withdrawn, and so are those of the buyer's orders that no longer wait.
 */
export async function handleLogNudge(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView> {
  const { key, ...entry } = LogNudgeRequestSchema.parse(data);
  const { order, cancelled } = await logNudge(db, key, entry, now);
  await withdrawNotifications([key, ...cancelled]);
  await runDueCheck(db, now);
  return toView(order);
}

export async function handleSnooze(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView> {
  const request = SnoozeRequestSchema.parse(data);
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
  return toView(order);
}

export async function handleStepDone(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView> {
  const { key, step } = StepDoneRequestSchema.parse(data);
  const order = await markStepDone(db, key, step, now);
  await withdrawNotifications([key]);
  await runDueCheck(db, now);
  return toView(order);
}

/** The orders a notification stands for: its own order, or those its summary lists. */
async function ordersOfNotification(
  db: PayNudgeDB,
  id: string,
): Promise<string[]> {
  const key = orderKeyOfNotification(id);
  if (key) return [key];
  if (id === SUMMARY_NOTIFICATION_ID) return summaryOrderKeys(db);
  return [];
}

/** A click on a notification opens (or focuses) the page of its order, or of the summary's first order. */
export async function handleNotificationClick(
  db: PayNudgeDB,
  id: string,
): Promise<void> {
  const [first] = await ordersOfNotification(db, id);
  await browser.notifications.clear(id);
  const order = first === undefined ? undefined : await db.orders.get(first);
  if (order) await openOrderPage(order.pageUrl);
}

/** Button 0 opens the order page; button 1 snoozes its order (a summary's: all of them) 15 minutes. */
export async function handleNotificationButton(
  db: PayNudgeDB,
  id: string,
  index: number,
  now: number,
): Promise<void> {
  if (index === 0) return handleNotificationClick(db, id);
  const keys = await ordersOfNotification(db, id);
  if (!keys.length) return;
  const settings = await loadEngineSettings(db);
  for (const key of keys) {
    const order = await db.orders.get(key);
    // A listed order may have been paid or nudged since; only a still-waiting one is snoozed.
    if (order?.nextDueAt !== undefined)
      await snoozeOrder(db, key, now + SNOOZE_BUTTON_MS, now, settings);
  }
  await browser.notifications.clear(id);
  await runDueCheck(db, now);
}
