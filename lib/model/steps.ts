/** How a nudge reaches the buyer. */
export type NudgeChannel = "chat" | "sms" | "phone" | "button";
export const NUDGE_CHANNELS = [
  "chat",
  "sms",
  "phone",
  "button",
] as const satisfies readonly NudgeChannel[];

/** Which message a step uses; templates are chosen by scenario. */
export type StepScenario =
  | "consulted-now"
  | "first"
  | "follow-up"
  | "final"
  | "phone"
  | "promo-low-stock"
  | "promo-ending";
export const STEP_SCENARIOS = [
  "consulted-now",
  "first",
  "follow-up",
  "final",
  "phone",
  "promo-low-stock",
  "promo-ending",
] as const satisfies readonly StepScenario[];

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
