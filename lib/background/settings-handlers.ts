import {
  EngineSettingsPatchSchema,
  PlatformEnabledSchema,
  SitePatternSchema,
  TemplateIdSchema,
} from "@/lib/schemas/admin";
import type { PayNudgeDB } from "@/lib/db/schema";
import { replanUnpaid } from "@/lib/db/orders";
import { getSetting, setSetting } from "@/lib/db/settings";
import { deleteTemplate, saveTemplate } from "@/lib/db/templates";
import {
  grantedSites,
  revokeSite,
  syncGrantedSites,
} from "@/lib/background/granted-sites";
import { runDueCheck, withdrawNotifications } from "@/lib/background/scheduler";

/*
 * The options page's editors (issue 6): nudge plan, templates, sites. Payloads are validated here,
 * on arrival, like every other message.
 */

/**
 * Saves the engine settings the options page sent (each key checked), then re-plans every open
 * order so their timers, alarms and notifications follow the new rules at once.
 */
export async function handleSaveEngineSettings(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<{ replanned: number }> {
  const patch = EngineSettingsPatchSchema.parse(data);
  await db.transaction("rw", db.settings, async () => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await db.settings.put({ key, value });
    }
  });
  const { changed, cancelled } = await replanUnpaid(db, now);
  await withdrawNotifications(cancelled);
  await runDueCheck(db, now);
  return { replanned: changed.length };
}

export async function handleSaveTemplate(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  await saveTemplate(db, data);
}

export async function handleDeleteTemplate(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  await deleteTemplate(db, TemplateIdSchema.parse(data).id);
}

/** Turns a platform off or on; the content script reads `enabledPlatforms` before it starts. */
export async function handleSetPlatformEnabled(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const { platform, enabled } = PlatformEnabledSchema.parse(data);
  const next = { ...(await getSetting(db, "enabledPlatforms")) };
  if (enabled) delete next[platform];
  else next[platform] = false;
  await setSetting(db, "enabledPlatforms", next);
}

/** After the options page was granted a site (the prompt needs its click): registrations follow. */
export function handleSyncGrantedSites(): Promise<string[]> {
  return syncGrantedSites();
}

export async function handleRevokeSite(data: unknown): Promise<string[]> {
  await revokeSite(SitePatternSchema.parse(data).pattern);
  return grantedSites();
}
