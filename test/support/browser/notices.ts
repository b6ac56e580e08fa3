import type { CDPSession, Page } from "playwright-core";
import {
  PARK_AT_KEY,
  PARKED_KEY,
  type DueCheckPoint,
} from "@/lib/background/due-check-park";
import {
  dbRows,
  putSettings,
  until,
  type Extension,
} from "@/test/support/browser/harness";

/*
 * What PayNudge has on screen and in its alert ledger, read in real Chromium, and the test build's
 * hook that parks the due check at a named point (lib/background/due-check-park.ts).
 */

export interface Alert {
  id: string;
  orderKey: string;
  dueAt: number;
  times: number;
  late: boolean;
  grouped: boolean;
}

interface Notice {
  id: string;
  at: number;
  grouped: boolean;
  moments: { orderKey: string; dueAt: number }[];
  created: boolean;
}

/** A due moment as the ledger names it: `${orderKey}@${dueAt}`. */
export const moment = (orderKey: string, dueAt: number) =>
  `${orderKey}@${dueAt}`;

const ORDER_PREFIX = "paynudge:order:";
const SUMMARY_PREFIX = "paynudge:summary:";

export interface Screen {
  /** Every notification on screen (chrome.notifications.getAll). */
  ids: string[];
  /**
   * The due moments each shows: an order's notification from its own id, a summary from the
   * record PayNudge keeps of it (an id with neither stands for itself, so it shows up as wrong).
   */
  moments: string[];
  summaries: string[];
  /** Orders with more than one notification of their own on screen. */
  doubled: string[];
  /** Notification records the database keeps, by id. */
  notices: Map<string, Notice>;
}

export async function screen(ext: Extension): Promise<Screen> {
  const ids = (await ext.notificationIds()).sort();
  const notices = new Map(
    (await dbRows<Notice>(await ext.extPage(), "notices")).map((n) => [
      n.id,
      n,
    ]),
  );
  const moments: string[] = [];
  const perOrder = new Map<string, number>();
  for (const id of ids) {
    if (id.startsWith(ORDER_PREFIX)) {
      const held = id.slice(ORDER_PREFIX.length);
      moments.push(held);
      const key = held.slice(0, held.lastIndexOf("@"));
      perOrder.set(key, (perOrder.get(key) ?? 0) + 1);
    } else if (id.startsWith(SUMMARY_PREFIX) && notices.has(id)) {
      for (const m of notices.get(id)!.moments)
        moments.push(moment(m.orderKey, m.dueAt));
    } else moments.push(id);
  }
  return {
    ids,
    moments: moments.sort(),
    summaries: ids.filter((id) => id.startsWith("paynudge:summary")),
    doubled: [...perOrder].filter(([, n]) => n > 1).map(([key]) => key),
    notices,
  };
}

export async function ledger(ext: Extension): Promise<Alert[]> {
  return dbRows<Alert>(await ext.extPage(), "alerts");
}

/** Asks the test build to park the next due check run at or after `from` at `point`. */
export async function parkDueCheck(
  page: Page,
  point: DueCheckPoint,
  from: number,
): Promise<void> {
  await putSettings(page, { [PARK_AT_KEY]: { point, from } });
}

/** Waits until a due check run at or after `from` is parked at `point`; its `now`. */
export async function parkedAt(
  page: Page,
  point: DueCheckPoint,
  from: number,
  timeoutMs = 20_000,
): Promise<number> {
  const row = await until(
    async () =>
      (
        await dbRows<{ key: string; value: { point: string; now: number } }>(
          page,
          "settings",
        )
      ).find((r) => r.key === PARKED_KEY)?.value,
    (v) => v !== undefined && v.point === point && v.now >= from,
    timeoutMs,
  );
  return row!.now;
}

/** Waits until a check that began at or after `from` (the retry of a parked run) has run through. */
export async function checkDoneAfter(page: Page, from: number): Promise<void> {
  await until(
    async () =>
      (
        await dbRows<{ key: string; value: { doneAt?: number } }>(
          page,
          "settings",
        )
      ).find((r) => r.key === PARKED_KEY)?.value.doneAt,
    (doneAt) => doneAt !== undefined && doneAt >= from,
    30_000,
  );
}

/**
 * The extension's service worker as the DevTools protocol reports it: wait for it to run, stop it.
 * (Its own session, beside the harness's.)
 */
export async function workerControl(ext: Extension) {
  const cdp: CDPSession = await ext.context.newCDPSession(await ext.extPage());
  const prefix = `chrome-extension://${ext.extensionId}/`;
  let status = "unknown";
  let starts = 0;
  const waiters = new Set<() => void>();
  cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
    for (const v of versions) {
      if (!v.scriptURL.startsWith(prefix)) continue;
      if (v.runningStatus === "running" && status !== "running") starts += 1;
      status = v.runningStatus;
      for (const wake of waiters) wake();
    }
  });
  await cdp.send("ServiceWorker.enable");
  function reach(wanted: string, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (status === wanted) return resolve(true);
      const timer = setTimeout(() => {
        waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      const check = () => {
        if (status !== wanted) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(true);
      };
      waiters.add(check);
    });
  }
  return {
    status: () => status,
    starts: () => starts,
    /** True once it runs; false if it did not start within `timeoutMs`. */
    running: (timeoutMs: number) => reach("running", timeoutMs),
    /** Stops it (if it runs) and waits until it is stopped. */
    async stop(): Promise<void> {
      const stopped = reach("stopped", 15_000);
      await cdp.send("ServiceWorker.stopAllWorkers");
      if (!(await stopped)) throw new Error("the worker did not stop");
    },
    detach: () => cdp.detach(),
  };
}
