import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Page } from "@/test/support/browser/harness";
import { fixture, onRealUrls } from "@/test/support/browser/fixture-pages";

/*
 * "What PayNudge reads on this page" in the popup, in real Chromium on the platforms' real URLs:
 * each frame's reader and counts as the badges show them, the readers it tried, a saved structure
 * report holding no order number or buyer, and a page PayNudge does not run on said so.
 */

const LEGACY = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";
const FRAMED =
  "https://myseller.taobao.com/home.htm/trade-platform/tp/legacy-sold";
const ELSEWHERE = "https://erp.example.com/orders";
const ADS = "https://mms.pinduoduo.com/orders/list-ads";

const ext = onRealUrls({
  "trade.taobao.com/trade/itemlist/list_sold_items.htm":
    fixture("taobao-legacy.html"),
  "myseller.taobao.com/home.htm/trade-platform/tp/legacy-sold": fixture(
    "taobao-legacy-frame.html",
  ),
  "erp.example.com/orders": fixture("generic-unknown.html"),
  "mms.pinduoduo.com/orders/list-ads": fixture("ad-cards.html"),
});

/** Opens `url` and waits for its badges (in any frame) when PayNudge runs there. */
async function openPage(url: string, badges: number): Promise<Page> {
  const page = await ext().context.newPage();
  await page.goto(url);
  if (badges)
    await expect
      .poll(
        async () => {
          let n = 0;
          for (const frame of page.frames())
            n += await frame
              .locator("[data-paynudge-order][data-paynudge-state]")
              .count();
          return n;
        },
        { timeout: 15_000 },
      )
      .toBe(badges);
  return page;
}

/**
 * The popup, opened over the tab showing `url` (its `?tab=`), with its page reading shown. A tab
 * of a site the extension has no permission for shows it no URL: the one tab without one.
 */
async function popupOver(url: string): Promise<Page> {
  const tabId = await (
    await ext().extPage()
  ).evaluate(async (pattern) => {
    const tabs = await chrome.tabs.query({});
    return (
      tabs.find((tab) => tab.url?.startsWith(pattern)) ??
      tabs.find((tab) => tab.url === undefined)
    )?.id;
  }, url);
  expect(tabId).toBeGreaterThan(0);
  const popup = await ext().context.newPage();
  await popup.goto(`${ext().popupUrl}?tab=${tabId}`);
  await popup.locator(".page-reading > summary").click();
  return popup;
}

describe("what PayNudge reads on this page", () => {
  it("shows the reader, rows, orders and unpaid orders of a Taobao order list, as its badges show", async () => {
    const page = await openPage(LEGACY, 4);
    const popup = await popupOver(LEGACY);
    const frame = popup.locator('.frame-reading[data-reader="taobao-legacy"]');
    await expect.poll(() => frame.count(), { timeout: 10_000 }).toBe(1);
    expect(await frame.locator("h3").textContent()).toBe(
      "trade.taobao.com/trade/itemlist/list_sold_items.htm",
    );
    expect(await frame.locator(".reader").textContent()).toBe(
      "识别方式：taobao-legacy",
    );
    expect(await frame.locator(".counts").textContent()).toBe(
      "4 行 · 4 个订单 · 2 个待付款",
    );
    expect(await frame.locator(".skipped").count()).toBe(0);

    // The report saved for support: the reading, with no order number or buyer of the page.
    const [download] = await Promise.all([
      popup.waitForEvent("download"),
      popup.locator('[data-action="save-report"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^paynudge-page-report-\d{8}-\d{4}\.json$/,
    );
    const report = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(report).toMatchObject({
      kind: "paynudge-page-report",
      frames: [{ reader: "taobao-legacy", rows: 4, orders: 4, unpaid: 2 }],
    });
    const text = JSON.stringify(report);
    const pageText = await page.locator("body").innerText();
    for (const id of pageText.match(/\d{19}/g) ?? [])
      expect(text).not.toContain(id);
    expect(pageText.match(/\d{19}/g)?.length).toBeGreaterThanOrEqual(4);
    expect(text).toContain("9{19}");
    await popup.close();
    await page.close();
  });

  it("reads every frame: the order list inside Qianniu's frame, and the frame around it", async () => {
    const page = await openPage(FRAMED, 4);
    const popup = await popupOver(FRAMED);
    const framed = popup.locator('.frame-reading[data-reader="taobao-legacy"]');
    await expect.poll(() => framed.count(), { timeout: 10_000 }).toBe(1);
    expect(await framed.locator(".counts").textContent()).toBe(
      "4 行 · 4 个订单 · 2 个待付款",
    );
    // The page around the frame shows no rows of its own.
    const outer = popup.locator('.frame-reading[data-reader=""]');
    expect(await outer.count()).toBe(1);
    expect(await outer.locator("h3").textContent()).toBe(
      "myseller.taobao.com/home.htm/trade-platform/tp/legacy-sold",
    );
    expect(await outer.locator(".reader").textContent()).toBe("未找到订单行");
    await popup.close();
    await page.close();
  });

  it("lists what the generic reader refused on a redesigned list, with why", async () => {
    const page = await openPage(ADS, 4);
    const popup = await popupOver(ADS);
    const frame = popup.locator('.frame-reading[data-reader="generic-pdd"]');
    await expect.poll(() => frame.count(), { timeout: 10_000 }).toBe(1);
    expect(await frame.locator(".tried").textContent()).toMatch(/pdd/);
    const off = frame.locator('summary[data-reason="offContent"]');
    expect(await off.textContent()).toMatch(
      /^\d+ 处在弹窗、横幅、广告或站外链接里$/,
    );
    // Its example shows the make-up of one, not its words.
    await off.click();
    const example = await frame.locator(".skipped pre").first().textContent();
    expect(example).toContain('"tag"');
    expect(example).not.toMatch(/\d{6}/);
    await popup.close();
    await page.close();
  });

  it("says so on a page PayNudge does not run on", async () => {
    const page = await openPage(ELSEWHERE, 0);
    const popup = await popupOver(ELSEWHERE);
    await expect
      .poll(() => popup.locator(".page-reading .not-here").textContent(), {
        timeout: 10_000,
      })
      .toBe("PayNudge 没有在此页面上运行。");
    await popup.close();
    await page.close();
  });
});
