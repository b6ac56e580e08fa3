/*
 * The report's nouns (issue 16): one definition of a recovered order, shown to the seller beside
 * the figures. An order is recovered when PayNudge sees it paid after at least one logged nudge,
 * within the attribution window from the last nudge before payment; the recovery is credited to
 * that last nudge (its step, channel, template, agent, shop, platform). Paid with no nudge before
 * it: paid by itself (the baseline). lib/engine/report/ computes these, lib/db/ reads their rows,
 * components/report/ draws them.
 */

/** The attribution window's default: 72 h from the last nudge. */
export const DEFAULT_ATTRIBUTION_HOURS = 72;
/** The window the seller may set (the `attributionHours` setting): whole hours, 1 h to 30 days. */
export const ATTRIBUTION_HOURS_MIN = 1;
export const ATTRIBUTION_HOURS_MAX = 720;

/** A stretch of time, epoch ms, [from, to). */
export interface ReportPeriod {
  from: number;
  to: number;
}

/** The ranges a seller picks from; "custom" is a chosen range of days. */
export const REPORT_RANGES = [
  "today",
  "yesterday",
  "7d",
  "30d",
  "custom",
] as const;
export type ReportRangeId = (typeof REPORT_RANGES)[number];

/** Why a due nudge was held back rather than made. */
export const SKIP_CAUSES = [
  "quiet-hours",
  "buyer-cap",
  "colleague-note",
  "declined",
] as const;
export type SkipCause = (typeof SKIP_CAUSES)[number];

/** The figures of one period. Rates are 0..1, null where there is nothing to divide by. */
export interface PeriodFigures {
  period: ReportPeriod;
  /** Unpaid orders PayNudge first saw in the period. */
  unpaidSeen: number;
  /** Orders with at least one nudge logged in the period. */
  nudged: number;
  /** Orders recovered (paid seen in the period, credited to a nudge inside the window). */
  recovered: number;
  /** recovered / nudged. */
  recoveryRate: number | null;
  /** Sum of the recovered orders' amounts, in cents (CNY and USD kept apart). */
  recoveredCents: { CNY: number; USD: number };
  /** Orders seen paid in the period with no nudge logged before payment. */
  paidByThemselves: number;
  /**
   * Nudges held back and why, counted once per order and cause (lib/engine/report/skipped.ts says
   * what each count is). A cause PayNudge keeps no record of is absent rather than 0: nothing
   * stored says that a colleague's note held a nudge back (the page only warns), so
   * "colleague-note" is never listed today.
   */
  skipped: { cause: SkipCause; count: number }[];
  /** Median of payment seen − last nudge over the recovered orders, ms; null when none. */
  medianTimeToPayMs: number | null;
  /**
   * How many recovered orders' payment time is the moment PayNudge first saw them paid (the page
   * showed no payment time): the report says so when it is not zero.
   */
  paidTimeEstimated: number;
}

/** What a breakdown groups the recovered orders by: fields of the credited (last) nudge. */
export const BREAKDOWN_KEYS = [
  "step",
  "channel",
  "template",
  "agent",
  "shop",
  "platform",
] as const;
export type BreakdownKey = (typeof BREAKDOWN_KEYS)[number];

/** One group of a breakdown. `key` is the stored value ("" when the nudge did not record it). */
export interface BreakdownRow {
  key: string;
  /** Orders whose last nudge in the period falls in this group. */
  nudged: number;
  recovered: number;
  recoveryRate: number | null;
  recoveredCents: { CNY: number; USD: number };
}

/** One reason heard (a lib/templates/outcomes.ts reason id), once per order and reason. */
export interface ReasonRow {
  id: string;
  count: number;
  /** count / all reasons counted in the period; 0..1. */
  share: number;
  /** The same in the previous period, for the trend. */
  previousCount: number;
}

/** One local day of the range, for the charts. */
export interface DayFigures {
  /** Epoch ms of the day's local midnight. */
  day: number;
  nudged: number;
  recovered: number;
  recoveryRate: number | null;
  /** The day's recovered amount in CNY cents (most shops); USD beside it, never added to it. */
  recoveredCents: number;
  recoveredUsdCents: number;
  /** Reasons heard that day, by id, once per order and reason. */
  reasons: Record<string, number>;
}

/** The whole report of a range, with the previous period of the same length beside it. */
export interface ReportFigures {
  attributionHours: number;
  current: PeriodFigures;
  previous: PeriodFigures;
  breakdowns: Record<BreakdownKey, BreakdownRow[]>;
  reasons: ReasonRow[];
  days: DayFigures[];
}
