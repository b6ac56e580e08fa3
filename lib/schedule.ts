import { closeDeadline, DEFAULT_CLOSE_AFTER_MS } from './close-deadline';
import type { PlatformId, StoredOrder } from './order';

const MINUTE = 60_000;

/** Most buyers who pay do so within 30 minutes: the first nudge goes right after that window. */
export const FIRST_NUDGE_AFTER_MS = 30 * MINUTE;

export interface ScheduleSettings {
  closeAfterMs: Record<PlatformId, number | undefined>;
}

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  closeAfterMs: DEFAULT_CLOSE_AFTER_MS,
};

type SchedulableOrder = Pick<
  StoredOrder,
  'platform' | 'status' | 'createdAt' | 'closesAt' | 'firstSeenAt' | 'nudgeCount'
>;

/**
 * When the order's next nudge is due, or undefined when none is: not unpaid, already nudged, or
 * past its auto-close deadline. A due time in the past is kept: the nudge is overdue.
 */
export function nextNudgeAt(
  order: SchedulableOrder,
  now: number,
  settings: ScheduleSettings = DEFAULT_SCHEDULE_SETTINGS,
): number | undefined {
  if (order.status !== 'unpaid') return undefined;
  if (order.nudgeCount > 0) return undefined;
  const placedAt = order.createdAt ?? order.firstSeenAt;
  const closesAt = closeDeadline({ ...order, createdAt: placedAt }, settings.closeAfterMs);
  if (closesAt !== undefined && now >= closesAt) return undefined;
  return placedAt + FIRST_NUDGE_AFTER_MS;
}
