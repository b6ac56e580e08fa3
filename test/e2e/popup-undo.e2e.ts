import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  badgeStates,
  dbRows,
  demoShopRoute,
  openDemoShop,
  startServer,
  until,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * Issue 15: 已付款 from the popup can be undone in place for a few seconds; undo restores the order
 * through the background as it was (unpaid, planned as before, counted, badged on its page).
 */

interface Row {
  orderId: string;
  status: string;
  manualStatus?: string;
  nextDueAt?: number;
}

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;
let popup: Page;
const T = Math.floor(Date.now() / 1000) * 1000;

const orderRow = async (id: string) =>
  (await dbRows<Row>(popup, "orders")).find((o) => o.orderId === id)!;
const toolbarCount = () => popup.evaluate(() => chrome.action.getBadgeText({}));

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ({ ext, shop } = await openDemoShop(server));
  popup = await ext.extPage();
  await popup.reload();
  await popup.waitForSelector('[data-group="overdue"], [data-group="due"]');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("undo in the popup", () => {
  it("restores an order marked paid: unpaid again, planned as before, counted and badged", async () => {
    const group = (await popup.$('[data-group="overdue"]')) ? "overdue" : "due";
    const ids = () =>
      popup.$$eval(
        `[data-group="${group}"] [data-paynudge-popup-item], [data-group="${group}"] [data-paynudge-popup-held]`,
        (els) =>
          els.map(
            (el) =>
              el.getAttribute("data-paynudge-popup-item") ??
              el.getAttribute("data-paynudge-popup-held"),
          ),
      );
    const before = await ids();
    const id = before[Math.min(1, before.length - 1)]!;
    const was = await orderRow(id);
    const badgeWas = (await badgeStates(shop))[id];
    const countWas = await toolbarCount();
    expect(was.status).toBe("unpaid");

    const item = popup.locator(`[data-paynudge-popup-item="${id}"]`);
    await item.locator('[data-action="more"]').click();
    await item.locator('[data-action="paid"]').click();
    const held = popup.locator(`[data-paynudge-popup-held="${id}"]`);
    await held.waitFor();
    expect((await held.textContent())!.replace(/\s/g, "")).toMatch(
      /已标记为已付款·撤销$/,
    );
    // Paid in the database meanwhile, the row held in its place.
    await until(
      () => orderRow(id),
      (r) => r.status === "paid",
    );
    expect(await ids()).toEqual(before);
    await expect
      .poll(async () => (await badgeStates(shop))[id]?.state)
      .toBe("paid");

    await held.locator('[data-action="undo"]').click();
    const restored = await until(
      () => orderRow(id),
      (r) => r.status === "unpaid",
    );
    expect(restored.manualStatus).toBeUndefined();
    expect(restored.nextDueAt).toBe(was.nextDueAt);
    await item.waitFor();
    await until(
      () => held.count(),
      (n) => n === 0,
    );
    expect(await ids()).toEqual(before);
    expect(await toolbarCount()).toBe(countWas);
    await expect
      .poll(async () => (await badgeStates(shop))[id])
      .toEqual(badgeWas);
  });

  it("lets a paid mark stand once its undo has timed out", async () => {
    const id = await popup
      .locator("[data-paynudge-popup-item]")
      .first()
      .getAttribute("data-paynudge-popup-item");
    const item = popup.locator(`[data-paynudge-popup-item="${id}"]`);
    await item.locator('[data-action="more"]').click();
    await item.locator('[data-action="paid"]').click();
    const held = popup.locator(`[data-paynudge-popup-held="${id}"]`);
    await held.waitFor();
    await until(
      () => held.count(),
      (n) => n === 0,
      10_000,
    );
    expect(await item.count()).toBe(0);
    expect((await orderRow(id!)).status).toBe("paid");
  });
});
