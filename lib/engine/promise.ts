import type { EngineSettings } from "@/lib/engine/settings";
import { nextMorning } from "@/lib/engine/windows";

/* When a buyer who said "I will pay" said they would: the plan waits for it (lib/engine/next.ts). */

/** The next nudge waits this long after the promised moment: the buyer gets a moment to pay. */
export const PROMISE_GRACE_MS = 15 * 60_000;

/** The hour each spoken moment stands for, local time. */
const PROMISE_HOURS: Readonly<Record<string, number>> = {
  noon: 12,
  afternoon: 15,
  evening: 20,
};

/**
 * The moment the buyer named when the answer was logged `at`: noon, afternoon and evening are that
 * day's 12:00, 15:00 and 20:00 (the next day's once past), tomorrow is the next morning
 * (settings.morningAt), now is `at`, and a number is a moment the agent typed. Undefined for words
 * the engine does not know.
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
  const hour = PROMISE_HOURS[when];
  if (hour === undefined) return undefined;
  const d = new Date(at);
  const today = new Date(d.getFullYear(), d.getMonth(), d.getDate(), hour);
  if (today.getTime() > at) return today.getTime();
  return new Date(
    d.getFullYear(),
    d.getMonth(),
    d.getDate() + 1,
    hour,
  ).getTime();
}
