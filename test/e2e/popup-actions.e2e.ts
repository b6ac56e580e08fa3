import { endOfDay } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import {
  badgeStates,
  dbRows,
  demoShopRoute,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
  openDemoShop,
  dueSoonPage,
  showsOrder,
} from "@/test/support/browser/harness";

const MIN = 60_000;
const SOON_PAGE = "/paynudge-demo/soon.htm";
const SOON_ID = "3905128888888888888";
const SOON_KEY = `taobao:${SOON_ID}`;

interface Row {
  key: string;
  orderId: string;
  status: string;
  nextDueAt?: number;
  snoozedUntil?: number;
  notifiedDueAt?: number;
}

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;
let popup: Page;
// One order whose first nudge falls due a few seconds after the page is served.
const soonOrder = dueSoonPage(SOON_PAGE, SOON_ID, 6_000, {
  buyer: "夜***猫",
  title: "羊毛混纺围巾",
  sku: "颜色：燕麦色",
  price: "129.00",
});
const T = Math.floor(Date.now() / 1000) * 1000;
const ORDERS = demoOrders(T);
/** Orders picked from the popup's due groups, one per action, so each test acts on its own order. */
let dueIds: string[] = [];

const item = (id: string) =>
  popup.locator(`[data-paynudge-popup-item="${id}"]`);
const idsIn = (group: string) =>
  popup.$$eval(`[data-group="${group}"] [data-paynudge-popup-item]`, (els) =>
    els.map((el) => el.getAttribute("data-paynudge-popup-item")!),
  );
const orderRow = async (id: string) =>
  (await dbRows<Row>(popup, "orders")).find((o) => o.orderId === id)!;
const toolbarCount = () => popup.evaluate(() => chrome.action.getBadgeText({}));

