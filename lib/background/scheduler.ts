import { browser } from 'wxt/browser';
import type { PayNudgeDB } from '../db';
import { pickLocale, t, type Locale } from '../i18n';
import { formatAmount, itemSummary, type StoredOrder } from '../order';
import { countDueNow, dueUnnotified, markNotified, nextAlarmAt } from '../orders-repo';
import { formatOrderTime } from '../time-format';

export const ALARM_NAME = 'paynudge:next-due';
const NOTIFICATION_PREFIX = 'paynudge:order:';

export function notificationId(orderKey: string): string {
  return NOTIFICATION_PREFIX + orderKey;
}

export function orderKeyOfNotification(id: string): string | undefined {
  return id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) : undefined;
}

export function uiLocale(): Locale {
  return pickLocale(globalThis.navigator?.languages);
}

export function notificationFor(order: StoredOrder, locale: Locale) {
  return {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: t(locale, 'notify.title', { buyer: order.buyer ?? t(locale, 'unknown.buyer') }),
    message: t(locale, 'notify.body', {
      item: itemSummary(order.items, locale) ?? t(locale, 'unknown.item'),
      amount: formatAmount(order.amountCents, order.currency) ?? '—',
      time: order.createdAt === undefined ? '—' : formatOrderTime(order.createdAt),
    }),
    contextMessage: t(locale, `platform.${order.platform}`),
    priority: 2,
  };
}

/**
 * Notify every due nudge not yet notified, then arm the one alarm for the next due moment.
 * State comes from the database only: the worker may have been stopped at any point before.
 * A notification is created before it is marked: if the worker dies in between, the next run
 * re-creates it under the same id, which replaces rather than duplicates it.
 */
export async function runDueCheck(db: PayNudgeDB, now: number): Promise<StoredOrder[]> {
  const due = await dueUnnotified(db, now);
  const locale = uiLocale();
  for (const order of due) {
    await browser.notifications.create(notificationId(order.key), notificationFor(order, locale));
  }
  if (due.length) await markNotified(db, due);
  await updateToolbarCount(db, now);
  await armAlarm(db, now);
  return due;
}

export async function armAlarm(db: PayNudgeDB, now: number): Promise<number | undefined> {
  const at = await nextAlarmAt(db);
  if (at === undefined) {
    await browser.alarms.clear(ALARM_NAME);
    return undefined;
  }
  // A moment already past fires at once; Chrome runs alarms in the past immediately.
  const when = Math.max(at, now + 100);
  await browser.alarms.create(ALARM_NAME, { when });
  return when;
}

export async function updateToolbarCount(db: PayNudgeDB, now: number): Promise<void> {
  const count = await countDueNow(db, now);
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  if (count) await browser.action.setBadgeBackgroundColor({ color: '#ff5000' });
}

export async function withdrawNotifications(orderKeys: readonly string[]): Promise<void> {
  for (const key of orderKeys) await browser.notifications.clear(notificationId(key));
}
