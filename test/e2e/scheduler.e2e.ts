import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTaobaoSoldList } from "../../demo/taobao-page.mjs";
import { DUE_CHECK_POINTS } from "@/lib/background/due-check-park";
import {
  ALL_HOURS,
  putSettings,
  startExtension,
  startServer,
  until,
  waitForBadges,
  type Extension,
} from "@/test/support/browser/harness";
import {
  ledger,
  moment,
  parkDueCheck,
  parkedAt,
  checkDoneAfter,
  screen,
  workerControl,
} from "@/test/support/browser/notices";

/*
 * The scheduler in real Chromium, its worker stopped where Chrome may stop it. What counts:
 * - on screen (chrome.notifications.getAll): each due moment shown by exactly one notification
 *   (an order's id names its moment; a summary's moments are in the record PayNudge keeps of it),
 *   no order with two notifications of its own, at most one summary;
 * - the alert ledger: one row per due moment, `times` counting creations that happened (recorded
 *   after each), so 1 everywhere means none was missed and none shown twice.
 */

const MIN = 60_000;
/** lib/background/due-check.ts RETRY_MS: the retry alarm armed before each check. */
const RETRY_MS = 5_000;

interface Served {
  key: string;
  createdAt: number;
}

/** A page of unpaid orders placed `ordersAgo(now)` each (ms before the first request), kept as served. */
function ordersPage(
  path: string,
  firstId: bigint,
  times: (now: number) => number[],
  served: Map<string, Served[]>,
) {
  let body: string | undefined;
  return (url: URL) => {
    if (url.pathname !== path) return undefined;
    if (body) return { body };
    // Whole seconds: the page shows order times to the second.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const orders = times(now).map((createdAt, i) => ({
      id: String(firstId + BigInt(i)),
      createdAt,
      status: "等待买家付款" as const,
      buyer: `买家${String(firstId + BigInt(i)).slice(-4)}`,
      items: [
        {
          title: `测试商品${i + 1}`,
          sku: "颜色分类：白",
          price: "88.00",
          quantity: 1,
        },
      ],
      total: "88.00",
    }));
    served.set(
      path,
      orders.map((o) => ({ key: `taobao:${o.id}`, createdAt: o.createdAt })),
    );
    body = renderTaobaoSoldList(orders, {
      shopName: "调度测试小铺",
      pageSize: 50,
    });
    return { body };
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sorted = (list: string[]) => [...list].sort();

async function visit(
  ext: Extension,
  origin: string,
  path: string,
  count: number,
) {
  const shop = await ext.context.newPage();
  await shop.goto(`${origin}${path}`);
  await waitForBadges(shop, count);
  await shop.close();
}

/** Every check that holds whatever else happened: nothing shown twice, the record matches the screen. */
async function expectConsistent(ext: Extension): Promise<void> {
  const now = await screen(ext);
  expect(now.doubled, "orders with two notifications").toEqual([]);
  expect(now.summaries.length).toBeLessThanOrEqual(1);
  expect(new Set(now.moments).size, "moments shown twice").toBe(
    now.moments.length,
  );
  expect(sorted([...now.notices.keys()])).toEqual(now.ids);
  expect([...now.notices.values()].every((n) => n.created)).toBe(true);
  const alerts = await ledger(ext);
  expect(
    alerts.filter((a) => a.times !== 1).map((a) => [a.id, a.times]),
    "due moments not shown exactly once",
  ).toEqual([]);
}

describe("the due check stopped at each of its points", () => {
  /** The follow-up a few seconds after the first nudge: an order's older notification is on screen. */
  const GAP = 2_500;
  const served = new Map<string, Served[]>();
  let server: Awaited<ReturnType<typeof startServer>>;
  let ext: Extension;
  let profile: string;

  beforeAll(async () => {
    server = await startServer({
      routes: DUE_CHECK_POINTS.map((point, i) =>
        ordersPage(
          `/paynudge-demo/park-${point}.htm`,
          3905120000000100000n + BigInt(i * 10),
          // Three orders whose first nudges fall due together in 3 s (a summary), then their
          // follow-ups together (a summary replacing it); one more 13 s in, then its follow-up.
          (now) =>
            [3_000, 3_000, 3_000, 13_000].map((inMs) => now + inMs - 30 * MIN),
          served,
        ),
      ),
    });
    ext = await startExtension();
    profile = ext.userDataDir;
    await putSettings(await ext.extPage(), {
      ...ALL_HOURS,
      minGapMs: 0,
      steps: [
        {
          id: "first",
          scenario: "first",
          channel: "chat",
          anchor: "order",
          offsetMs: 30 * MIN,
        },
        {
          id: "follow-up",
          scenario: "follow-up",
          channel: "chat",
          anchor: "order",
          offsetMs: 30 * MIN + GAP,
        },
      ],
    });
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  for (const point of DUE_CHECK_POINTS) {
    it(`stopped at "${point}": the retry alarm's fresh worker shows each due moment exactly once`, async () => {
      const path = `/paynudge-demo/park-${point}.htm`;
      await visit(ext, server.origin, path, 4);
      const orders = served.get(path)!;
      const first = (o: Served) => o.createdAt + 30 * MIN;
      const followUp = (o: Served) => first(o) + GAP;
      const mine = (moments: string[]) =>
        moments.filter((m) => orders.some((o) => m.startsWith(`${o.key}@`)));
      const group = orders.slice(0, 3);
      const single = orders[3]!;
      const page = await ext.extPage();

      async function stopAt(
        from: number,
        expected: string[],
        before: string[],
      ) {
        await parkDueCheck(page, point, from);
        // The run before: what the stopped run's notifications replace is on screen.
        await until(
          async () => mine((await screen(ext)).moments),
          (m) => m.join() === sorted(before).join(),
          15_000,
        );
        const runAt = await parkedAt(page, point, from);
        expect(await ext.stopServiceWorkers()).toBe(true);
        // Nothing else runs a check meanwhile: the next one is the retry alarm's.
        await checkDoneAfter(page, runAt + 1);
        const now = await screen(ext);
        expect(mine(now.moments), `after a stop at ${point}`).toEqual(
          sorted(expected),
        );
        await expectConsistent(ext);
      }

      // A summary of three follow-ups, with the summary of their first nudges on screen.
      await stopAt(
        followUp(group[0]!),
        group.map((o) => moment(o.key, followUp(o))),
        group.map((o) => moment(o.key, first(o))),
      );
      expect((await screen(ext)).summaries).toHaveLength(1);
      // One order's follow-up, with its first nudge's notification on screen.
      await stopAt(
        followUp(single),
        [
          moment(single.key, followUp(single)),
          ...group.map((o) => moment(o.key, followUp(o))),
        ],
        [
          moment(single.key, first(single)),
          ...group.map((o) => moment(o.key, followUp(o))),
        ],
      );
      // Every due moment of the page in the ledger, once.
      const alerts = await ledger(ext);
      expect(
        sorted(
          alerts
            .filter((a) => orders.some((o) => o.key === a.orderKey))
            .map((a) => `${a.id}×${a.times}`),
        ),
      ).toEqual(
        sorted(
          orders.flatMap((o) => [
            `${moment(o.key, first(o))}×1`,
            `${moment(o.key, followUp(o))}×1`,
          ]),
        ),
      );
    }, 60_000);
  }
});

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
