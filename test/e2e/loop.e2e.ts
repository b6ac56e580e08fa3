import { endOfDay } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import {
  badgeStates,
  closedRoot,
  dbCounts,
  dbRows,
  DEMO_PAGE,
  demoShopRoute,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
  openDemoShop,
  dueSoonPage,
  showsOrder,
  showsSummary,
  IN_PAGE_PANEL,
} from "@/test/support/browser/harness";

const MIN = 60_000;
const ACTIVE = ["upcoming", "due", "overdue"];
const SOON_PAGE = "/paynudge-demo/soon.htm";
const SOON_ID = "3905129999999999999";

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;
// One order whose first nudge falls due a few seconds after the page is served.
const soonOrder = dueSoonPage(SOON_PAGE, SOON_ID, 8_000, {
  buyer: "晚***风",
  title: "桂花乌龙茶 礼盒装",
  sku: "规格：250g",
  price: "88.00",
});
// The demo shop places its orders relative to this moment, so the test knows every order time.
const T = Math.floor(Date.now() / 1000) * 1000;
const ORDERS = demoOrders(T);
const FIRST_PAGE = ORDERS.slice(0, 15);
const isUnpaid = (o: (typeof ORDERS)[number]) => o.status === "等待买家付款";
const firstNudge = (o: (typeof ORDERS)[number]) => o.createdAt + 30 * MIN;
/** Badge state and due moment of every order seen, page by page. */
const seen: Record<string, { state: string; due: string }> = {};

