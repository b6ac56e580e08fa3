import { browser } from "wxt/browser";
import { noteCheckDone, parkIfAsked } from "@/lib/background/due-check-park";
import {
  alertId,
  clearReplaced,
  orderNotice,
  recordCreated,
  settleNotices,
  summaryNotice,
  withdrawNotifications,
  withdrawSettled,
} from "@/lib/background/notices";
import { uiLocale } from "@/lib/background/notification-content";
import { serialized } from "@/lib/background/one-at-a-time";
import { pagesChanged } from "@/lib/background/page-sync";
import {
  ownersMayHaveChanged,
  teamMoments,
} from "@/lib/background/team-moments";
import {
  countDueNow,
  DUE_COUNT_CAP,
  earliestOf,
  dueUnnotified,
  markNotified,
  nextAlarmAt,
} from "@/lib/db/due-orders";
import { replanDue } from "@/lib/db/order-plans";
import { isMine, readTeam } from "@/lib/db/team";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { getSetting } from "@/lib/schemas/settings";

export const ALARM_NAME = "paynudge:next-due";
/** This many nudges falling due in one run are shown as one summary instead of one each. */
const SUMMARY_FROM = 3;

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

/** A check queued behind the one running, at the clock's time when it starts. */
function queuedCheck(db: PayNudgeDB): Promise<StoredOrder[]> {
  waiting ??= serialized(() => {
    waiting = undefined;
    return dueCheck(db, Date.now());
  });
  return waiting;
}

/**
 * How long a page's batches must stop arriving before their due check starts. A big page sends
 * its orders in batches back to back; a check between two of them would only slow the next one.
 */
export const BATCH_QUIET_MS = 100;

/** Requests made during the current quiet wait: one check answers them all. */
let quiet:
  | {
      timer: ReturnType<typeof setTimeout>;
      done: Promise<StoredOrder[]>;
      start: () => void;
    }
  | undefined;

/**
 * A due check once the batches in flight have stopped arriving (BATCH_QUIET_MS), shared by every
 * request made meanwhile, and by those made while it waits for the check before it to finish.
 * A worker stopped during the wait loses nothing: a retry alarm is armed at the first request.
 */
export function requestDueCheck(db: PayNudgeDB): Promise<StoredOrder[]> {
  if (quiet) clearTimeout(quiet.timer);
  else {
    let start!: () => void;
    const done = new Promise<StoredOrder[]>((resolve, reject) => {
      start = () => queuedCheck(db).then(resolve, reject);
    });
    quiet = { timer: undefined!, done, start };
    void armRetry(Date.now()).catch((error) =>
      console.error("PayNudge retry alarm", error),
    );
  }
  const current = quiet;
  current.timer = setTimeout(() => {
    quiet = undefined;
    current.start();
  }, BATCH_QUIET_MS);
  return current.done;
}

/** The retry alarm (RETRY_MS), unless the alarm already fires sooner. */
async function armRetry(now: number): Promise<void> {
  const armed = await browser.alarms.get(ALARM_NAME);
  if (armed && armed.scheduledTime <= now + RETRY_MS) return;
  await browser.alarms.create(ALARM_NAME, { when: now + RETRY_MS });
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
  const [settings, paused, team] = await Promise.all([
    loadEngineSettings(db),
    getSetting(db, "notificationsPaused"),
    readTeam(db),
  ]);
  const { changed, cancelled } = await replanDue(db, now, settings);
  await withdrawNotifications(cancelled);
  // A step took over or an order closed by the clock: badges on open pages follow.
  if (changed.length || cancelled.length) pagesChanged();
  if (import.meta.env.MODE === "test") await parkIfAsked(db, "replanned", now);
  await settleNotices(db);
  if (import.meta.env.MODE === "test") await parkIfAsked(db, "settled", now);
  // Paused (off duty): nothing is shown and nothing marked notified, so resuming shows what fell due.
  // In team mode only this agent's orders: a colleague's stay unnotified here, and are shown if
  // they pass to this agent (the alarm wakes at that moment: armAlarm).
  const unnotified = paused ? [] : await dueUnnotified(db, now);
  const due = team
    ? unnotified.filter((order) => isMine(order, team, now))
    : unnotified;
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
  if (notices.length) {
    await clearReplaced(db);
    await withdrawSettled(
      db,
      toShow.map((order) => order.key),
    );
  }
  if (import.meta.env.MODE === "test")
    await parkIfAsked(db, "replaced-cleared", now);
  if (due.length) await markNotified(db, due);
  if (import.meta.env.MODE === "test") await parkIfAsked(db, "marked", now);
  const moments = team ? await teamMoments(db, team, now) : undefined;
  await updateToolbarCount(db, now, moments?.mine);
  if (moments) {
    await withdrawNotifications(moments.theirs);
    if (ownersMayHaveChanged(moments.next, now)) pagesChanged();
  }
  await armAlarm(db, now, paused || team !== undefined, moments?.next);
  if (import.meta.env.MODE === "test") await noteCheckDone(db, now);
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
  return earliestOf(db, [
    db.orders.where("pendingDueAt").above(now),
    db.orders.orderBy("replanAt"),
  ]);
}

/**
 * `skipPastDue`: due nudges left unnotified on purpose (paused, or a colleague's in team mode) do
 * not wake the alarm; `ownersChange`, the next moment an owner changes by time alone, does.
 */
async function armAlarm(
  db: PayNudgeDB,
  now: number,
  skipPastDue = false,
  ownersChange?: number,
): Promise<number | undefined> {
  const next = skipPastDue
    ? await nextAlarmWhilePaused(db, now)
    : await nextAlarmAt(db);
  const at =
    ownersChange !== undefined && (next === undefined || ownersChange < next)
      ? ownersChange
      : next;
  if (at === undefined) {
    await browser.alarms.clear(ALARM_NAME);
    return undefined;
  }
  // A moment already past fires at once; Chrome runs alarms in the past immediately.
  const when = Math.max(at, now + 100);
  await browser.alarms.create(ALARM_NAME, { when });
  return when;
}

/** `mine`: in team mode, this agent's due orders, counted already (teamMoments). */
async function updateToolbarCount(
  db: PayNudgeDB,
  now: number,
  mine: number | undefined,
): Promise<void> {
  const count =
    mine === undefined
      ? await countDueNow(db, now)
      : Math.min(mine, DUE_COUNT_CAP);
  const text =
    count >= DUE_COUNT_CAP
      ? `${DUE_COUNT_CAP - 1}+`
      : count
        ? String(count)
        : "";
  await browser.action.setBadgeText({ text });
  if (count) await browser.action.setBadgeBackgroundColor({ color: "#ff5000" });
}
