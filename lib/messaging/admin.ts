import { defineExtensionMessaging } from "@webext-core/messaging";
import type {
  EngineSettingsPatch,
  GeneralSettings,
  ImportChunkRequest,
  ImportReply,
  ImportSessionRequest,
  NotificationsPausedRequest,
  PlatformEnabledRequest,
  SetOrderStatusRequest,
} from "@/lib/schemas/admin";
import type { ImportManifest } from "@/lib/db/backup";
import type { MessageTemplate } from "@/lib/templates/shipped";

/*
 * Extension pages (popup, options) → background. The background owns every database write, so
 * pages ask it; payloads are validated on arrival (admin-schemas.ts) like the content script's.
 */

export interface AdminToBackground {
  saveGeneralSettings(data: GeneralSettings): void;
  /** Starts restoring a backup: its envelope and each table's row count. */
  importBegin(data: ImportManifest): ImportReply<{ session: string }>;
  /** One chunk of a table's rows, checked and staged; the data is untouched until the commit. */
  importChunk(data: ImportChunkRequest): ImportReply<{ staged: number }>;
  /**
   * Replaces all data with the staged rows in one transaction; answers how many rows each table
   * received, and whether re-planning the reminders afterwards failed (the data is in either way).
   */
  importCommit(
    data: ImportSessionRequest,
  ): ImportReply<{ counts: Record<string, number>; recheckFailed: boolean }>;
  /** Drops a staged import the page gave up on. */
  importAbort(data: ImportSessionRequest): void;
  wipeAllData(data: { confirm: "DELETE" }): void;
  /** Saves engine settings and re-plans every open order; answers how many plans changed. */
  saveEngineSettings(data: EngineSettingsPatch): { replanned: number };
  /** Stores a seller's template (an edit of a shipped one overrides it). */
  saveTemplate(data: MessageTemplate): void;
  /** Deletes a seller's template, or their edit of a shipped one (restores the shipped wording). */
  deleteTemplate(data: { id: string }): void;
  setPlatformEnabled(data: PlatformEnabledRequest): void;
  /** The sites granted to the generic adapter; registrations are synced with the permissions first. */
  syncGrantedSites(): string[];
  /** Withdraws a granted site's permission and its content-script registration. */
  revokeSite(data: { pattern: string }): string[];
  setOrderStatus(data: SetOrderStatusRequest): void;
  setNotificationsPaused(data: NotificationsPausedRequest): void;
}

export const toBackgroundAdmin = defineExtensionMessaging<AdminToBackground>();
