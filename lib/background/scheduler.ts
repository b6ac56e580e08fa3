import { browser } from "wxt/browser";
import { noteCheckDone, parkIfAsked } from "@/lib/background/due-check-park";
import { pagesChanged } from "@/lib/background/page-sync";
import type {
  AlertRow,
  NoticeMoment,
  NoticeRow,
  PayNudgeDB,
} from "@/lib/db/schema";
import { pickLocale, t, type Locale, type MessageKey } from "@/lib/i18n";
import { nudgeState } from "@/lib/model/nudge-state";
import { formatAmount, itemSummary, type StoredOrder } from "@/lib/model/order";
import {
  countDueNow,
  dueUnnotified,
  markNotified,
  nextAlarmAt,
  replanDue,
} from "@/lib/db/orders";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { getSetting } from "@/lib/schemas/settings";
import { formatOrderTime } from "@/lib/model/time-format";

export const ALARM_NAME = "paynudge:next-due";
const ORDER_PREFIX = "paynudge:order:";
/**
 * Before notification ids named their due moment, every summary had this one id (and an order's
 * notification was `paynudge:order:<key>`): still recognised, so those an older version left on
 * screen are replaced by newer ones and answer clicks.
 */
const LEGACY_SUMMARY_ID = "paynudge:summary";
const SUMMARY_PREFIX = `${LEGACY_SUMMARY_ID}:`;
/** This many nudges falling due in one run are shown as one summary instead of one each. */
const SUMMARY_FROM = 3;
/** A summary lists at most this many orders; the rest are counted. */
const SUMMARY_ITEMS = 5;
export const SNOOZE_BUTTON_MS = 15 * 60_000;

/**
 * An order's notification for one due moment. The id names the moment, so a notification of an
 * earlier step still on screen can never be taken for this one.
 */
export function notificationId(orderKey: string, dueAt: number): string {
  return `${ORDER_PREFIX}${orderKey}@${dueAt}`;
}

/** A run's summary: one id per run, never reused for other content (NoticeRow says what it lists). */
export function summaryNotificationId(runAt: number): string {
  return `${SUMMARY_PREFIX}${runAt}`;
}

function isSummaryNotification(id: string): boolean {
  return id === LEGACY_SUMMARY_ID || id.startsWith(SUMMARY_PREFIX);
}

/** The order an order's notification is for, whatever its due moment. */
function orderKeyOfNotification(id: string): string | undefined {
  if (!id.startsWith(ORDER_PREFIX)) return undefined;
  const rest = id.slice(ORDER_PREFIX.length);
  const at = rest.lastIndexOf("@");
  return at > 0 && /^\d+$/.test(rest.slice(at + 1)) ? rest.slice(0, at) : rest;
}

export function uiLocale(): Locale {
  return pickLocale(globalThis.navigator?.languages);
}

/**
 * Notified this much after its due moment although PayNudge knew the order before then: no worker
 * ran at that moment (the alarm fires within a second or two), so the browser was closed.
 */
const LATE_AFTER_MS = 20_000;

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

