import { isSameDay } from "date-fns";
import type { QueueGroup } from "@/lib/db/queue";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { isSnoozed, nudgeState } from "@/lib/model/nudge-state";
import type { StoredOrder } from "@/lib/model/order";
import { noSlotText, promiseText } from "@/lib/model/order-view";
import {
  formatClock,
  formatOrderTime,
  formatSpan,
} from "@/lib/model/time-format";

/* What a row of the popup's queue says about its order, and how many rows each group shows. */

// The step ids the product ships with; a seller's own step ids are shown as they are named.
const STEP_LABELS: Readonly<Record<string, MessageKey>> = {
  "consulted-now": "step.consulted-now",
  first: "step.first",
  "follow-up": "step.follow-up",
  final: "step.final",
  phone: "step.phone",
};

function clockOrDate(at: number, now: number): string {
  return isSameDay(at, now) ? formatClock(at) : formatOrderTime(at);
}

/** "14:30 · 20 分钟后": when the next nudge is due (or the snooze ends), else the order's state. */
export function whenText(
  order: StoredOrder,
  now: number,
  locale: Locale,
): string {
  const due = order.nextDueAt;
  if (isSnoozed(order, now))
    return t(locale, "popup.snoozedUntil", {
      time: clockOrDate(order.snoozedUntil!, now),
    });
  if (due === undefined) {
    const state = t(locale, `state.${nudgeState(order, now)}`);
    // None planned while the deadline is ahead: why (quiet hours until the close, the buyer cap).
    const cause = noSlotText(order, now, locale);
    return cause ? `${state} · ${cause}` : state;
  }
  return `${clockOrDate(due, now)} · ${
    now < due
      ? t(locale, "badge.in", { t: formatSpan(due - now, locale) })
      : t(locale, "badge.ago", { t: formatSpan(now - due, locale) })
  }`;
}

/** "首次催付 · 短信 · 买家说中午付": the plan step of the next nudge, its channel, the buyer's word. */
export function stepText(order: StoredOrder, locale: Locale): string {
  if (order.nextDueAt === undefined) return "";
  const parts: string[] = [];
  if (order.nextStep !== undefined) {
    const key = STEP_LABELS[order.nextStep];
    parts.push(key ? t(locale, key) : order.nextStep);
  }
  if (order.nextChannel !== undefined)
    parts.push(t(locale, `channel.${order.nextChannel}`));
  const promise = promiseText(order, locale);
  if (promise) parts.push(promise);
  return parts.join(" · ");
}

/** The auto-close deadline as the background reckoned it (the page's own, else the settings'). */
export function closeText(
  order: StoredOrder,
  now: number,
  locale: Locale,
): string {
  const closesAt = order.deadlineAt;
  if (order.status !== "unpaid" || closesAt === undefined) return "";
  return now < closesAt
    ? t(locale, "popup.closesIn", { t: formatSpan(closesAt - now, locale) })
    : t(locale, "popup.closePassed");
}

/**
 * "21:30 自动关闭 · 25分后": when an order no nudge fits before closes, by the clock as well as the
 * countdown (the seller decides whether to reach the buyer some other way before then).
 */
export function closeAtText(
  order: StoredOrder,
  now: number,
  locale: Locale,
): string {
  const closesAt = order.deadlineAt;
  if (order.status !== "unpaid" || closesAt === undefined || now >= closesAt)
    return closeText(order, now, locale);
  return t(locale, "popup.closesAt", {
    time: clockOrDate(closesAt, now),
    t: formatSpan(closesAt - now, locale),
  });
}

/** How many of each group's rows to show when at most `limit` rows are shown in all, first groups first. */
export function rowsPerGroup(
  groups: readonly QueueGroup[],
  limit: number,
): number[] {
  const counts: number[] = [];
  let left = limit;
  for (const group of groups) {
    const n = Math.min(left, group.orders.length);
    counts.push(n);
    left -= n;
  }
  return counts;
}
