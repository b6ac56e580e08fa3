import { closeDeadline } from "@/lib/model/close-deadline";
import {
  nextNudge,
  type NextNudge,
  type NudgeProgress,
} from "@/lib/engine/next";
import { noSlotCause } from "@/lib/engine/no-slot";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import { withLocalDays } from "@/lib/engine/windows";
import {
  DEFAULT_ENGINE_SETTINGS,
  type EngineSettings,
} from "@/lib/engine/settings";
import type { NoSlotCause, StoredOrder } from "@/lib/model/order";

/** The scheduler's settings are the engine's (lib/engine/settings.ts). */
export type ScheduleSettings = EngineSettings;
const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = DEFAULT_ENGINE_SETTINGS;

export type SchedulableOrder = Pick<
  StoredOrder,
  | "platform"
  | "status"
  | "createdAt"
  | "closesAt"
  | "firstSeenAt"
  | "nudgeCount"
> &
  Partial<
    Pick<
      StoredOrder,
      | "amountCents"
      | "consulted"
      | "declinedAt"
      | "doneSteps"
      | "lastNudgeAt"
      | "snoozedUntil"
      | "promisedAt"
    >
  >;

/** The order as the engine sees it: placed at its order time (or when first seen), closing when the page or the platform default says. */
function planInput(
  order: SchedulableOrder,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
): PlanOrder {
  const placedAt = order.createdAt ?? order.firstSeenAt;
  const input: PlanOrder = { status: order.status, placedAt };
  const closesAt = closeDeadline(
    { platform: order.platform, createdAt: placedAt, closesAt: order.closesAt },
    settings.closeAfterMs,
  );
  if (closesAt !== undefined) input.closesAt = closesAt;
  if (order.amountCents !== undefined) input.amountCents = order.amountCents;
  if (order.consulted !== undefined) input.consulted = order.consulted;
  return input;
}

/** The order's next nudge with its step, or undefined when none is left (see engine/next.ts). */
export function scheduleOrder(
  order: SchedulableOrder,
  now: number,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
  buyerNudges: readonly number[] = [],
): NextNudge | undefined {
  // The buyer said they no longer want it: nudging on would be nagging.
  if (order.declinedAt !== undefined) return undefined;
  const input = planInput(order, settings);
  return withLocalDays(() =>
    nextNudge(
      input,
      planOrder(input, settings),
      progressOf(order),
      buyerNudges,
      settings,
      now,
    ),
  );
}

function progressOf(order: SchedulableOrder): NudgeProgress {
  const progress: NudgeProgress = {};
  if (order.doneSteps) progress.doneSteps = order.doneSteps;
  if (order.lastNudgeAt !== undefined) progress.lastNudgeAt = order.lastNudgeAt;
  if (order.snoozedUntil !== undefined)
    progress.snoozedUntil = order.snoozedUntil;
  if (order.promisedAt !== undefined) progress.promisedAt = order.promisedAt;
  return progress;
}

/**
 * Why scheduleOrder gives this open order no nudge while its deadline is ahead (engine/no-slot.ts):
 * the quiet hours or the buyer cap. Undefined when it gives one, or for a declined order (its state
 * says so already).
 */
export function scheduleNoSlotCause(
  order: SchedulableOrder,
  now: number,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
  buyerNudges: readonly number[] = [],
): NoSlotCause | undefined {
  if (order.declinedAt !== undefined) return undefined;
  return withLocalDays(() =>
    noSlotCause(
      planInput(order, settings),
      progressOf(order),
      buyerNudges,
      settings,
      now,
    ),
  );
}

/**
 * When the order's next nudge is due, or undefined when none is: not unpaid, every step done, or
 * past its auto-close deadline. A due time in the past is kept: the nudge is overdue.
 */
export function nextNudgeAt(
  order: SchedulableOrder,
  now: number,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
  buyerNudges: readonly number[] = [],
): number | undefined {
  return scheduleOrder(order, now, settings, buyerNudges)?.at;
}
