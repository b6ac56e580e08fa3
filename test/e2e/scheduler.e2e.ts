import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ALL_HOURS,
  putSettings,
  startExtension,
  startServer,
  until,
  type Extension,
} from "@/test/support/browser/harness";
import {
  ledger,
  moment,
  screen,
  workerControl,
} from "@/test/support/browser/notices";
import {
  MIN,
  RETRY_MS,
  expectConsistent,
  ordersPage,
  sleep,
  sorted,
  visit,
  type Served,
} from "@/test/support/browser/scheduler-pages";

/*
 * The scheduler in real Chromium, its worker stopped where Chrome may stop it (at each point of
 * the due check: scheduler-stops-*.e2e.ts). What counts:
 * - on screen (chrome.notifications.getAll): each due moment shown by exactly one notification
 *   (an order's id names its moment; a summary's moments are in the record PayNudge keeps of it),
 *   no order with two notifications of its own, at most one summary;
 * - the alert ledger: one row per due moment, `times` counting creations that happened (recorded
 *   after each), so 1 everywhere means none was missed and none shown twice.
 */

describe("a live worker stopped again and again while nudges fall due", () => {
  const served = new Map<string, Served[]>();
  const PATH = "/paynudge-demo/soak.htm";
  /** First nudges falling due over this long, in twos and threes, and one by one. */
  const SPREAD = 45_000;
  let server: Awaited<ReturnType<typeof startServer>>;
  let ext: Extension;
  let profile: string;

  beforeAll(async () => {
    server = await startServer({
      routes: [
        ordersPage(
          PATH,
          3905120000000200000n,
          (now) =>
            Array.from(
              { length: 30 },
              // 4 s in, then every 1.5 s on average, some together.
              (_, i) =>
                now +
                4_000 +
                Math.floor((i * SPREAD) / 30 / 1_000) * 1_000 -
                30 * MIN,
            ),
          served,
        ),
      ],
    });
    ext = await startExtension();
    profile = ext.userDataDir;
    await putSettings(await ext.extPage(), ALL_HOURS);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("stops it 100+ times, each as soon as it runs again, and every due moment is shown exactly once", async () => {
    await visit(ext, server.origin, PATH, 30);
    const due = served.get(PATH)!.map((o) => ({
      key: o.key,
      dueAt: o.createdAt + 30 * MIN,
    }));
    const last = Math.max(...due.map((d) => d.dueAt));
    const worker = await workerControl(ext);
    const page = await ext.extPage();
    const startsBefore = worker.starts();
    let stops = 0;
    const started = Date.now();
    // Until the last nudge is well past and 100 stops are made. Each round wakes the worker with a
    // request that runs the due check (the popup's "notifications on" switch, already on; the
    // scheduler's own alarms fire as well), lets it run 0-250 ms, so that stops land all over the
    // check, and stops it.
    while (
      (Date.now() < last + 2_000 || stops < 100) &&
      Date.now() - started < 80_000
    ) {
      if (worker.status() !== "running")
        await page.evaluate(() => {
          // @webext-core/messaging's envelope; the answer never comes when the worker is stopped.
          chrome.runtime
            .sendMessage({
              id: 0,
              type: "setNotificationsPaused",
              data: { paused: false },
              timestamp: Date.now(),
            })
            .catch(() => undefined);
        });
      if (!(await worker.running(5_000))) continue;
      await sleep(Math.floor(Math.random() * 250));
      await worker.stop();
      stops += 1;
    }
    await worker.detach();
    expect(stops).toBeGreaterThanOrEqual(100);
    expect(worker.starts() - startsBefore).toBeGreaterThanOrEqual(100);

    // Left alone, the retry alarm finishes whatever the last stop cut short.
    const expected = sorted(due.map((d) => moment(d.key, d.dueAt)));
    await until(
      async () =>
        sorted(
          (await ledger(ext))
            .filter((a) => due.some((d) => d.key === a.orderKey))
            .map((a) => a.id),
        ),
      (ids) => ids.join() === expected.join(),
      20_000,
    );
    await sleep(RETRY_MS + 1_000);
    const alerts = await ledger(ext);
    expect(
      sorted(alerts.map((a) => `${a.id}×${a.times}`)),
      `after ${stops} stops`,
    ).toEqual(expected.map((m) => `${m}×1`));
    await expectConsistent(ext);
    // What is still on screen shows what the ledger says was shown (a newer summary replaces an
    // older one, so not every moment is still there).
    const now = await screen(ext);
    expect(now.moments.every((m) => expected.includes(m))).toBe(true);
    expect(now.moments.length).toBeGreaterThan(0);
    expect(
      Number(await ext.inExtension(() => chrome.action.getBadgeText({}))),
    ).toBe(due.length);
  }, 120_000);
});

describe("the scheduler across a browser restart", () => {
  const served = new Map<string, Served[]>();
  const PATH = "/paynudge-demo/scheduler-restart.htm";
  let server: Awaited<ReturnType<typeof startServer>>;
  let ext: Extension | undefined;
  let profile: string | undefined;

  beforeAll(async () => {
    server = await startServer({
      routes: [
        ordersPage(
          PATH,
          3905120000000002000n,
          (now) => [5_000, 7_000].map((inMs) => now + inMs - 30 * MIN),
          served,
        ),
      ],
    });
    ext = await startExtension();
    profile = ext.userDataDir;
    await putSettings(await ext.extPage(), ALL_HOURS);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("shows the nudges that fell due while it was closed, once, as overdue", async () => {
    await visit(ext!, server.origin, PATH, 2);
    const due = served
      .get(PATH)!
      .map((o) => ({ key: o.key, dueAt: o.createdAt + 30 * MIN }));
    expect(Math.min(...due.map((o) => o.dueAt))).toBeGreaterThan(Date.now());
    await ext!.close({ keepProfile: true });
    ext = undefined;

    // Closed across both due moments, and long enough to count as missed rather than just late.
    const missedBy = Math.max(...due.map((o) => o.dueAt)) + 21_000 - Date.now();
    await sleep(Math.max(0, missedBy));

    ext = await startExtension({ userDataDir: profile });
    const expected = sorted(due.map((o) => moment(o.key, o.dueAt)));
    await until(
      async () => (await screen(ext!)).moments,
      (m) => m.join() === expected.join(),
      30_000,
    );
    // Another run (the page seen again, by a fresh worker) must not show them again.
    await ext.stopServiceWorkers();
    await visit(ext, server.origin, PATH, 2);
    await sleep(1_500);

    const alerts = await ledger(ext);
    expect(
      alerts.map((a) => [a.orderKey, a.dueAt, a.times, a.late]).sort(),
    ).toEqual(due.map((o) => [o.key, o.dueAt, 1, true]).sort());
    expect((await screen(ext)).moments).toEqual(expected);
    await expectConsistent(ext);
  });
});
