import { browser } from "wxt/browser";
import type { PayNudgeDB } from "@/lib/db/schema";
import { snoozeOrder } from "@/lib/db/order-actions";
import { openOrder } from "@/lib/background/open-order";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { runDueCheck } from "@/lib/background/due-check";
import {
  notificationClosed,
  notificationOrderKeys,
} from "@/lib/background/notices";

/* What the agent does with a desktop notification: click it, press one of its buttons, close it. */

/** How long the snooze button puts a notification's orders off. */
const SNOOZE_BUTTON_MS = 15 * 60_000;

/** A click on a notification goes to its order (or the summary's first order) on its page. */
export async function handleNotificationClick(
  db: PayNudgeDB,
  id: string,
): Promise<void> {
  const [first] = await notificationOrderKeys(db, id);
  await browser.notifications.clear(id);
  if (first !== undefined) await openOrder(db, first);
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

/** A notification closed: what it held counts as shown (notices.ts, notificationClosed). */
export function handleNotificationClosed(
  db: PayNudgeDB,
  id: string,
): Promise<void> {
  return notificationClosed(db, id);
}
