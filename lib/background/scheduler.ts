import { browser } from "wxt/browser";
import { pagesChanged } from "./page-sync";
import type { AlertRow, PayNudgeDB } from "../db";
import { pickLocale, t, type Locale, type MessageKey } from "../i18n";
import { nudgeState } from "../nudge-state";
import { formatAmount, itemSummary, type StoredOrder } from "../order";
import {
  countDueNow,
  dueUnnotified,
  markNotified,
  nextAlarmAt,
  replanDue,
} from "../orders-repo";
import { loadEngineSettings } from "../engine-settings-store";
import { getSetting } from "../settings";
import { formatOrderTime } from "../time-format";

export const ALARM_NAME = "paynudge:next-due";
const NOTIFICATION_PREFIX = "paynudge:order:";
/** The one summary notification; a new summary replaces the previous one. */
export const SUMMARY_NOTIFICATION_ID = "paynudge:summary";
/** This many nudges falling due in one run are shown as one summary instead of one each. */
export const SUMMARY_FROM = 3;
/** A summary lists at most this many orders; the rest are counted. */
const SUMMARY_ITEMS = 5;
export const SNOOZE_BUTTON_MS = 15 * 60_000;

export function notificationId(orderKey: string): string {
  return NOTIFICATION_PREFIX + orderKey;
}

export function orderKeyOfNotification(id: string): string | undefined {
  return id.startsWith(NOTIFICATION_PREFIX)
    ? id.slice(NOTIFICATION_PREFIX.length)
    : undefined;
}

export function uiLocale(): Locale {
  return pickLocale(globalThis.navigator?.languages);
}

/**
 * Notified this much after its due moment although PayNudge knew the order before then: no worker
 * ran at that moment (the alarm fires within a second or two), so the browser was closed.
 */
export const LATE_AFTER_MS = 20_000;

