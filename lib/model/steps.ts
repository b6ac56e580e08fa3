/** How a nudge reaches the buyer. */
export const NUDGE_CHANNELS = ["chat", "sms", "phone", "button"] as const;
export type NudgeChannel = (typeof NUDGE_CHANNELS)[number];

/** Which message a step uses; templates are chosen by scenario. */
export const STEP_SCENARIOS = [
  "consulted-now",
  "first",
  "follow-up",
  "final",
  "phone",
  "promo-low-stock",
  "promo-ending",
] as const;
export type StepScenario = (typeof STEP_SCENARIOS)[number];

/**
 * A stretch of every local day, in minutes after midnight: [from, to). `to` may be 1440 (24:00);
 * `from > to` wraps past midnight (23:00–07:00); `from === to` is empty.
 */
export interface DayWindow {
  from: number;
  to: number;
}

/** One step of an order's plan, placed at an allowed moment. */
export interface PlannedStep {
  /** Stable name of the step rule, e.g. 'first': what "done for this step" records. */
  id: string;
  scenario: StepScenario;
  channel: NudgeChannel;
  /** Epoch ms. */
  at: number;
}
