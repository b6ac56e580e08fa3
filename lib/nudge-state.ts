import type { OrderStatus } from './order';

/** A due nudge left this long without action counts as overdue. */
export const OVERDUE_AFTER_MS = 30 * 60_000;

export type NudgeState = 'upcoming' | 'due' | 'overdue' | 'reminded' | 'expired' | 'paid' | 'closed' | 'other';

export interface NudgeStateInput {
  status: OrderStatus;
  nextDueAt?: number;
  nudgeCount: number;
}

export function nudgeState(order: NudgeStateInput, now: number): NudgeState {
  if (order.status === 'paid') return 'paid';
  if (order.status === 'closed') return 'closed';
  if (order.status === 'other') return 'other';
  if (order.nextDueAt === undefined) return order.nudgeCount > 0 ? 'reminded' : 'expired';
  if (now < order.nextDueAt) return 'upcoming';
  return now - order.nextDueAt < OVERDUE_AFTER_MS ? 'due' : 'overdue';
}

/** The next moment the state of this order changes by the clock alone, if any. */
export function nextStateChangeAt(order: NudgeStateInput, now: number): number | undefined {
  if (order.status !== 'unpaid' || order.nextDueAt === undefined) return undefined;
  if (now < order.nextDueAt) return order.nextDueAt;
  const overdueAt = order.nextDueAt + OVERDUE_AFTER_MS;
  return now < overdueAt ? overdueAt : undefined;
}

export function isActionable(state: NudgeState): boolean {
  return state === 'due' || state === 'overdue';
}
