import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderTaobaoSoldList } from "../../demo/taobao-page.mjs";
import {
  ALL_HOURS,
  dbRows,
  putSettings,
  startExtension,
  startServer,
  until,
  waitForBadges,
  type Extension,
} from "./harness";

/*
 * The scheduler in real Chromium: due moments a few seconds apart, the service worker stopped
 * again and again in between, and a browser restart across due moments. Every notification
 * PayNudge creates is counted in its own database (alerts: one row per order and due moment,
 * `times` bumped before each creation), so "exactly once" is checked, not assumed.
 */

const MIN = 60_000;
const BUYERS = ["晚***风", "木***子", "橙子***", "l**7"];

interface Alert {
  id: string;
  orderKey: string;
  dueAt: number;
  times: number;
  late: boolean;
  grouped: boolean;
}

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension | undefined;
let profile: string | undefined;
/** Due moments (epoch ms, whole seconds: the page shows seconds) per page, set when it is served. */
const served = new Map<string, { id: string; dueAt: number }[]>();

/** A page of unpaid orders whose first nudges fall due `offsetsMs` after its first request. */
function duePage(path: string, firstId: bigint, offsetsMs: number[]) {
  let body: string | undefined;
  return (url: URL) => {
    if (url.pathname !== path) return undefined;
    if (body) return { body };
    const now = Math.floor(Date.now() / 1000) * 1000;
    const orders = offsetsMs.map((offset, i) => ({
      id: String(firstId + BigInt(i)),
      // The first nudge is 30 minutes after the order.
      createdAt: now + offset - 30 * MIN,
      status: "等待买家付款" as const,
      buyer: BUYERS[i % BUYERS.length]!,
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
      orders.map((o) => ({ id: o.id, dueAt: o.createdAt + 30 * MIN })),
    );
    body = renderTaobaoSoldList(orders, { shopName: "调度测试小铺" });
    return { body };
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startServer({
    routes: [
      duePage(
        "/paynudge-demo/scheduler-stops.htm",
        3905120000000001000n,
        [7_000, 12_000, 17_000, 22_000],
      ),
      duePage(
        "/paynudge-demo/scheduler-restart.htm",
        3905120000000002000n,
        [5_000, 7_000],
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

describe("the background scheduler in Chromium", () => {
  it("notifies every due nudge exactly once while the service worker is stopped again and again", async () => {
    const e = ext!;
    const shop = await e.context.newPage();
    await shop.goto(`${server.origin}/paynudge-demo/scheduler-stops.htm`);
    await waitForBadges(shop, 4);
    await shop.close();
    const due = served.get("/paynudge-demo/scheduler-stops.htm")!;
    const ids = due.map((o) => `paynudge:order:taobao:${o.id}`);
    expect(await e.notificationIds()).toEqual([]);

    let stops = 0;
    const startsBefore = e.workerStarts();
    // Stop the worker whenever it runs, twice between due moments (five seconds apart), until the
    // last is well past: each due moment has to be caught by an alarm waking a fresh worker that
    // knows nothing but the database. (A stop in the middle of a check is the retry alarm's case,
    // unit-tested; stopping every second starved a slow machine's worker of any whole check.)
    const last = Math.max(...due.map((o) => o.dueAt));
    while (Date.now() < last + 4_000) {
      if (await e.stopServiceWorkers()) stops += 1;
      await sleep(2_500);
    }
    // Each due nudge on screen: in its own notification, or listed in the summary when several
    // fell due in one run (a worker woken late).
    const onScreen = async () => {
      const shown = await e.notificationIds();
      const alerts = await dbRows<Alert>(await e.extPage(), "alerts");
      return due.filter((o, i) =>
        alerts.some(
          (a) =>
            a.orderKey === `taobao:${o.id}` &&
            a.dueAt === o.dueAt &&
            shown.includes(a.grouped ? "paynudge:summary" : ids[i]!),
        ),
      ).length;
    };
    await until(onScreen, (n) => n === due.length, 15_000);
    if (await e.stopServiceWorkers()) stops += 1;
    await sleep(1_000);

    const alerts = await dbRows<Alert>(await e.extPage(), "alerts");
    expect(alerts.map((a) => [a.orderKey, a.dueAt, a.times]).sort()).toEqual(
      due.map((o) => [`taobao:${o.id}`, o.dueAt, 1]).sort(),
    );
    // Alarms woke a stopped worker for the due moments (four, five seconds apart), again and again.
    expect(e.workerStarts() - startsBefore).toBeGreaterThanOrEqual(4);
    expect(stops).toBeGreaterThanOrEqual(4);
    expect(
      Number(await e.inExtension(() => chrome.action.getBadgeText({}))),
    ).toBe(4);
  });

  it("after a browser restart, shows the nudges that fell due while it was closed, once, as overdue", async () => {
    const shop = await ext!.context.newPage();
    await shop.goto(`${server.origin}/paynudge-demo/scheduler-restart.htm`);
    await waitForBadges(shop, 2);
    const due = served.get("/paynudge-demo/scheduler-restart.htm")!;
    expect(Math.min(...due.map((o) => o.dueAt))).toBeGreaterThan(Date.now());
    await ext!.close({ keepProfile: true });
    ext = undefined;

    // Closed across both due moments, and long enough to count as missed rather than just late.
    const missedBy = Math.max(...due.map((o) => o.dueAt)) + 21_000 - Date.now();
    await sleep(Math.max(0, missedBy));

    ext = await startExtension({ userDataDir: profile });
    const ids = due.map((o) => `paynudge:order:taobao:${o.id}`);
    await until(
      () => ext!.notificationIds(),
      (shown) => ids.every((id) => shown.includes(id)),
      30_000,
    );
    // Another run (the page seen again, by a fresh worker) must not show them again.
    await ext.stopServiceWorkers();
    const again = await ext.context.newPage();
    await again.goto(`${server.origin}/paynudge-demo/scheduler-restart.htm`);
    await waitForBadges(again, 2);
    await sleep(1_500);

    const alerts = await dbRows<Alert>(await ext.extPage(), "alerts");
    const restarted = alerts.filter((a) =>
      due.some((o) => a.orderKey === `taobao:${o.id}`),
    );
    expect(
      restarted.map((a) => [a.orderKey, a.dueAt, a.times, a.late]).sort(),
    ).toEqual(due.map((o) => [`taobao:${o.id}`, o.dueAt, 1, true]).sort());
    // The first test's nudges were not shown again on start-up.
    expect(alerts.every((a) => a.times === 1)).toBe(true);
    expect(alerts).toHaveLength(6);
  });
});