function notificationFor(order: StoredOrder, locale: Locale, now = Date.now()) {
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

function summaryNotificationFor(
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

/** A due moment's row in the alert ledger (AlertRow.id). */
const alertId = (orderKey: string, dueAt: number) => `${orderKey}@${dueAt}`;

/** Notifications that replace one another: an order's own, or the summaries. */
function slotOf(id: string): string | undefined {
  if (isSummaryNotification(id)) return LEGACY_SUMMARY_ID;
  const key = orderKeyOfNotification(id);
  return key === undefined ? undefined : ORDER_PREFIX + key;
}

async function onScreen(): Promise<Set<string>> {
  return new Set(Object.keys(await browser.notifications.getAll()));
}

/**
 * A notice was created: its due moments go into the ledger. The notice turns `created` in the same
 * transaction, so each creation is counted once, and only once it happened.
 */
async function recordCreated(db: PayNudgeDB, id: string): Promise<void> {
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
async function settleNotices(db: PayNudgeDB): Promise<void> {
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
async function clearReplaced(
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
 * point before. Each notification is written down (NoticeRow: its id, unique to its due moment or
 * run, and what it holds) before it is created, and entered in the alert ledger after; the next
 * run learns from the screen whether a creation in between happened (settleNotices). A due moment
 * in the ledger is only marked, never shown again.
 */
export function runDueCheck(
  db: PayNudgeDB,
  now: number,
): Promise<StoredOrder[]> {
  return serialized(() => dueCheck(db, now));
}

/** A requested check still waiting for the one before it to finish: later requests join it. */
let waiting: Promise<StoredOrder[]> | undefined;

/**
 * A due check at the clock's time when it starts, shared by every request made while it waits its
 * turn. A big page's batches arrive one after another; each needs its orders checked, none needs a
 * check of its own: without this, each batch would wait for a full check of every stored order.
 */
export function requestDueCheck(db: PayNudgeDB): Promise<StoredOrder[]> {
  waiting ??= serialized(() => {
    waiting = undefined;
    return dueCheck(db, Date.now());
  });
  return waiting;
}

/**
 * Chrome may stop the worker in the middle of a check (its lifetime is not ours). The alarm that
 * woke it is spent by then, so a retry is armed before anything else; the check's own alarm
 * replaces it when the check finishes. (Chrome waits at least 30 s for a packed extension.)
 */
export const RETRY_MS = 5_000;

async function dueCheck(db: PayNudgeDB, now: number): Promise<StoredOrder[]> {
  await browser.alarms.create(ALARM_NAME, { when: now + RETRY_MS });
  if (import.meta.env.MODE === "test") await parkIfAsked(db, "armed", now);
  const [settings, paused] = await Promise.all([
    loadEngineSettings(db),
    getSetting(db, "notificationsPaused"),
  ]);
  const { changed, cancelled } = await replanDue(db, now, settings);
  await withdrawNotifications(cancelled);
  // A step took over or an order closed by the clock: badges on open pages follow.
  if (changed.length || cancelled.length) pagesChanged();
  if (import.meta.env.MODE === "test") await parkIfAsked(db, "replanned", now);
  await settleNotices(db);
  if (import.meta.env.MODE === "test") await parkIfAsked(db, "settled", now);
  // Paused (off duty): nothing is shown and nothing marked notified, so resuming shows what fell due.
  const due = paused ? [] : await dueUnnotified(db, now);
  // In the ledger: shown by a run cut short before marking it.
  const ledger = await db.alerts.bulkGet(
    due.map((o) => alertId(o.key, o.nextDueAt!)),
  );
  const toShow = due.filter((_, i) => ledger[i] === undefined);
  const locale = uiLocale();
  const notices =
    toShow.length >= SUMMARY_FROM
      ? [await summaryNotice(db, toShow, now, locale)]
      : toShow.map((order) => orderNotice(order, now, locale));
  for (const { row, options } of notices) {
    await db.notices.put(row);
    if (import.meta.env.MODE === "test")
      await parkIfAsked(db, "notice-written", now);
    await browser.notifications.create(row.id, options);
    if (import.meta.env.MODE === "test") await parkIfAsked(db, "created", now);
    await recordCreated(db, row.id);
    if (import.meta.env.MODE === "test") await parkIfAsked(db, "recorded", now);
  }
  if (notices.length) await clearReplaced(db);
  if (import.meta.env.MODE === "test")
    await parkIfAsked(db, "replaced-cleared", now);
  if (due.length) await markNotified(db, due);
  if (import.meta.env.MODE === "test") await parkIfAsked(db, "marked", now);
  await updateToolbarCount(db, now);
  await armAlarm(db, now, paused);
  if (import.meta.env.MODE === "test") await noteCheckDone(db, now);
  return due;
}

interface Notice {
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

function orderNotice(order: StoredOrder, now: number, locale: Locale): Notice {
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

async function summaryNotice(
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

async function armAlarm(
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

async function updateToolbarCount(db: PayNudgeDB, now: number): Promise<void> {
  const count = await countDueNow(db, now);
  await browser.action.setBadgeText({ text: count ? String(count) : "" });
  if (count) await browser.action.setBadgeBackgroundColor({ color: "#ff5000" });
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
