import { z } from "zod";
import { storedEngineSettings } from "@/lib/db/engine-settings";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  DEFAULT_ENGINE_SETTINGS,
  ENGINE_SETTING_KEYS,
  type EngineSettingKey,
  type EngineSettings,
} from "@/lib/engine/settings";
import type { StoredEngineSettings } from "@/lib/messaging/settings-requests";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";
import {
  NUDGE_CHANNELS,
  STEP_SCENARIOS,
  type DayWindow,
} from "@/lib/model/steps";
import { schemaOf } from "@/lib/schemas/schema-of";

/*
 * Checks on stored and submitted engine settings. Kept apart from the types and defaults
 * (lib/engine/settings.ts) so that the popup, which only reads, ships without zod.
 */

const HOUR = 3_600_000;

const minuteOfDay = z.number().int().min(0).max(1440);
const DayWindowSchema = schemaOf<DayWindow>()(
  z.object({ from: minuteOfDay, to: minuteOfDay }),
);
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
  // One stretch of a day, not wrapping past midnight (the options page asks for from < to).
  softWindow: z
    .object({ on: z.boolean(), from: minuteOfDay, to: minuteOfDay })
    .refine((w) => w.from < w.to),
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
} satisfies {
  [K in EngineSettingKey]: z.ZodType<StoredEngineSettings[K]>;
};

/**
 * Engine settings from stored values: each valid value overrides its default, an invalid one is
 * ignored (a broken setting must never stop the reminders). Close deadlines merge per platform;
 * `null` stored for a platform means its orders never close by themselves.
 */
function resolveEngineSettings(
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

/** Everything the nudge engine needs, read fresh from the database (the worker keeps no state). */
export async function loadEngineSettings(
  db: PayNudgeDB,
): Promise<EngineSettings> {
  return resolveEngineSettings(await storedEngineSettings(db));
}
