import { z } from "zod";
import { EngineSettingSchemas } from "./engine/settings-schema";
import { PLATFORM_IDS } from "./order";

/*
 * What extension pages (popup, options) send the background, checked on arrival. Apart from the
 * messenger (admin-messages.ts) so that the popup ships without zod.
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
