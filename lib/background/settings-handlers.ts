import type { PayNudgeDB } from "@/lib/db/schema";
import { deleteTemplate } from "@/lib/db/templates";
import { parseRequest } from "@/lib/schemas/requests";
import { getSetting, setSetting } from "@/lib/schemas/settings";
import { saveTemplate } from "@/lib/schemas/templates";
import {
  grantedSites,
  revokeSite,
  syncGrantedSites,
} from "@/lib/background/granted-sites";
import { runDueCheck } from "@/lib/background/due-check";
import { runPrune } from "@/lib/background/prune";
import { replanEveryOpenOrder } from "@/lib/background/replan-all";
import {
  pageKey,
  TAUGHT_READERS_MAX,
  type TaughtReader,
} from "@/lib/model/taught-reader";

/*
 * What the extension's pages change: the agent's and shops' names, off duty, the nudge plan,
 * templates, platforms and granted sites. Each request is checked on arrival, like every other.
 */

export async function handleSaveGeneralSettings(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const settings = parseRequest("saveGeneralSettings", data);
  if (settings.agentName !== undefined)
    await setSetting(db, "agentName", settings.agentName || undefined);
  if (settings.shopNames !== undefined) {
    const names = Object.fromEntries(
      Object.entries(settings.shopNames).filter(([, v]) => v),
    );
    await setSetting(db, "shopNames", names);
  }
  if (settings.panelPlace !== undefined)
    await setSetting(db, "panelPlace", settings.panelPlace);
  if (settings.attributionHours !== undefined)
    await setSetting(db, "attributionHours", settings.attributionHours);
}

/** Off duty on/off. Either way the due check runs: on resume it shows at once what fell due meanwhile. */
export async function handleSetNotificationsPaused(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  const { paused } = parseRequest("setNotificationsPaused", data);
  await setSetting(db, "notificationsPaused", paused);
  await runDueCheck(db, now);
}

/**
 * Stores how long paid and closed orders are kept; a shorter retention prunes at once, in the
 * background (batches, lib/db/prune.ts), so the page's save answers without waiting for it.
 */
export async function handleSetRetentionDays(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  const { days } = parseRequest("setRetentionDays", data);
  await setSetting(db, "retentionDays", days);
  void runPrune(db, now).catch((error) =>
    console.error("PayNudge prune", error),
  );
}

/**
 * Saves the engine settings the options page sent (each key checked), then re-plans every open
 * order so their timers, alarms and notifications follow the new rules at once.
 */
export async function handleSaveEngineSettings(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<{ replanned: number }> {
  const patch = parseRequest("saveEngineSettings", data);
  await db.transaction("rw", db.settings, async () => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) await db.settings.put({ key, value });
    }
  });
  return replanEveryOpenOrder(db, now);
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
  await deleteTemplate(db, parseRequest("deleteTemplate", data).id);
}

/** Turns a platform off or on; the content script reads `enabledPlatforms` before it starts. */
export async function handleSetPlatformEnabled(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const { platform, enabled } = parseRequest("setPlatformEnabled", data);
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
  await revokeSite(parseRequest("revokeSite", data).pattern);
  return grantedSites();
}

/** The readers taught on a content script's site (its own host only: another site's stay unseen). */
export async function taughtReadersOf(
  db: PayNudgeDB,
  origin: string,
): Promise<TaughtReader[]> {
  const host = new URL(origin).host;
  return (await getSetting(db, "taughtReaders")).filter(
    (reader) => reader.host === host,
  );
}

/**
 * Stores a taught reader in place of the one taught on the same page before; a new page beyond
 * TAUGHT_READERS_MAX is refused, never stored by dropping another.
 */
export async function handleSaveTaughtReader(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const reader = parseRequest("saveTaughtReader", data);
  await db.transaction("rw", db.settings, async () => {
    const readers = await getSetting(db, "taughtReaders");
    const key = pageKey(reader);
    const others = readers.filter((one) => pageKey(one) !== key);
    if (others.length >= TAUGHT_READERS_MAX)
      throw new Error(
        `PayNudge: at most ${TAUGHT_READERS_MAX} taught pages are kept`,
      );
    await setSetting(db, "taughtReaders", [...others, reader]);
  });
}

export async function handleDeleteTaughtReader(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const key = pageKey(parseRequest("deleteTaughtReader", data));
  await db.transaction("rw", db.settings, async () => {
    const readers = await getSetting(db, "taughtReaders");
    await setSetting(
      db,
      "taughtReaders",
      readers.filter((one) => pageKey(one) !== key),
    );
  });
}
