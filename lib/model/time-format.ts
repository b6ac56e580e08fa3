import { format } from "date-fns";
import { t, type Locale } from "@/lib/i18n";

/** Order times as agents write them in notes: `11-23 14:05`, in the browser's local time. */
export function formatOrderTime(epochMs: number): string {
  return format(epochMs, "MM-dd HH:mm");
}

export function formatClock(epochMs: number): string {
  return format(epochMs, "HH:mm");
}

/** A compact span such as `2小时5分` / `2h 5m`, for countdowns and time left before close. */
export function formatSpan(ms: number, locale: Locale): string {
  const totalMinutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [
    days ? t(locale, "span.days", { n: days }) : "",
    hours ? t(locale, "span.hours", { n: hours }) : "",
    !days && minutes ? t(locale, "span.minutes", { n: minutes }) : "",
  ];
  const text = parts.filter(Boolean).join(t(locale, "span.separator"));
  return text || t(locale, "span.underMinute");
}
