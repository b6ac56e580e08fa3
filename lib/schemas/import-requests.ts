import { z } from "zod";
import type { BackupErrorCode } from "@/lib/db/backup";
import { EngineSettingSchemas } from "@/lib/schemas/engine-settings";
import { PLATFORM_IDS } from "@/lib/model/order";

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

/*
 * A backup restored in chunks (any size fits under Chrome's 64 MiB message limit): the options page
 * announces the tables (importBegin, a manifest checked in lib/backup.ts), sends each table's rows
 * a chunk at a time (importChunk, each row checked and staged), then asks for the swap
 * (importCommit, one transaction). The session names the import, so that a chunk sent to a
 * restarted worker, which staged nothing, is refused instead of mixed into another import.
 */
const importSession = z.string().min(1).max(64);

export const ImportChunkSchema = z
  .object({
    session: importSession,
    table: z.string().min(1).max(100),
    offset: z.number().int().min(0),
    rows: z.array(z.unknown()).max(10_000),
  })
  .strict();
export type ImportChunkRequest = z.infer<typeof ImportChunkSchema>;

export const ImportSessionSchema = z
  .object({ session: importSession })
  .strict();
export type ImportSessionRequest = z.infer<typeof ImportSessionSchema>;

/** Import replies carry a refusal's code rather than throw: the page words it in the seller's language. */
export type ImportRefusal = {
  ok: false;
  code: BackupErrorCode;
  table?: string;
  row?: number;
};
export type ImportReply<T> = ({ ok: true } & T) | ImportRefusal;
