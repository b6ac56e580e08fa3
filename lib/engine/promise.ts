import type { EngineSettings } from "@/lib/engine/settings";
import { nextMorning } from "@/lib/engine/windows";
import { clockTimeParts } from "@/lib/model/clock-time";

/* When a buyer who said "I will pay" said they would: the plan waits for it (lib/engine/next.ts). */

/** The next nudge waits this long after the promised moment: the buyer gets a moment to pay. */
export const PROMISE_GRACE_MS = 15 * 60_000;

/** The time of day each spoken moment stands for, local time. A Map: `when` is untrusted text. */
const PROMISE_TIMES: ReadonlyMap<string, string> = new Map([
  ["noon", "12:00"],
  ["afternoon", "15:00"],
  ["evening", "20:00"],
]);

/**
 * The moment the buyer named when the answer was logged `at`: noon, afternoon and evening are that
 * day's 12:00, 15:00 and 20:00, and a typed "HH:mm" that day's time, each the next day's once it is
 * no longer ahead of `at`; tomorrow is the next morning (settings.morningAt), now is `at`, and a
 * number is a moment given as such. Whole ms. Undefined for words the engine does not know.
 */
export function promisedMoment(
  when: string | number,
  at: number,
  s: Pick<EngineSettings, "morningAt">,
): number | undefined {
  if (typeof when === "number")
    return Number.isFinite(when) ? Math.round(when) : undefined;
  if (when === "now") return at;
  if (when === "tomorrow") return nextMorning(at, s.morningAt);
  const time = clockTimeParts(PROMISE_TIMES.get(when) ?? when);
  return time && nextClockTime(at, time.hour, time.minute);
}

/** The first local hour:minute strictly after `at`: that day's, or the next day's once past. */
function nextClockTime(at: number, hour: number, minute: number): number {
  const d = new Date(at);
  const on = (day: number) =>
    new Date(
      d.getFullYear(),
      d.getMonth(),
      d.getDate() + day,
      hour,
      minute,
    ).getTime();
  const today = on(0);
  return today > at ? today : on(1);
}
