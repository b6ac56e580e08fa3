/**
 * A time of day the agent types for when the buyer will pay ("14:30"): 24-hour "HH:mm", two digits
 * each, 00:00–23:59. It travels as text (the log request, the nudge log) so the moment is worked
 * out against the log's own time, in the agent's local time (lib/engine/promise.ts).
 */
export type ClockTime = `${number}:${number}`;

// Strict on purpose: "9:5", "24:00", "14:30:00" or " 14:30" are refused, not guessed at.
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** What a refused typed time is told: the one shape accepted. */
export const CLOCK_TIME_RULE = 'a time of day as "HH:mm" (00:00–23:59)';

export function isClockTime(value: unknown): value is ClockTime {
  return typeof value === "string" && CLOCK_TIME.test(value);
}

/** The hour and minute of a typed time, or undefined when it is not "HH:mm". */
export function clockTimeParts(
  value: string,
): { hour: number; minute: number } | undefined {
  const m = CLOCK_TIME.exec(value);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : undefined;
}
