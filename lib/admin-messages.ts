import { defineExtensionMessaging } from "@webext-core/messaging";
import { z } from "zod";
import type { MessageTemplate } from "./default-templates";
import { EngineSettingSchemas } from "./engine/settings";
import { PLATFORM_IDS } from "./order";

/*
 * Extension pages (popup, options) → background. The background owns every database write, so
 * pages ask it; payloads are validated on arrival like the content script's.
 */

const name = (max: number) => z.string().trim().max(max);

export const GeneralSettingsSchema = z.object({
  agentName: name(30).optional(),
  shopNames: z.partialRecord(z.enum(PLATFORM_IDS), name(60)).optional(),
});
export type GeneralSettings = z.infer<typeof GeneralSettingsSchema>;

/** The agent marks an order paid or closed from the popup (the page may not show it yet). */
export const SetOrderStatusSchema = z.object({
  key: z.string().min(1).max(80),
  status: z.enum(["paid", "closed"]),
});
export type SetOrderStatusRequest = z.infer<typeof SetOrderStatusSchema>;

/** Off duty: no notifications while paused; timers keep running and due ones show on resume. */
export const NotificationsPausedSchema = z.object({ paused: z.boolean() });
export type NotificationsPausedRequest = z.infer<
  typeof NotificationsPausedSchema
>;

/**
 * Engine settings the options page saves (any subset of the keys, each checked by its schema);
 * `closeAfterMs` null for a platform means its orders never close by themselves.
 */
export const EngineSettingsPatchSchema = z
  .object(EngineSettingSchemas)
  .partial()
  .strict();
export type EngineSettingsPatch = z.infer<typeof EngineSettingsPatchSchema>;

export const TemplateIdSchema = z.object({ id: z.string().min(1).max(80) });

/** A platform the content script works on (on unless turned off). */
export const PlatformEnabledSchema = z.object({
  platform: z.enum(PLATFORM_IDS),
  enabled: z.boolean(),
});
export type PlatformEnabledRequest = z.infer<typeof PlatformEnabledSchema>;

/** A site granted to the generic adapter, as its match pattern (`https://shop.example.com/*`). */
export const SitePatternSchema = z.object({
  pattern: z
    .string()
    .regex(/^https?:\/\/[^*/]+\/\*$/)
    .max(300),
});

export interface AdminToBackground {
  saveGeneralSettings(data: GeneralSettings): void;
  /** Replaces all data with a backup; answers how many rows each table received. */
  importBackup(data: unknown): Record<string, number>;
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
