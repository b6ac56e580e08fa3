import { browser } from "wxt/browser";
import { z } from "zod";
import {
  GeneralSettingsSchema,
  NotificationsPausedSchema,
  SetOrderStatusSchema,
} from "../admin-schemas";
import { restoreBackup, wipeAll } from "../backup";
import type { PayNudgeDB } from "../db";
import { replanOrders } from "../orders-repo";
import { setSetting } from "../settings";
import { runDueCheck, withdrawNotifications } from "./scheduler";

async function clearOurNotifications(): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(
    Object.keys(all).map((id) => browser.notifications.clear(id)),
  );
}

export async function handleSaveGeneralSettings(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const settings = GeneralSettingsSchema.parse(data);
  if (settings.agentName !== undefined)
    await setSetting(db, "agentName", settings.agentName || undefined);
  if (settings.shopNames !== undefined) {
    const names = Object.fromEntries(
      Object.entries(settings.shopNames).filter(([, v]) => v),
    );
    await setSetting(db, "shopNames", names);
  }
}

/** Restores a backup (all or nothing), then re-plans alerts from the restored data. */
export async function handleImportBackup(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<Record<string, number>> {
  const restored = await restoreBackup(db, data);
  await clearOurNotifications();
  await runDueCheck(db, now);
  return restored;
}

export async function handleWipeAllData(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  z.object({ confirm: z.literal("DELETE") }).parse(data);
  await wipeAll(db);
  await clearOurNotifications();
  await runDueCheck(db, now);
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
  const { key, status } = SetOrderStatusSchema.parse(data);
  await db.transaction("rw", db.orders, async () => {
    const order = await db.orders.get(key);
    if (!order) throw new Error(`PayNudge: unknown order ${key}`);
    await db.orders.update(key, { status, manualStatus: status });
  });
  await replanOrders(db, [key], now);
  await withdrawNotifications([key]);
  await runDueCheck(db, now);
}

/** Off duty on/off. Either way the due check runs: on resume it shows at once what fell due meanwhile. */
export async function handleSetNotificationsPaused(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  const { paused } = NotificationsPausedSchema.parse(data);
  await setSetting(db, "notificationsPaused", paused);
  await runDueCheck(db, now);
}