beforeAll(async () => {
  server = await startServer({
    routes: [demoShopRoute(() => T), soonOrder.route],
  });
  ({ ext, shop } = await openDemoShop(server, IN_PAGE_PANEL));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("the whole loop on the demo shop", () => {
  it("badges exactly the unpaid orders, with their next due time; paid and closed get a quiet mark", async () => {
    const states = await badgeStates(shop);
    const unpaid = FIRST_PAGE.filter(isUnpaid)
      .map((o) => o.id)
      .sort();
    const active = Object.keys(states)
      .filter((id) => ACTIVE.includes(states[id]!.state))
      .sort();
    expect(active).toEqual(unpaid);
    for (const order of FIRST_PAGE) {
      const badge = states[order.id]!;
      if (!isUnpaid(order)) {
        expect(badge.state).toBe(
          order.status === "交易关闭" ? "closed" : "paid",
        );
        expect(badge.due).toBe("");
      } else if (firstNudge(order) > T) {
        // Still in its first half hour: the first nudge falls 30 minutes after the order.
        expect(Number(badge.due)).toBe(firstNudge(order));
      } else {
        expect(Number(badge.due)).toBeGreaterThan(order.createdAt);
      }
    }
    Object.assign(seen, states);
    expect(Object.values(states).some((s) => s.state === "overdue")).toBe(true);
    expect(Object.values(states).some((s) => s.state === "upcoming")).toBe(
      true,
    );
  });

  it("copies a filled-in message with the buyer, item, amount and shop when a badge is clicked", async () => {
    const order = FIRST_PAGE.find(
      (o) => isUnpaid(o) && firstNudge(o) < T - 30 * MIN,
    )!;
    // The badge's root is closed: reached through CDP, clicked with the real mouse.
    const badge = closedRoot(shop, `[data-paynudge-order="${order.id}"]`);
    await badge.click("button");
    const text = await until(
      () => shop.evaluate(() => navigator.clipboard.readText()),
      (t) => t.includes(order.buyer),
    );
    expect(text).toContain(order.items[0]!.title);
    expect(text).toContain(`¥${order.total}`);
    expect(text).toContain("暖暖家居小铺");
    await expect.poll(() => badge.text("button")).toContain("已复制");
  });

  it("raises a desktop notification for the due nudges, each exactly once, and counts them on the toolbar icon", async () => {
    const due = Object.entries(seen).filter(
      ([, b]) => b.state === "due" || b.state === "overdue",
    );
    expect(due.length).toBeGreaterThanOrEqual(3);
    // Several nudges falling due together are shown as one summary notification.
    await until(
      () => ext.notificationIds(),
      (ids) => showsSummary(ids),
    );
    const alerts = await dbRows<{
      orderKey: string;
      dueAt: number;
      times: number;
    }>(await ext.extPage(), "alerts");
    expect(alerts.map((a) => [a.orderKey, a.dueAt, a.times]).sort()).toEqual(
      due.map(([id, b]) => [`taobao:${id}`, Number(b.due), 1]).sort(),
    );
    const count = await ext.inExtension(() => chrome.action.getBadgeText({}));
    expect(Number(count)).toBe(due.length);
  });

  it("follows pagination: the second page gets its own badges", async () => {
    const second = await ext.context.newPage();
    await second.goto(`${server.origin}${DEMO_PAGE}?tab=all&page=2`);
    await waitForBadges(second, 15);
    const states = await badgeStates(second);
    const expected = ORDERS.slice(15)
      .filter(isUnpaid)
      .map((o) => o.id)
      .sort();
    expect(
      Object.keys(states)
        .filter((id) => ACTIVE.includes(states[id]!.state))
        .sort(),
    ).toEqual(expected);
    Object.assign(seen, states);
    await second.close();
  });

  it("lists today’s due and overdue nudges in the popup, soonest first, and opens the order page", async () => {
    const popup = await ext.extPage();
    await popup.reload();
    await popup.waitForSelector("[data-paynudge-popup-item]");
    const listed = await popup.$$eval("[data-paynudge-popup-item]", (items) =>
      items.map((li) => li.getAttribute("data-paynudge-popup-item")),
    );
    // Both pages have been seen now; today's list runs to midnight, soonest first.
    const dueOf = (id: string) => Number(seen[id]!.due);
    const today = Object.keys(seen).filter(
      (id) => seen[id]!.due && dueOf(id) <= endOfDay(Date.now()).getTime(),
    );
    expect([...listed].sort()).toEqual(today.sort());
    const dues = listed.map((id) => dueOf(id!));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const expectedOrder = listed as string[];
    await expect
      .poll(() => popup.locator('[data-group="overdue"] h2').textContent())
      .toContain("已逾期");

    await shop.close();
    const opened = ext.context.waitForEvent("page");
    await popup
      .locator(`[data-paynudge-popup-item="${expectedOrder[0]}"] button.open`)
      .click();
    const page = await opened;
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toBe(DEMO_PAGE);
    shop = page;
  });

  it("notifies a nudge that falls due later, even though the service worker was stopped meanwhile", async () => {
    const page = await ext.context.newPage();
    await page.goto(server.origin + SOON_PAGE);
    await waitForBadges(page, 1);
    expect((await badgeStates(page))[SOON_ID]).toEqual({
      state: "upcoming",
      due: String(Math.floor(soonOrder.dueAt() / 1000) * 1000),
    });
    const key = `taobao:${SOON_ID}`;
    expect(showsOrder(await ext.notificationIds(), key)).toBe(false);

    await ext.stopServiceWorkers();
    const starts = ext.workerStarts();
    await until(
      () => ext.notificationIds(),
      (ids) => showsOrder(ids, key),
      30_000,
    );
    // The alarm had to wake a new worker to notify.
    expect(ext.workerStarts()).toBeGreaterThan(starts);
    // The badge turns due on the page without a reload.
    await until(
      () => badgeStates(page),
      (s) => s[SOON_ID]?.state === "due",
    );

    // Nothing was lost with the worker: every demo order is still stored and listed.
    await ext.stopServiceWorkers();
    const popup = await ext.extPage();
    await popup.reload();
    await popup.waitForSelector(`[data-paynudge-popup-item="${SOON_ID}"]`);
    const stored = (await dbCounts(popup)).orders;
    expect(stored).toBe(31);
    await page.close();
  });
});
