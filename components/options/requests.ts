import { browser } from "wxt/browser";
import type { PlatformId } from "@/lib/model/order";
import { toBackground } from "@/lib/messaging/messengers";
import type { ImportTransport } from "@/lib/messaging/send-backup";
import type {
  EngineSettingsPatch,
  GeneralSettings,
  TaughtPageRequest,
} from "@/lib/messaging/settings-requests";
import type { TaughtReader } from "@/lib/model/taught-reader";
import type { MessageTemplate } from "@/lib/templates/shipped";

/*
 * What the options page asks the background. The background owns every write: each section's
 * save, the import and the wipe go through it.
 */

export const saveGeneralSettings = (settings: GeneralSettings) =>
  toBackground.sendMessage("saveGeneralSettings", settings);

/** Answers how many open orders got a new plan. */
export const saveEngineSettings = (patch: EngineSettingsPatch) =>
  toBackground.sendMessage("saveEngineSettings", patch);

export const saveTemplate = (template: MessageTemplate) =>
  toBackground.sendMessage("saveTemplate", template);

export const deleteTemplate = (id: string) =>
  toBackground.sendMessage("deleteTemplate", { id });

/** Stores the retention; the background prunes what it no longer keeps. */
export const setRetentionDays = (days: number) =>
  toBackground.sendMessage("setRetentionDays", { days });

export const setPlatformEnabled = (platform: PlatformId, enabled: boolean) =>
  toBackground.sendMessage("setPlatformEnabled", { platform, enabled });

/** The sites granted to the generic adapter, once the background synced them with the permissions. */
export const syncGrantedSites = () =>
  toBackground.sendMessage("syncGrantedSites", undefined);

/** Asks the seller to grant a site, then answers whether they did and the sites granted now. */
export async function grantSite(
  pattern: string,
): Promise<{ granted: boolean; sites: string[] }> {
  // Asked here, in the page's click: the background cannot show the permission prompt.
  const granted = await browser.permissions.request({ origins: [pattern] });
  return { granted, sites: await syncGrantedSites() };
}

/** Withdraws a granted site; answers the sites left. */
export const revokeSite = (pattern: string) =>
  toBackground.sendMessage("revokeSite", { pattern });

export const wipeAllData = () =>
  toBackground.sendMessage("wipeAllData", { confirm: "DELETE" });

/** The background's chunked import requests, as sendBackup uses them. */
export const importTransport: ImportTransport = {
  begin: (manifest) => toBackground.sendMessage("importBegin", manifest),
  chunk: (chunk) => toBackground.sendMessage("importChunk", chunk),
  commit: (session) => toBackground.sendMessage("importCommit", session),
  abort: (session) => toBackground.sendMessage("importAbort", session),
};

/** Stores a taught page's reader in place of the one taught there before. */
export const saveTaughtReader = (reader: TaughtReader) =>
  toBackground.sendMessage("saveTaughtReader", reader);

/** Forgets a taught page: PayNudge's built-in readers read it again. */
export const deleteTaughtReader = (page: TaughtPageRequest) =>
  toBackground.sendMessage("deleteTaughtReader", page);
