import { nextNudge, type NudgeProgress } from "@/lib/engine/next";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import type { EngineSettings } from "@/lib/engine/settings";
import type { NoSlotCause } from "@/lib/model/order";

/** A cap nothing reaches: no logged nudge counts, one more always fits. */
const NO_CAP: EngineSettings["buyerCap"] = { count: 1, windowMs: 0 };

/**
 * Why nextNudge finds no nudge for an unpaid order whose deadline is ahead, by planning it again
 * with one rule lifted: without the buyer cap a nudge fits → "buyer-cap"; with every hour open
 * (no quiet hours, channel windows, promotion windows) and no cap one fits → "quiet-hours". The
 * plan is made afresh each time, as the windows decide which steps fit at all.
 * Undefined when a nudge is planned, the order is not open, or neither explains it (every step
 * done, the gap after the last nudge runs past the deadline, a snooze).
 */
export function noSlotCause(
  order: PlanOrder,
  progress: NudgeProgress,
  buyerNudges: readonly number[],
  s: EngineSettings,
  now: number,
): NoSlotCause | undefined {
  if (order.status !== "unpaid") return undefined;
  if (order.closesAt !== undefined && now >= order.closesAt) return undefined;
  const fits = (settings: EngineSettings, nudges: readonly number[]) =>
    nextNudge(
      order,
      planOrder(order, settings),
      progress,
      nudges,
      settings,
      now,
    ) !== undefined;
  if (fits(s, buyerNudges)) return undefined;
  const uncapped: EngineSettings = { ...s, buyerCap: NO_CAP };
  if (fits(uncapped, [])) return "buyer-cap";
  const open: EngineSettings = {
    ...uncapped,
    quietHours: [],
    channelWindows: {},
    promotions: [],
    softWindow: { ...s.softWindow, on: false },
  };
  if (fits(open, [])) return "quiet-hours";
  return undefined;
}
