import { browser } from "wxt/browser";
import { pickLocale, t, type Locale, type MessageKey } from "@/lib/i18n";
import { nudgeState } from "@/lib/model/nudge-state";
import { formatAmount, itemSummary, type StoredOrder } from "@/lib/model/order";
import { formatOrderTime } from "@/lib/model/time-format";

/* What a notification says: an order's, or a summary's, in the agent's language. */

/** A summary lists at most this many orders; the rest are counted. */
const SUMMARY_ITEMS = 5;

export function uiLocale(): Locale {
  return pickLocale(globalThis.navigator?.languages);
}

/**
 * Notified this much after its due moment although PayNudge knew the order before then: no worker
 * ran at that moment (the alarm fires within a second or two), so the browser was closed.
 */
const LATE_AFTER_MS = 20_000;

/** Worded as overdue: it fell due while the browser was closed, or it is overdue as the badge says. */
export function isLate(order: StoredOrder, now: number): boolean {
  const due = order.nextDueAt;
  if (due === undefined) return false;
  const missed = order.firstSeenAt < due && now - due > LATE_AFTER_MS;
  return missed || nudgeState(order, now) === "overdue";
}

// The step ids the product ships with; a seller's own step ids simply go unlabelled.
const LABELLED_STEPS: ReadonlySet<string> = new Set([
  "consulted-now",
  "first",
  "follow-up",
  "final",
  "phone",
]);

function stepLabel(order: StoredOrder, locale: Locale): string | undefined {
  const parts: string[] = [];
  if (order.nextStep !== undefined && LABELLED_STEPS.has(order.nextStep)) {
    parts.push(t(locale, `step.${order.nextStep}` as MessageKey));
  }
  if (order.nextChannel !== undefined)
    parts.push(t(locale, `channel.${order.nextChannel}`));
  return parts.length ? parts.join(" · ") : undefined;
}

export function notificationFor(
  order: StoredOrder,
  locale: Locale,
  now = Date.now(),
) {
  const buyer = order.buyer ?? t(locale, "unknown.buyer");
  return {
    type: "basic" as const,
    iconUrl: browser.runtime.getURL("/icon/128.png"),
    title: t(
      locale,
      isLate(order, now) ? "notify.overdueTitle" : "notify.title",
      { buyer },
    ),
    message: t(locale, "notify.body", {
      item: itemSummary(order.items, locale) ?? t(locale, "unknown.item"),
      amount: formatAmount(order.amountCents, order.currency) ?? "—",
      time:
        order.createdAt === undefined ? "—" : formatOrderTime(order.createdAt),
    }),
    contextMessage: [
      t(locale, `platform.${order.platform}`),
      stepLabel(order, locale),
    ]
      .filter(Boolean)
      .join(" · "),
    buttons: [
      { title: t(locale, "notify.open") },
      { title: t(locale, "notify.snooze") },
    ],
    priority: 2,
    requireInteraction: false,
  };
}

export function summaryNotificationFor(
  orders: readonly StoredOrder[],
  locale: Locale,
  now = Date.now(),
) {
  const late = orders.every((o) => isLate(o, now));
  const items = orders.slice(0, SUMMARY_ITEMS).map((o) => ({
    title: o.buyer ?? t(locale, "unknown.buyer"),
    message: t(locale, "notify.summaryItem", {
      item: itemSummary(o.items, locale) ?? t(locale, "unknown.item"),
      amount: formatAmount(o.amountCents, o.currency) ?? "—",
    }),
  }));
  const rest = orders.length - items.length;
  return {
    type: "list" as const,
    iconUrl: browser.runtime.getURL("/icon/128.png"),
    title: t(
      locale,
      late ? "notify.summaryOverdueTitle" : "notify.summaryTitle",
      { n: orders.length },
    ),
    message: rest > 0 ? t(locale, "notify.summaryMore", { n: rest }) : "",
    items,
    buttons: [
      { title: t(locale, "notify.openList") },
      { title: t(locale, "notify.snoozeAll") },
    ],
    priority: 2,
  };
}
