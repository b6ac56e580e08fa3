import { t, type Locale } from "@/lib/i18n";
import type { DayWindow } from "@/lib/model/steps";

/** A day window as the form holds it: the text the seller typed, `HH:MM` each. */
export interface WindowDraft {
  from: string;
  to: string;
}

/** How many windows one list may hold (quiet hours, a channel's windows). */
export const MAX_WINDOWS = 12;

export function minutesToText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Minutes after midnight for `HH:MM` (00:00–24:00); undefined when the text is not a time. */
export function textToMinutes(text: string): number | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 1440) return undefined;
  return minutes;
}

/** The error of one window, or undefined when it is valid. */
export function windowError(
  w: WindowDraft,
  locale: Locale,
): string | undefined {
  const from = textToMinutes(w.from);
  const to = textToMinutes(w.to);
  if (from === undefined || to === undefined) return t(locale, "plan.err.time");
  if (from === to) return t(locale, "plan.err.emptyWindow");
  return undefined;
}

export const windowsToDraft = (
  windows: readonly DayWindow[] | undefined,
): WindowDraft[] =>
  (windows ?? []).map((w) => ({
    from: minutesToText(w.from),
    to: minutesToText(w.to),
  }));

/** The windows of a list without errors (windowError), as the engine reads them. */
export const draftToWindows = (list: readonly WindowDraft[]): DayWindow[] =>
  list.map((w) => ({ from: textToMinutes(w.from)!, to: textToMinutes(w.to)! }));