/** Worded as overdue: it fell due while the browser was closed, or it is overdue as the badge says. */
function isLate(order: StoredOrder, now: number): boolean {
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

/** An order's alert row for its current due moment (AlertRow.id). */
const alertId = (order: StoredOrder) => `${order.key}@${order.nextDueAt}`;

/**
 * Before a notification is created its creation is counted in the database: a due moment whose
 * count is above one was shown twice (the e2e test checks this across worker stops).
 */
async function recordAlerts(
  db: PayNudgeDB,
  orders: readonly StoredOrder[],
  now: number,
  grouped: boolean,
): Promise<void> {
  await db.transaction("rw", db.alerts, async () => {
    for (const order of orders) {
      const dueAt = order.nextDueAt!;
      const id = alertId(order);
      const previous = await db.alerts.get(id);
      const row: AlertRow = {
        id,
        orderKey: order.key,
        dueAt,
        shownAt: now,
        times: (previous?.times ?? 0) + 1,
        late: isLate(order, now),
        grouped,
      };
      await db.alerts.put(row);
    }
  });
}

/**
 * Due orders an earlier run already showed but could not mark, because the worker was stopped in
 * between: their alert for this due moment is recorded and their notification (or the summary
 * that listed them) is still on screen. They are marked, not shown again: creating a notification
 * under an id on screen would take it down and raise it anew.
 */
async function shownByCutShortRun(
  db: PayNudgeDB,
  due: readonly StoredOrder[],
): Promise<Set<string>> {
  if (!due.length) return new Set();
  const [alerts, displayed] = await Promise.all([
    db.alerts.bulkGet(due.map(alertId)),
    browser.notifications.getAll(),
  ]);
  return new Set(
    alerts
      .filter(
        (alert) =>
          alert !== undefined &&
          (alert.grouped
            ? SUMMARY_NOTIFICATION_ID
            : notificationId(alert.orderKey)) in displayed,
      )
      .map((alert) => alert!.orderKey),
  );
}

/** The orders listed in the latest summary notification, from the database. */
export async function summaryOrderKeys(db: PayNudgeDB): Promise<string[]> {
  const latest = await db.alerts
    .orderBy("shownAt")
    .reverse()
    .filter((a) => a.grouped)
    .first();
  if (!latest) return [];
  const rows = await db.alerts
    .where("shownAt")
    .equals(latest.shownAt)
    .filter((a) => a.grouped)
    .toArray();
  return [...new Set(rows.map((a) => a.orderKey))];
}

/** Runs one at a time: two overlapping runs would both see a nudge as not yet notified. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Re-plan what the clock changed, notify every due nudge not yet notified, then arm the one alarm
 * for the next moment. State comes from the database only: the worker may have been stopped at any
 * point before. A notification is created before it is marked: if the worker dies in between, the
 * next run finds it still on screen and only marks it (shownByCutShortRun); one the user closed
 * meanwhile is shown again rather than lost.
 */
export function runDueCheck(
  db: PayNudgeDB,
  now: number,
): Promise<StoredOrder[]> {
  return serialized(() => dueCheck(db, now));
}

/**
 * Chrome may stop the worker in the middle of a check (its lifetime is not ours). The alarm that
 * woke it is spent by then, so a retry is armed before anything else; the check's own alarm
 * replaces it when the check finishes. (Chrome waits at least 30 s for a packed extension.)
 */
export const RETRY_MS = 5_000;

async function dueCheck(db: PayNudgeDB, now: number): Promise<StoredOrder[]> {
  await browser.alarms.create(ALARM_NAME, { when: now + RETRY_MS });
  const [settings, paused] = await Promise.all([
    loadEngineSettings(db),
    getSetting(db, "notificationsPaused"),
  ]);
  const { changed, cancelled } = await replanDue(db, now, settings);
  await withdrawNotifications(cancelled);
  // A step took over or an order closed by the clock: badges on open pages follow.
  if (changed.length || cancelled.length) pagesChanged();
  // Paused (off duty): nothing is shown and nothing marked notified, so resuming shows what fell due.
  const due = paused ? [] : await dueUnnotified(db, now);
  const onScreen = await shownByCutShortRun(db, due);
  const toShow = due.filter((order) => !onScreen.has(order.key));
  const locale = uiLocale();
  if (toShow.length >= SUMMARY_FROM) {
    await recordAlerts(db, toShow, now, true);
    await browser.notifications.create(
      SUMMARY_NOTIFICATION_ID,
      summaryNotificationFor(toShow, locale, now),
    );
  } else if (toShow.length) {
    await recordAlerts(db, toShow, now, false);
    for (const order of toShow) {
      await browser.notifications.create(
        notificationId(order.key),
        notificationFor(order, locale, now),
      );
    }
  }
  if (due.length) await markNotified(db, due);
  await updateToolbarCount(db, now);
  await armAlarm(db, now, paused);
  return due;
}

/**
 * While notifications are paused, due nudges stay unnotified: the alarm skips those already due
 * (else it would fire again at once, forever) and waits for the next one to fall due or re-plan,
 * which keeps the toolbar count current.
 */
async function nextAlarmWhilePaused(
  db: PayNudgeDB,
  now: number,
): Promise<number | undefined> {
  const [due, replan] = await Promise.all([
    db.orders
      .where("nextDueAt")
      .above(now)
      .filter((o) => o.status === "unpaid" && o.notifiedDueAt !== o.nextDueAt)
      .first(),
    db.orders.orderBy("replanAt").first(),
  ]);
  const moments = [due?.nextDueAt, replan?.replanAt].filter(
    (m): m is number => m !== undefined,
  );
  return moments.length ? Math.min(...moments) : undefined;
}

export async function armAlarm(
  db: PayNudgeDB,
  now: number,
  paused = false,
): Promise<number | undefined> {
  const at = paused
    ? await nextAlarmWhilePaused(db, now)
    : await nextAlarmAt(db);
  if (at === undefined) {
    await browser.alarms.clear(ALARM_NAME);
    return undefined;
  }
  // A moment already past fires at once; Chrome runs alarms in the past immediately.
  const when = Math.max(at, now + 100);
  await browser.alarms.create(ALARM_NAME, { when });
  return when;
}

export async function updateToolbarCount(
  db: PayNudgeDB,
  now: number,
): Promise<void> {
  const count = await countDueNow(db, now);
  await browser.action.setBadgeText({ text: count ? String(count) : "" });
  if (count) await browser.action.setBadgeBackgroundColor({ color: "#ff5000" });
}

export async function withdrawNotifications(
  orderKeys: readonly string[],
): Promise<void> {
  for (const key of orderKeys)
    await browser.notifications.clear(notificationId(key));
}
