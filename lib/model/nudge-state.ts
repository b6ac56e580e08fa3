import type { StoredOrder } from "@/lib/model/order";

/** A due nudge left this long without action counts as overdue. */
export const OVERDUE_AFTER_MS = 30 * 60_000;

export type NudgeState =
  | "upcoming"
  | "snoozed"
  | "due"
  | "overdue"
  | "reminded"
  | "declined"
  /** Unpaid, the deadline still ahead, but no nudge fits before it (quiet hours, the buyer cap). */
  | "no-slot"
  | "expired"
  | "paid"
  | "closed"
  | "other";

/** What the state depends on: a stored order has it, and so has a badge's view of one. */
export type NudgeStateInput = Pick<
  StoredOrder,
  | "status"
  | "nextDueAt"
  | "nudgeCount"
  | "snoozedUntil"
  | "declinedAt"
  | "deadlineAt"
>;

export function nudgeState(order: NudgeStateInput, now: number): NudgeState {
  if (order.status === "paid") return "paid";
  if (order.status === "closed") return "closed";
  if (order.status === "other") return "other";
  if (order.declinedAt !== undefined) return "declined";
  if (order.nextDueAt === undefined) {
    if (order.nudgeCount > 0) return "reminded";
    // Never "past deadline" while the deadline is ahead: say why no nudge is planned instead.
    if (order.deadlineAt !== undefined && now < order.deadlineAt)
      return order.snoozedUntil !== undefined && now < order.snoozedUntil
        ? "snoozed"
        : "no-slot";
    return "expired";
  }
  if (now < order.nextDueAt)
    return order.snoozedUntil !== undefined && now < order.snoozedUntil
      ? "snoozed"
      : "upcoming";
  return now - order.nextDueAt < OVERDUE_AFTER_MS ? "due" : "overdue";
}

/** The next moment the state of this order changes by the clock alone, if any. */
export function nextStateChangeAt(
  order: NudgeStateInput,
  now: number,
): number | undefined {
  if (order.status !== "unpaid" || order.nextDueAt === undefined)
    return undefined;
  if (now < order.nextDueAt) return order.nextDueAt;
  const overdueAt = order.nextDueAt + OVERDUE_AFTER_MS;
  return now < overdueAt ? overdueAt : undefined;
}

/**
 * The agent snoozed this order and the next nudge waits for the snooze. nudgeState still says
 * 'upcoming' for it (a nudge is coming, at the snooze's end), so badges stay clickable; a UI that
 * wants to show the snooze asks this.
 */
export function isSnoozed(
  order: Pick<NudgeStateInput, "status" | "nextDueAt" | "snoozedUntil">,
  now: number,
): boolean {
  return (
    order.status === "unpaid" &&
    order.snoozedUntil !== undefined &&
    now < order.snoozedUntil &&
    order.nextDueAt !== undefined &&
    order.nextDueAt >= order.snoozedUntil
  );
}
