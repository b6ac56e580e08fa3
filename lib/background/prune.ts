import { browser } from "wxt/browser";
import { pruneOrders, type PruneCounts } from "@/lib/db/prune";
import type { PayNudgeDB } from "@/lib/db/schema";
import { getSetting } from "@/lib/schemas/settings";

/*
 * The daily prune (lib/db/prune.ts): a repeating alarm of its own, first fired a minute after the
 * browser starts (or the extension is installed or updated), then once a day. It deletes only
 * rows past the retention, so arming it again on every launch resets nothing.
 */

export const PRUNE_ALARM = "paynudge:prune";
const DAY_MINUTES = 24 * 60;
/** After a launch the pages and the due check come first; the prune waits a minute. */
const AFTER_START_MINUTES = 1;

/** One prune at a time: a second request while one runs joins it. */
let running: Promise<PruneCounts> | undefined;

/** Prunes with the stored retention; answers what went. */
export function runPrune(db: PayNudgeDB, now: number): Promise<PruneCounts> {
  running ??= (async () => {
    try {
      return await pruneOrders(db, now, await getSetting(db, "retentionDays"));
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/** The browser started, or the extension was installed or updated: prune shortly, then daily. */
export async function armPrune(): Promise<void> {
  await browser.alarms.create(PRUNE_ALARM, {
    delayInMinutes: AFTER_START_MINUTES,
    periodInMinutes: DAY_MINUTES,
  });
}

/**
 * Each time the worker starts: the daily alarm is armed if it is missing (Chrome may drop alarms
 * across restarts), left as it is otherwise, so a worker woken every few minutes never postpones it.
 */
export async function ensurePruneAlarm(): Promise<void> {
  if (!(await browser.alarms.get(PRUNE_ALARM))) await armPrune();
}
