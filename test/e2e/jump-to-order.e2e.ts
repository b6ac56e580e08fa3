import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import {
  DEMO_PAGE,
  demoShopRoute,
  openDemoShop,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";
import { HIGHLIGHT_MS } from "@/lib/page/reveal-order";

/*
 * Issue 15, "Jump to the order": 打开订单页 in the popup reaches an order on page 2 of the list. The
 * tab showing page 2 comes to the front (not the page-1 tab on the same path), the order's row is
 * scrolled into view and outlined for a few seconds, then the row is as it was; with that tab
 * closed, the page it was seen on opens and the row is revealed there once its badges are in.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const PAGE_2 = `${DEMO_PAGE}?tab=all&page=2`;
/** The last unpaid order of page 2: far down the list, out of view until scrolled to. */
const ORDER = demoOrders(T)
  .slice(15)
  .filter((o) => o.status === "等待买家付款")
  .at(-1)!;

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let pageOne: Page;
let pageTwo: Page;

/** Where the order's row is, whether it is in view, and how it is outlined, in `page`. */
const rowIn = (page: Page) =>
  page.evaluate((id) => {
    const badge = document.querySelector(`[data-paynudge-order="${id}"]`);
    const row = badge?.closest(".trade-order-main");
    if (!row) return undefined;
    const box = row.getBoundingClientRect();
    const style = getComputedStyle(row);
    return {
      inView: box.top >= 0 && box.bottom <= innerHeight,
      outline: `${style.outlineStyle} ${style.outlineColor}`,
      styleAttr: row.getAttribute("style"),
      visible: document.visibilityState,
    };
  }, ORDER.id);

const activeTabUrl = () =>
  ext.inExtension(async () => {
    const [tab] = await chrome.tabs.query({
      active: true,
      lastFocusedWindow: true,
    });
    return tab?.url;
  });

/** The popup in a tab of its own over `over` (`?tab=`), as the toolbar's popup would show it. */
async function popupOver(over: string): Promise<Page> {
  const tabs = await ext.inExtension(async () =>
    (await chrome.tabs.query({})).map((t) => [t.id, t.url]),
  );
  const tabId = tabs.find(([, url]) => url === over)?.[0];
  const popup = await ext.context.newPage();
  await popup.goto(`${ext.popupUrl}?tab=${tabId}`);
  await popup.waitForSelector(`[data-paynudge-popup-item="${ORDER.id}"]`);
  return popup;
}

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ({ ext, shop: pageOne } = await openDemoShop(server));
  pageTwo = await ext.context.newPage();
  await pageTwo.goto(server.origin + PAGE_2);
  await waitForBadges(pageTwo, 15);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("打开订单页 reaches the order", () => {
  it("brings forward the tab showing page 2, scrolls the order's row into view and highlights it for a few seconds", async () => {
    // The agent is on page 1 (the same path) and page 2 is scrolled to its top, the row out of view.
    expect((await rowIn(pageTwo))?.inView).toBe(false);
    await pageOne.bringToFront();
    expect(await activeTabUrl()).toBe(`${server.origin}${DEMO_PAGE}`);
    const tabsBefore = ext.context.pages().length;

    const popup = await popupOver(`${server.origin}${DEMO_PAGE}`);
    await popup
      .locator(`[data-paynudge-popup-item="${ORDER.id}"] button.open`)
      .click();

    await until(activeTabUrl, (url) => url === server.origin + PAGE_2);
    const shown = await until(
      () => rowIn(pageTwo),
      (row) => !!row?.inView && row.outline === "solid rgb(255, 80, 0)",
      10_000,
    );
    expect(shown?.visible).toBe("visible");
    // No tab was opened for it.
    expect(ext.context.pages()).toHaveLength(tabsBefore + 1);
    // The highlight goes after its time, and the row's own style is as it was (it had none).
    const gone = await until(
      () => rowIn(pageTwo),
      (row) => !row?.outline.startsWith("solid"),
      HIGHLIGHT_MS + 5_000,
    );
    expect(gone?.styleAttr).toBeNull();
    expect(gone?.inView).toBe(true);
    await popup.close();
  });

  it("opens the page the order was seen on when no tab shows it, and highlights its row there", async () => {
    await pageTwo.close();
    await pageOne.bringToFront();
    const popup = await popupOver(`${server.origin}${DEMO_PAGE}`);
    const opened = ext.context.waitForEvent("page");
    await popup
      .locator(`[data-paynudge-popup-item="${ORDER.id}"] button.open`)
      .click();
    const page = await opened;
    await page.waitForLoadState();
    expect(page.url()).toBe(server.origin + PAGE_2);
    const shown = await until(
      () => rowIn(page),
      (row) => !!row?.inView && row.outline === "solid rgb(255, 80, 0)",
      15_000,
    );
    expect(shown?.inView).toBe(true);
    // Page 1, on the same path but without the order, stays where it was.
    expect(await pageOne.evaluate(() => scrollY)).toBe(0);
    await popup.close();
  });
});
