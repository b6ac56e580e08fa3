import type { EngineSettings } from "@/lib/engine/settings";
import { nextMorning } from "@/lib/engine/windows";

export const SNOOZE_CHOICES = ["15m", "1h", "morning"] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

/** Until when a snooze lasts; the engine still moves that moment out of quiet hours. */
export function snoozeUntil(
  choice: SnoozeChoice,
  now: number,
  s: Pick<EngineSettings, "morningAt">,
): number {
  switch (choice) {
    case "15m":
      return now + 15 * 60_000;
    case "1h":
      return now + 60 * 60_000;
    case "morning":
      return nextMorning(now, s.morningAt);
  }
}
