import { browser } from "wxt/browser";
import type {
  AlertRow,
  NoticeMoment,
  NoticeRow,
  PayNudgeDB,
} from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n";
import type { StoredOrder } from "@/lib/model/order";
import {
  isLate,
  notificationFor,
  summaryNotificationFor,
} from "@/lib/background/notification-content";
import {
  LEGACY_SUMMARY_ID,
  notificationId,
  orderKeyOfNotification,
  slotOf,
  summaryNotificationId,
} from "@/lib/background/notification-ids";
import { serialized } from "@/lib/background/one-at-a-time";

/*
 * The notifications PayNudge raises and the ledger of due moments shown (NoticeRow, AlertRow):
 * written down before a notification is created, entered in the ledger after, put right by the next
 * run when a run was cut short in between.
 */

/** A due moment's row in the alert ledger (AlertRow.id). */
export const alertId = (orderKey: string, dueAt: number) =>
  `${orderKey}@${dueAt}`;

async function onScreen(): Promise<Set<string>> {
  return new Set(Object.keys(await browser.notifications.getAll()));
}

/**
 * A notice was created: its due moments go into the ledger. The notice turns `created` in the same
 * transaction, so each creation is counted once, and only once it happened.
 */
export async function recordCreated(db: PayNudgeDB, id: string): Promise<void> {
  await db.transaction("rw", db.notices, db.alerts, async () => {
    const notice = await db.notices.get(id);
    if (!notice || notice.created) return;
    for (const moment of notice.moments) {
      const key = alertId(moment.orderKey, moment.dueAt);
      const previous = await db.alerts.get(key);
      const row: AlertRow = {
        id: key,
        orderKey: moment.orderKey,
        dueAt: moment.dueAt,
        shownAt: notice.at,
        times: (previous?.times ?? 0) + 1,
        late: moment.late,
        grouped: notice.grouped,
      };
      await db.alerts.put(row);
    }
    await db.notices.update(id, { created: true });
  });
}

/**
 * Puts right what a run cut short left. A notice about to be created is on screen (the creation
 * happened: it is recorded now) or not (it never happened, or was closed at once: forgotten, so its
 * due moments are shown again). Notices no longer on screen are forgotten, and of two notices of
 * one order, or two summaries, the older is taken down as the cut-short run would have done.
 */
export async function settleNotices(db: PayNudgeDB): Promise<void> {
  const shown = await onScreen();
  const notices = await db.notices.toArray();
  const gone = notices.filter((n) => !shown.has(n.id)).map((n) => n.id);
  if (gone.length) await db.notices.bulkDelete(gone);
  for (const notice of notices)
    if (!notice.created && shown.has(notice.id))
      await recordCreated(db, notice.id);
  await clearReplaced(db, shown);
}

/**
 * A new notice of an order replaces the order's older one, a new summary the previous summary:
 * every one with a newer one of its kind on screen is taken down.
 */
export async function clearReplaced(
  db: PayNudgeDB,
  shown?: Set<string>,
): Promise<void> {
  const ids = [...(shown ?? (await onScreen()))];
  const notices = await db.notices.bulkGet(ids);
  const newest = new Map<string, { id: string; at: number }>();
  const replaced: string[] = [];
  ids.forEach((id, i) => {
    const slot = slotOf(id);
    if (slot === undefined) return;
    // One an older version left has no record: older than any recorded one.
    const at = notices[i]?.at ?? -1;
    const held = newest.get(slot);
    if (held === undefined) newest.set(slot, { id, at });
    else if (held.at < at) {
      replaced.push(held.id);
      newest.set(slot, { id, at });
    } else replaced.push(id);
  });
  for (const id of replaced) await browser.notifications.clear(id);
  if (replaced.length) await db.notices.bulkDelete(replaced);
}

/**
 * A notification left the screen (closed by the agent or the system, or taken down). One a run
 * cut short had not recorded yet was created after all: recorded now, so the next run does not
 * raise it again. Either way its record is no longer needed.
 */
export function notificationClosed(db: PayNudgeDB, id: string): Promise<void> {
  return serialized(async () => {
    await recordCreated(db, id);
    await db.notices.delete(id);
  });
}

/** The orders a notification stands for: its own order, or those its summary lists. */
export async function notificationOrderKeys(
  db: PayNudgeDB,
  id: string,
): Promise<string[]> {
  const notice = await db.notices.get(id);
  if (notice) return [...new Set(notice.moments.map((m) => m.orderKey))];
  const key = orderKeyOfNotification(id);
  if (key !== undefined) return [key];
  if (id === LEGACY_SUMMARY_ID) return legacySummaryOrderKeys(db);
  return [];
}

/** What an older version's one summary listed: the latest grouped alerts. */
async function legacySummaryOrderKeys(db: PayNudgeDB): Promise<string[]> {
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

export interface Notice {
  row: NoticeRow;
  options:
    | ReturnType<typeof notificationFor>
    | ReturnType<typeof summaryNotificationFor>;
}

const momentOf = (order: StoredOrder, now: number): NoticeMoment => ({
  orderKey: order.key,
  dueAt: order.nextDueAt!,
  late: isLate(order, now),
});

export function orderNotice(
  order: StoredOrder,
  now: number,
  locale: Locale,
): Notice {
  return {
    row: {
      id: notificationId(order.key, order.nextDueAt!),
      at: now,
      grouped: false,
      moments: [momentOf(order, now)],
      created: false,
    },
    options: notificationFor(order, locale, now),
  };
}

export async function summaryNotice(
  db: PayNudgeDB,
  orders: readonly StoredOrder[],
  now: number,
  locale: Locale,
): Promise<Notice> {
  // Two runs in one millisecond would share an id: the later takes the next free one.
  let at = now;
  while (await db.notices.get(summaryNotificationId(at))) at += 1;
  return {
    row: {
      id: summaryNotificationId(at),
      at: now,
      grouped: true,
      moments: orders.map((o) => momentOf(o, now)),
      created: false,
    },
    options: summaryNotificationFor(orders, locale, now),
  };
}

/** Takes down every notification of these orders, whatever due moment it shows. */
export async function withdrawNotifications(
  orderKeys: readonly string[],
): Promise<void> {
  if (!orderKeys.length) return;
  const keys = new Set(orderKeys);
  for (const id of await onScreen()) {
    const key = orderKeyOfNotification(id);
    if (key !== undefined && keys.has(key))
      await browser.notifications.clear(id);
  }
}

/**
 * Takes down the notifications just raised for orders no longer open (paid or closed meanwhile):
 * a page's batch marking one paid withdraws its notification, but a due check that read the order
 * before that write raises it after the withdrawal. Read after the creation, so one of the two
 * always sees the other.
 */
export async function withdrawSettled(
  db: PayNudgeDB,
  orderKeys: readonly string[],
): Promise<void> {
  if (!orderKeys.length) return;
  const rows = await db.orders.bulkGet([...orderKeys]);
  await withdrawNotifications(
    orderKeys.filter((_, i) => rows[i]?.openDueAt === undefined),
  );
}