beforeAll(async () => {
  server = await startServer({
    routes: [demoShopRoute(() => T), soonOrder.route],
  });
  ({ ext, shop } = await openDemoShop(server));
  popup = await ext.extPage();
  await popup.reload();
  await popup.waitForSelector('[data-group="overdue"], [data-group="due"]');
  dueIds = [...(await idsIn("overdue")), ...(await idsIn("due"))];
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("acting on today’s queue from the popup", () => {
  it("shows each order’s step, channel and time left before auto-close", async () => {
    // The demo shop's first page has five unpaid orders past their first 30 minutes.
    expect(dueIds.length).toBeGreaterThanOrEqual(4);
    // Their first rows came from the read popup-first-read.js starts before the popup's code has
    // loaded, not from the slower fallback through Dexie.
    expect(
      await popup.evaluate(
        () => performance.getEntriesByName("paynudge:popup-read-early").length,
      ),
    ).toBe(1);
    const first = item(dueIds[0]!);
    expect(await first.locator(".step").textContent()).toMatch(
      / · .+ · (旺旺\/聊天|短信|电话|提醒付款按钮)$/,
    );
    // Taobao closes unpaid orders after 72 hours: every demo order on page one has days left.
    expect(await first.locator(".closes").textContent()).toMatch(
      /^\d+天(\d+小时)?后自动关闭$/,
    );
  });

  it("copies the filled-in message of an order to the clipboard", async () => {
    const id = dueIds[0]!;
    const order = ORDERS.find((o) => o.id === id)!;
    await item(id).locator('[data-action="copy"]').click();
    await expect
      .poll(() => item(id).locator(".feedback").textContent())
      .toMatch(/^已复制/);
    await shop.bringToFront();
    const text = await until(
      () => shop.evaluate(() => navigator.clipboard.readText()),
      (t) => t.includes(order.buyer),
    );
    expect(text).toContain(order.items[0]!.title);
    expect(text).toContain("暖暖家居小铺");
    await popup.bringToFront();
  });

  it("marks an order nudged: the nudge is logged and the order moves on, listed in one group only: its follow-up's later today, else done today", async () => {
    const id = dueIds[1]!;
    await item(id).locator('[data-action="nudged"]').click();
    const listed = async () =>
      (
        await Promise.all(
          ["overdue", "due", "later", "noSlot", "done"].map(async (g) =>
            (await idsIn(g)).includes(id) ? [g] : [],
          ),
        )
      ).flat();
    const groups = await until(
      listed,
      (gs) => gs.length > 0 && gs.every((g) => g === "later" || g === "done"),
    );
    expect(groups).toHaveLength(1);
    const nudges = await dbRows<{ orderKey: string; channel: string }>(
      popup,
      "nudges",
    );
    expect(nudges.map((n) => n.orderKey)).toEqual([`taobao:${id}`]);
    const row = await orderRow(id);
    const followUpToday =
      row.nextDueAt !== undefined &&
      row.nextDueAt <= endOfDay(Date.now()).getTime();
    expect(groups).toEqual([followUpToday ? "later" : "done"]);
    if (!followUpToday)
      expect(
        await popup.locator('[data-group="done"] .count').textContent(),
      ).toBe("1");
  });

  it("marks an order paid: it leaves the queue and nothing more is planned for it", async () => {
    const id = dueIds[2]!;
    const before = Number(await toolbarCount());
    await item(id).locator('[data-action="more"]').click();
    await item(id).locator('[data-action="paid"]').click();
    await until(
      async () => item(id).count(),
      (n) => n === 0,
    );
    const row = await orderRow(id);
    expect(row.status).toBe("paid");
    expect(row.nextDueAt).toBeUndefined();
    // The toolbar count no longer counts it, and the open shop page's badge turns paid at once,
    // though the page itself still shows the order unpaid.
    expect(Number(await toolbarCount())).toBe(before - 1);
    await expect
      .poll(async () => (await badgeStates(shop))[id])
      .toEqual({ state: "paid", due: "" });
  });

  it("snoozes an order: it is snoozed until 15 minutes from now", async () => {
    const id = dueIds[3]!;
    const clicked = Date.now();
    await item(id).locator('[data-action="more"]').click();
    await item(id).locator('[data-snooze="15m"]').click();
    // Stored, then re-planned: wait for both.
    const row = await until(
      () => orderRow(id),
      (r) =>
        r.snoozedUntil !== undefined &&
        r.nextDueAt !== undefined &&
        r.nextDueAt >= r.snoozedUntil,
    );
    expect(row.snoozedUntil!).toBeGreaterThanOrEqual(
      clicked + 15 * MIN - 1_000,
    );
    expect(row.snoozedUntil!).toBeLessThan(Date.now() + 15 * MIN + 1_000);
    expect(row.nextDueAt!).toBeGreaterThanOrEqual(row.snoozedUntil!);
    // The open shop page follows without a reload.
    await expect
      .poll(async () => (await badgeStates(shop))[id])
      .toEqual({ state: "snoozed", due: String(row.nextDueAt) });
    expect([
      ...(await idsIn("overdue")),
      ...(await idsIn("due")),
    ]).not.toContain(id);
    // Held in place while its undo is offered (a few seconds), then listed under "later today" as
    // snoozed, unless the snooze runs past midnight.
    await until(
      () => popup.locator(`[data-paynudge-popup-held="${id}"]`).count(),
      (n) => n === 0,
    );
    if (row.snoozedUntil! <= endOfDay(Date.now()).getTime()) {
      await expect
        .poll(() => item(id).locator(".due").textContent())
        .toMatch(/^稍后提醒至 \d\d:\d\d$/);
      expect(await item(id).getAttribute("data-snoozed-until")).toBe(
        String(row.snoozedUntil),
      );
    }
  });

  it("pauses notifications: a nudge falling due meanwhile is counted but not shown, and shows on resume", async () => {
    // The switch shows the stored setting, so it turns on once the background has saved it.
    await popup.locator('input[data-action="pause"]').click();
    await until(
      async () =>
        (await dbRows<{ key: string; value: unknown }>(popup, "settings")).find(
          (s) => s.key === "notificationsPaused",
        )?.value,
      (v) => v === true,
    );
    await expect.poll(() => popup.locator(".paused-note").count()).toBe(1);
    expect(await popup.locator('input[data-action="pause"]').isChecked()).toBe(
      true,
    );

    const soon = await ext.context.newPage();
    await soon.goto(server.origin + SOON_PAGE);
    await waitForBadges(soon, 1);
    const counted = Number(await toolbarCount());
    // The alarm still fires when the nudge falls due: the toolbar count takes it in...
    await until(toolbarCount, (c) => Number(c) === counted + 1, 30_000);
    // (The page shows order times to the second.)
    expect(Date.now()).toBeGreaterThanOrEqual(
      Math.floor(soonOrder.dueAt() / 1000) * 1000,
    );
    // ...but no notification is raised, and the nudge is not marked as shown.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(showsOrder(await ext.notificationIds(), SOON_KEY)).toBe(false);
    expect((await orderRow(SOON_ID)).notifiedDueAt).toBeUndefined();
    expect(
      (await dbRows<{ orderKey: string }>(popup, "alerts")).map(
        (a) => a.orderKey,
      ),
    ).not.toContain(`taobao:${SOON_ID}`);

    await popup.bringToFront();
    await popup.locator('input[data-action="pause"]').click();
    await until(
      () => ext.notificationIds(),
      (ids) => showsOrder(ids, SOON_KEY),
    );
    expect(await popup.locator(".paused-note").count()).toBe(0);
    expect((await orderRow(SOON_ID)).notifiedDueAt).toBe(
      (await orderRow(SOON_ID)).nextDueAt,
    );
    await soon.close();
  });
});
