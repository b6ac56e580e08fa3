import { describe, expect, it } from "vitest";
import {
  activeOrders,
  badgeStateById,
  closedRoot,
  dbRows,
  sendFromContentScript,
  until,
  type Page,
} from "@/test/support/browser/harness";
import { onRealUrls } from "@/test/support/browser/fixture-pages";
import { TAUGHT_ORDERS, taughtPage } from "@/test/fixtures/pages/taught-page";

/*
 * Teaching a page, in real Chromium on a real URL (a Shopify admin in a language and layout none
 * of PayNudge's readers knows): the seller starts from the popup, clicks a row, its order number,
 * status and time on the page (trusted clicks; the bar in a closed shadow root says what to click
 * and what went wrong), checks in the popup what the reader would read, ticks the page's word for
 * "awaiting payment" and saves. The page then has its unpaid orders badged, after a reload too.
 */

const URL_KO = "https://admin.shopify.com/store/demo-ko/orders";
const FRAMED = "https://myseller.taobao.com/home.htm/trade-platform/tp/ko-sold";
const FRAME_URL =
  "https://trade.taobao.com/trade/itemlist/list_sold_items_ko.htm";
const ext = onRealUrls({
  "admin.shopify.com/store/demo-ko/orders": () => taughtPage(),
  // The list in a frame of the seller centre, as Qianniu shows it; the page around it has a menu.
  "myseller.taobao.com/home.htm/trade-platform/tp/ko-sold": () =>
    `<!doctype html><html><head><meta charset="utf-8"></head><body>
      <ul class="menu"><li>交易管理</li><li>已卖出的宝贝</li><li>评价管理</li></ul>
      <iframe id="sold" src="${FRAME_URL}" style="width:100%;height:900px"></iframe>
    </body></html>`,
  "trade.taobao.com/trade/itemlist/list_sold_items_ko.htm": () => taughtPage(),
});

const UNPAID = TAUGHT_ORDERS.filter((o) => o.status === "결제 대기").map(
  (o) => o.id,
);

async function tabIdOf(url: string): Promise<number> {
  const id = await (
    await ext().extPage()
  ).evaluate(async (pattern) => {
    // The newest such tab: an earlier test's may still be open.
    const tabs = await chrome.tabs.query({});
    return tabs.filter((tab) => tab.url?.startsWith(pattern)).at(-1)?.id;
  }, url);
  expect(id).toBeGreaterThan(0);
  return id!;
}

/** The popup over the page's tab, as a tab of its own (`?tab=`). */
async function popupOver(url: string): Promise<Page> {
  const popup = await ext().context.newPage();
  await popup.goto(`${ext().popupUrl}?tab=${await tabIdOf(url)}`);
  return popup;
}

/** The teaching bar's words: the step asked for, and the refusal shown (if any). */
function bar(page: Page) {
  const root = closedRoot(page, "paynudge-teach");
  return {
    say: () => root.text(".say"),
    error: () => root.text(".error"),
  };
}

async function settle(page: Page) {
  // The page's badges have had time to come (a read, a round trip to the background).
  await page.waitForTimeout(1500);
}

