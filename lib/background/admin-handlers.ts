import { browser } from 'wxt/browser';
import { z } from 'zod';
import { GeneralSettingsSchema } from '../admin-messages';
import { restoreBackup, wipeAll } from '../backup';
import type { PayNudgeDB } from '../db';
import { setSetting } from '../settings';
import { runDueCheck } from './scheduler';

async function clearOurNotifications(): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(Object.keys(all).map((id) => browser.notifications.clear(id)));
}

export async function handleSaveGeneralSettings(db: PayNudgeDB, data: unknown): Promise<void> {
  const settings = GeneralSettingsSchema.parse(data);
  if (settings.agentName !== undefined) await setSetting(db, 'agentName', settings.agentName || undefined);
  if (settings.shopNames !== undefined) {
    const names = Object.fromEntries(Object.entries(settings.shopNames).filter(([, v]) => v));
    await setSetting(db, 'shopNames', names);
  }
}

/** Restores a backup (all or nothing), then re-plans alerts from the restored data. */
export async function handleImportBackup(db: PayNudgeDB, data: unknown, now: number): Promise<Record<string, number>> {
  const restored = await restoreBackup(db, data);
  await clearOurNotifications();
  await runDueCheck(db, now);
  return restored;
}

export async function handleWipeAllData(db: PayNudgeDB, data: unknown, now: number): Promise<void> {
  z.object({ confirm: z.literal('DELETE') }).parse(data);
  await wipeAll(db);
  await clearOurNotifications();
  await runDueCheck(db, now);
}
