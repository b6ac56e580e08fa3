import { browser } from "wxt/browser";
import type { PayNudgeDB } from "@/lib/db/schema";
import { composeContext } from "@/lib/db/compose";
import { bestMessage } from "@/lib/templates/render";
import { snoozeUntil } from "@/lib/engine/snooze";
import {
  LogNudgeRequestSchema,
  MAX_BATCH_ORDERS,
  MessageRequestSchema,
  parseOrdersSeen,
  SnoozeRequestSchema,
  StepDoneRequestSchema,
  ViewsForRequestSchema,
  type MessageReply,
  type OrderView,
} from "@/lib/schemas/content";
import { openOrderPage } from "@/lib/background/open-order";
import {
  logNudge,
  markStepDone,
  snoozeOrder,
  toView,
  upsertSeenOrders,
} from "@/lib/db/orders";
import { loadEngineSettings } from "@/lib/db/engine-settings";
import {
  notificationClosed,
  notificationOrderKeys,
  requestDueCheck,
  runDueCheck,
  SNOOZE_BUTTON_MS,
  withdrawNotifications,
} from "@/lib/background/scheduler";
import { originOf } from "@/lib/background/senders";

/**
 * A batch of orders a content script saw, validated and stored with its plans. Rows that fail
 * validation, lie past the batch bound, or (with `platformsAt`, which names the platforms whose
 * orders the batch's page can show) belong to another platform are left out and counted.
 */
export async function storeSeenOrders(
  db: PayNudgeDB,
  data: unknown,
  now: number,
  platformsAt?: (pageUrl: URL) => ReadonlySet<string>,
): Promise<OrderView[]> {
  const parsed = parseOrdersSeen(data);
  const platforms = platformsAt?.(new URL(parsed.pageUrl));
  const orders = platforms
    ? parsed.orders.filter((order) => platforms.has(order.platform))
    : parsed.orders;
  const batch = { ...parsed, orders };
  const foreign = parsed.orders.length - orders.length;
  if (batch.rejected || batch.skipped || foreign)
    console.warn(
      `PayNudge: orders left out of a batch: ${batch.rejected} malformed, ${batch.skipped} past the bound of ${MAX_BATCH_ORDERS}, ${foreign} of another platform`,
    );
  const { views, cancelled } = await upsertSeenOrders(db, batch, now);
  await withdrawNotifications(cancelled);
  return views;
}

/**
 * A page's batch as the background answers it: stored, then the page has its badges' states while
 * the due check (notifications, alarm, toolbar) runs behind, shared with the batches that follow.
 * That check arms a retry alarm before anything else, so a worker stopped meanwhile loses nothing.
 */
export async function answerOrdersSeen(
  db: PayNudgeDB,
  data: unknown,
  now: number,
  platformsAt?: (pageUrl: URL) => ReadonlySet<string>,
): Promise<OrderView[]> {
  const views = await storeSeenOrders(db, data, now, platformsAt);
  void requestDueCheck(db).catch((error) =>
    console.error("PayNudge due check", error),
  );
  return views;
}

/**
 * What a page's badges show, read fresh; orders the background does not know are left out, and so
 * are those of another site than `origin` (the asking page's, when a content script asks).
 */
export async function handleViewsFor(
  db: PayNudgeDB,
  data: unknown,
  origin?: string,
): Promise<OrderView[]> {
  const { keys } = ViewsForRequestSchema.parse(data);
  const rows = await db.orders.bulkGet(keys);
  return rows.flatMap((order) =>
    order && (origin === undefined || originOf(order.pageUrl) === origin)
      ? [toView(order)]
      : [],
  );
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

/** A click on a notification opens (or focuses) the page of its order, or of the summary's first order. */
export async function handleNotificationClick(
  db: PayNudgeDB,
  id: string,
): Promise<void> {
  const [first] = await notificationOrderKeys(db, id);
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
  const keys = await notificationOrderKeys(db, id);
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

/** A notification closed: what it held counts as shown (scheduler.ts, notificationClosed). */
export function handleNotificationClosed(
  db: PayNudgeDB,
  id: string,
): Promise<void> {
  return notificationClosed(db, id);
}
