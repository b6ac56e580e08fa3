import { DEFAULT_CLOSE_AFTER_MS } from "@/lib/model/close-deadline";
import type { PlatformId } from "@/lib/model/order";
import type { DayWindow, NudgeChannel, StepScenario } from "@/lib/model/steps";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** What a step is measured from: the order time, or back from the auto-close deadline. */
type StepAnchor = "order" | "close";

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

/**
 * A stretch of every day that nudges avoid when they can (17:00–19:00, the practice's "next worst"
 * time): a nudge falling inside moves to its end when that keeps it before the deadline and inside
 * the allowed windows, else it stays (lib/engine/next.ts). `from < to`, minutes after midnight.
 */
interface SoftWindow extends DayWindow {
  on: boolean;
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
  /** Avoided when a later moment fits (SoftWindow). */
  softWindow: SoftWindow;
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
const DEFAULT_STEPS: StepRule[] = [
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
  softWindow: { on: true, ...w(17, 19) },
  buyerCap: { count: 3, windowMs: 24 * HOUR },
  highValueCents: 50_000,
  closeAfterMs: DEFAULT_CLOSE_AFTER_MS,
  minGapMs: HOUR,
  morningAt: 9 * 60,
  steps: DEFAULT_STEPS,
};

export type EngineSettingKey = keyof EngineSettings;
/** Every engine setting's key; the schemas that check stored values are in lib/schemas/engine-settings.ts. */
export const ENGINE_SETTING_KEYS = Object.keys(
  DEFAULT_ENGINE_SETTINGS,
) as EngineSettingKey[];
