import { z } from "zod";
import { DEFAULT_CLOSE_AFTER_MS } from "../close-deadline";
import { PLATFORM_IDS, type PlatformId } from "../order";
import {
  NUDGE_CHANNELS,
  STEP_SCENARIOS,
  type DayWindow,
  type NudgeChannel,
  type StepScenario,
} from "./types";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** What a step is measured from: the order time, or back from the auto-close deadline. */
export type StepAnchor = "order" | "close";

export interface StepRule {
  id: string;
  scenario: StepScenario;
  channel: NudgeChannel;
  anchor: StepAnchor;
  /** After the order, or before the close deadline, by anchor. */
  offsetMs: number;
  /** Only for some orders: consulted (询单拍下), silent (静默下单) or high-value ones. */
  only?: "consulted" | "silent" | "high-value";
  /** Wording and channel when the order was placed during a promotion (大促). */
  promo?: { scenario: StepScenario; channel: NudgeChannel };
}

/** A promotion the seller sets, local calendar dates inclusive, e.g. 双11 2026-11-10..2026-11-12. */
export interface Promotion {
  from: string;
  to: string;
  label?: string;
}

export interface EngineSettings {
  /** Nobody is nudged here; a step falling inside moves to the next allowed moment. */
  quietHours: DayWindow[];
  /** A channel listed here is used only inside its windows (phone: the phone windows). */
  channelWindows: Partial<Record<NudgeChannel, DayWindow[]>>;
  promotions: Promotion[];
  /** During a promotion these replace the quiet hours: nudges only inside them. */
  promoWindows: DayWindow[];
  /** At most `count` nudges to one buyer in any `windowMs`, across all their orders. */
  buyerCap: { count: number; windowMs: number };
  /** Orders worth at least this get a phone step. */
  highValueCents: number;
  closeAfterMs: Record<PlatformId, number | undefined>;
  /** Least time between two nudges of one order ("about once an hour" at most). */
  minGapMs: number;
  /** "Tomorrow morning" for a snooze, minutes after midnight. */
  morningAt: number;
  steps: StepRule[];
}

const w = (fromH: number, toH: number): DayWindow => ({
  from: fromH * 60,
  to: toH * 60,
});

/**
 * The practice as defaults (shared/domain.md): a consulted order gets a chat prompt at once, a
 * silent one its first nudge at 30 minutes (the end of the impulse period), a follow-up a few hours
 * later, a final one shortly before the auto-close (the best recovery rate), and a phone call for
 * high-value orders inside the phone windows.
 */
export const DEFAULT_STEPS: StepRule[] = [
  {
    id: "consulted-now",
    scenario: "consulted-now",
    channel: "chat",
    anchor: "order",
    offsetMs: 0,
    only: "consulted",
  },
  {
    id: "first",
    scenario: "first",
    channel: "chat",
    anchor: "order",
    offsetMs: 30 * MIN,
    only: "silent",
    promo: { scenario: "promo-low-stock", channel: "chat" },
  },
  {
    id: "phone",
    scenario: "phone",
    channel: "phone",
    anchor: "order",
    offsetMs: 60 * MIN,
    only: "high-value",
  },
  {
    id: "follow-up",
    scenario: "follow-up",
    channel: "sms",
    anchor: "order",
    offsetMs: 4 * HOUR,
    promo: { scenario: "promo-ending", channel: "sms" },
  },
  {
    id: "final",
    scenario: "final",
    channel: "sms",
    anchor: "close",
    offsetMs: 60 * MIN,
  },
];

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  quietHours: [w(2, 9)],
  channelWindows: {
    phone: [w(11, 12), w(16, 17), w(19, 21)],
    // SMS vendors commonly allow marketing texts only 08:00–21:00 (shared/platforms.md).
    sms: [w(8, 21)],
  },
  promotions: [],
  promoWindows: [w(0, 3), w(10, 12), w(20, 24)],
  buyerCap: { count: 3, windowMs: 24 * HOUR },
  highValueCents: 50_000,
  closeAfterMs: DEFAULT_CLOSE_AFTER_MS,
  minGapMs: HOUR,
  morningAt: 9 * 60,
  steps: DEFAULT_STEPS,
};

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

export type EngineSettingKey = keyof EngineSettings;
export const ENGINE_SETTING_KEYS = Object.keys(
  EngineSettingSchemas,
) as EngineSettingKey[];

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