describe("teaching PayNudge a page its readers do not know", () => {
  it("derives a reader from the seller's clicks, shows it before saving, and badges the page's unpaid orders once saved", async () => {
    const page = await ext().context.newPage();
    await page.goto(URL_KO);
    await settle(page);
    // Before: no order of the page is badged as waiting for payment.
    expect(activeOrders(await badgeStateById(page))).toEqual([]);

    const popup = await popupOver(URL_KO);
    await popup.locator(".page-reading > summary").click();
    await popup.locator('[data-action="teach-page"]').click();
    await expect
      .poll(() => bar(page).say(), { timeout: 10_000 })
      .toMatch(/^第 1 步/);

    // Not a row: the page heading repeats nothing.
    await page.locator("#heading").click();
    expect(await bar(page).error()).toMatch(/^这里不像订单列表中的一行/);
    // A row without an order number: the notices repeat like rows, but show none.
    await page.locator(".notice").nth(1).click();
    expect(await bar(page).error()).toMatch(/^这一行里找不到订单号/);
    // Clicks the page makes up itself teach nothing.
    await page.evaluate(() =>
      document.querySelector<HTMLElement>('[data-row="2"] .customer')!.click(),
    );
    expect(await bar(page).say()).toMatch(/^第 1 步/);

    // The row (its customer's name), then its order number: the link is not followed.
    await page.locator('[data-row="2"] .customer').click();
    expect(await bar(page).say()).toMatch(/^第 2 步/);
    expect(await bar(page).error()).toBe("");
    await page.locator('[data-row="2"] .pill').click();
    expect(await bar(page).error()).toMatch(/^点击的文字里没有订单号/);
    await page.locator('[data-row="2"] .order-link').click();
    expect(await bar(page).say()).toMatch(/^第 3 步/);
    expect(page.url()).toBe(URL_KO);
    // A status in another row is not this row's.
    await page.locator('[data-row="4"] .pill').click();
    expect(await bar(page).error()).toMatch(/^点击的位置不在选中的订单行里/);
    await page.locator('[data-row="2"] .pill').click();
    expect(await bar(page).say()).toMatch(/^第 4 步/);
    await page.locator('[data-row="2"] .total').click();
    expect(await bar(page).error()).toMatch(
      /^点击的文字里没有能识别的日期时间/,
    );
    await page.locator('[data-row="2"] .when').click();
    // Read as it is: six orders, none of them known to wait for payment yet.
    expect(await bar(page).say()).toMatch(
      /^找到 6 行，读出 6 个订单，其中 0 个未付款/,
    );

    // The popup, opened again, shows the reader before anything is saved.
    await popup.reload();
    const draft = popup.locator(".teach-draft");
    await expect.poll(() => draft.count(), { timeout: 10_000 }).toBe(1);
    expect(await draft.locator(".teach-page").textContent()).toBe(
      "admin.shopify.com/store/demo-ko/orders",
    );
    const counts = draft.locator(".teach-counts");
    expect(await counts.getAttribute("data-orders")).toBe("6");
    expect(await counts.getAttribute("data-unpaid")).toBe("0");
    expect(
      await draft
        .locator(".teach-samples tbody td:first-child")
        .allTextContents(),
    ).toEqual(TAUGHT_ORDERS.slice(0, 5).map((o) => o.id));
    expect(
      (await dbRows<{ key: string }>(await ext().extPage(), "settings")).some(
        (row) => row.key === "taughtReaders",
      ),
    ).toBe(false);
    // The page's word for "awaiting payment".
    await draft.getByLabel(/결제 대기/).check();
    expect(await counts.getAttribute("data-unpaid")).toBe("4");
    await draft.locator('[data-action="save-taught"]').click();
    await expect
      .poll(() => popup.locator(".teach-saved").count(), { timeout: 10_000 })
      .toBe(1);

    // Saved: the bar is gone, the unpaid orders are badged as such, the paid ones as paid.
    await expect
      .poll(() => page.locator("paynudge-teach").count(), { timeout: 10_000 })
      .toBe(0);
    const states = await until(
      () => badgeStateById(page),
      (s) => activeOrders(s).length === UNPAID.length,
    );
    expect(activeOrders(states)).toEqual([...UNPAID].sort());
    // No word was taught for "paid": those stay unread as to payment, never badged to nudge.
    expect(states["#5502"]).toBe("other");
    const [stored] = (
      await dbRows<{ key: string; value: unknown }>(
        await ext().extPage(),
        "settings",
      )
    ).filter((row) => row.key === "taughtReaders");
    expect(stored?.value).toMatchObject([
      {
        host: "admin.shopify.com",
        path: "/store/demo-ko/orders",
        unpaidWords: ["결제 대기"],
      },
    ]);

    // A reload reads the page the taught way at once.
    await page.reload();
    const again = await until(
      () => badgeStateById(page),
      (s) => activeOrders(s).length === UNPAID.length,
    );
    expect(activeOrders(again)).toEqual([...UNPAID].sort());
    await popup.close();
    await page.close();
  });

  it("refuses a taught reader sent by the page's content script, and Esc leaves teaching", async () => {
    const page = await ext().context.newPage();
    await page.goto(URL_KO);
    const before = await dbRows<{ key: string; value: unknown }>(
      await ext().extPage(),
      "settings",
    );
    const reply = await sendFromContentScript(
      page,
      ext().extensionId,
      "saveTaughtReader",
      {
        host: "admin.shopify.com",
        path: "/store/demo-ko/orders",
        rows: "div",
        orderId: ":scope > a",
        status: ":scope > span",
        unpaidWords: [],
        taughtAt: 1,
      },
    );
    expect(reply.err?.message).toMatch(/refused|not allowed/i);
    expect(
      await dbRows<{ key: string; value: unknown }>(
        await ext().extPage(),
        "settings",
      ),
    ).toEqual(before);

    const popup = await popupOver(URL_KO);
    await popup.locator(".page-reading > summary").click();
    await popup.locator('[data-action="teach-page"]').click();
    await expect
      .poll(() => page.locator("paynudge-teach").count(), { timeout: 10_000 })
      .toBe(1);
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.locator("paynudge-teach").count(), { timeout: 5_000 })
      .toBe(0);
    // After Esc, clicks reach the page again: its link is followed.
    await page.locator('[data-row="0"] .order-link').click();
    await expect.poll(() => page.url()).toMatch(/\/orders\/5501$/);
    await popup.close();
    await page.close();
  });

  it("teaches the order list inside a frame, from that frame's section of the popup", async () => {
    const page = await ext().context.newPage();
    await page.goto(FRAMED);
    const popup = await popupOver(FRAMED);
    await popup.locator(".page-reading > summary").click();
    const section = popup
      .locator(".frame-reading")
      .filter({ hasText: "trade.taobao.com" });
    await section.locator('[data-action="teach-page"]').click();
    const frame = page.frame({ url: FRAME_URL })!;
    await expect
      .poll(() => frame.locator("paynudge-teach").count(), { timeout: 10_000 })
      .toBe(1);
    // The page around the frame is not being taught.
    expect(await page.locator("paynudge-teach").count()).toBe(0);
    const list = page.frameLocator("#sold");
    await list.locator('[data-row="0"] .total').click();
    await list.locator('[data-row="0"] .order-link').click();
    await list.locator('[data-row="0"] .pill').click();
    await list.locator('[data-row="0"] .when').click();

    await popup.reload();
    const draft = popup.locator(".teach-draft");
    await expect.poll(() => draft.count(), { timeout: 10_000 }).toBe(1);
    expect(await draft.locator(".teach-page").textContent()).toBe(
      "trade.taobao.com/trade/itemlist/list_sold_items_ko.htm",
    );
    await draft.getByLabel(/결제 대기/).check();
    await draft.locator('[data-action="save-taught"]').click();
    await expect
      .poll(() => frame.locator("paynudge-teach").count(), { timeout: 10_000 })
      .toBe(0);
    const states = await until(
      () => badgeStateById(frame),
      (s) => activeOrders(s).length === UNPAID.length,
    );
    expect(activeOrders(states)).toEqual([...UNPAID].sort());
    await popup.close();
    await page.close();
  });
});
