import { z } from "zod";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";
import {
  DEFAULT_ENGINE_SETTINGS,
  ENGINE_SETTING_KEYS,
  type EngineSettingKey,
  type EngineSettings,
} from "@/lib/engine/settings";
import { NUDGE_CHANNELS, STEP_SCENARIOS } from "@/lib/model/steps";

/*
 * Checks on stored and submitted engine settings. Kept apart from the types and defaults
 * (settings.ts) so that the popup, which only reads, ships without zod.
 */

const HOUR = 3_600_000;

const minuteOfDay = z.number().int().min(0).max(1440);
export const DayWindowSchema = z.object({ from: minuteOfDay, to: minuteOfDay });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const duration = z
  .number()
  .int()
  .min(0)
  .max(366 * 24 * HOUR);

/** Each engine setting's shape, to check what the database holds before the engine trusts it. */
export const EngineSettingSchemas = {
  quietHours: z.array(DayWindowSchema).max(12),
  channelWindows: z.partialRecord(
    z.enum(NUDGE_CHANNELS),
    z.array(DayWindowSchema).max(12),
  ),
  promotions: z
    .array(
      z
        .object({
          from: isoDate,
          to: isoDate,
          label: z.string().max(40).optional(),
        })
        .refine((p) => p.from <= p.to),
    )
    .max(50),
  promoWindows: z.array(DayWindowSchema).max(12),
  buyerCap: z.object({
    count: z.number().int().min(0).max(100),
    windowMs: duration,
  }),
  highValueCents: z.number().int().min(0),
  closeAfterMs: z.partialRecord(z.enum(PLATFORM_IDS), duration.nullable()),
  minGapMs: duration,
  morningAt: minuteOfDay,
  steps: z
    .array(
      z.object({
        id: z.string().min(1).max(40),
        scenario: z.enum(STEP_SCENARIOS),
        channel: z.enum(NUDGE_CHANNELS),
        anchor: z.enum(["order", "close"]),
        offsetMs: duration,
        only: z.enum(["consulted", "silent", "high-value"]).optional(),
        promo: z
          .object({
            scenario: z.enum(STEP_SCENARIOS),
            channel: z.enum(NUDGE_CHANNELS),
          })
          .optional(),
      }),
    )
    .max(20),
} satisfies Record<keyof EngineSettings, z.ZodType>;

/**
 * Engine settings from stored values: each valid value overrides its default, an invalid one is
 * ignored (a broken setting must never stop the reminders). Close deadlines merge per platform;
 * `null` stored for a platform means its orders never close by themselves.
 */
export function resolveEngineSettings(
  stored: Partial<Record<EngineSettingKey, unknown>>,
): EngineSettings {
  const out: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS };
  for (const key of ENGINE_SETTING_KEYS) {
    if (stored[key] === undefined) continue;
    const parsed = EngineSettingSchemas[key].safeParse(stored[key]);
    if (!parsed.success) continue;
    if (key === "closeAfterMs") {
      const merged = { ...DEFAULT_ENGINE_SETTINGS.closeAfterMs };
      for (const [platform, ms] of Object.entries(
        parsed.data as Record<PlatformId, number | null>,
      )) {
        merged[platform as PlatformId] = ms ?? undefined;
      }
      out.closeAfterMs = merged;
    } else {
      (out as unknown as Record<string, unknown>)[key] = parsed.data;
    }
  }
  return out;
}
