import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { PLATFORM_IDS } from './order';

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

export interface AdminToBackground {
  saveGeneralSettings(data: GeneralSettings): void;
  /** Replaces all data with a backup; answers how many rows each table received. */
  importBackup(data: unknown): Record<string, number>;
  wipeAllData(data: { confirm: 'DELETE' }): void;
}

export const toBackgroundAdmin = defineExtensionMessaging<AdminToBackground>();
