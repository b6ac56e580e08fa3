import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closedRoot,
  dbRows,
  demoShopRoute,
  openDemoShop,
  overdueDemoOrder,
  startServer,
  until,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * The workspace in the browser's side panel (issue 15): a badge's click opens it on that order,
 * covering nothing of the order page; it lists the day's queue, finds an order by its buyer or
 * number, and logs a nudge from the order's panel.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const TARGET = overdueDemoOrder(T);

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ({ ext, shop } = await openDemoShop(server, { agentName: "小美" }));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** The side panel pages Chromium lists (CDP Target.getTargets), by URL. */
async function sidePanels(): Promise<string[]> {
  const cdp = await ext.context.newCDPSession(await ext.extPage());
  try {
    const { targetInfos } = await cdp.send("Target.getTargets");
    return targetInfos
      .filter(
        (target) =>
          target.type === "page" &&
          target.url.startsWith(
            `chrome-extension://${ext.extensionId}/sidepanel.html`,
          ),
      )
      .map((target) => target.url);
  } finally {
    await cdp.detach();
  }
}

describe("the workspace beside the order page", () => {
  it("opens from a badge's click on that order, and the page keeps only its badges", async () => {
    const key = `taobao:${TARGET.id}`;
    await closedRoot(shop, `[data-paynudge-order="${TARGET.id}"]`).click(
      "button",
    );
    const urls = await until(sidePanels, (found) => found.length > 0);
    expect(new URL(urls[0]!).searchParams.get("order")).toBe(key);
    // No panel opened in the page: a hit test at the row's chat link reaches the page's own link.
    const hit = await shop.evaluate((id) => {
      const input = document.querySelector(
        `input[name="orderid"][value="${id}"]`,
      )!;
      const row = input.closest(".trade-order-main")!;
      const link = [...row.querySelectorAll("a")].find((a) =>
        /联系|旺旺|chat/i.test(a.textContent ?? ""),
      )!;
      link.scrollIntoView();
      const box = link.getBoundingClientRect();
      const at = document.elementFromPoint(
        box.left + box.width / 2,
        box.top + box.height / 2,
      );
      return at === link || link.contains(at);
    }, TARGET.id);
    expect(hit).toBe(true);
    expect(
      await closedRoot(shop, `[data-paynudge-order="${TARGET.id}"]`).exists(
        ".pn-panel",
      ),
    ).toBe(false);
  });

  it("shows the order, finds orders by buyer or number, and logs a nudge from the order's panel", async () => {
    const key = `taobao:${TARGET.id}`;
    const workspace = await ext.context.newPage();
    // The side panel's size: narrow and a window high.
    await workspace.setViewportSize({ width: 400, height: 800 });
    await workspace.goto(
      `chrome-extension://${ext.extensionId}/sidepanel.html?order=${encodeURIComponent(key)}`,
    );
    const panel = workspace.locator(".order-panel");
    await expect
      .poll(() => panel.getAttribute("data-order"), { timeout: 10_000 })
      .toBe(TARGET.id);
    expect(await panel.locator(".buyer").first().textContent()).toBe(
      TARGET.buyer,
    );
    // The open order is in view at once, beside its row in the queue, not below the day's rows.
    const inView = (selector: string) =>
      workspace.locator(selector).evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.top >= 0 && box.top < innerHeight && box.bottom > 0;
      });
    expect(await inView(".order-panel .buyer >> nth=0")).toBe(true);
    expect(await inView(`.queue .work-row[data-order="${TARGET.id}"]`)).toBe(
      true,
    );
    // The day's queue, this order among its rows.
    expect(
      await workspace
        .locator(`.queue .work-row[data-order="${TARGET.id}"]`)
        .count(),
    ).toBe(1);

    // Search by the buyer, then by the order number's last digits.
    const search = workspace.getByRole("searchbox");
    await search.fill(TARGET.buyer);
    const found = workspace.locator('[data-group="search"] .work-row');
    await expect
      .poll(() =>
        found.evaluateAll((rows) =>
          rows.map((r) => r.getAttribute("data-order")),
        ),
      )
      .toContain(TARGET.id);
    await search.fill(TARGET.id.slice(-8));
    await expect
      .poll(() =>
        found.evaluateAll((rows) =>
          rows.map((r) => r.getAttribute("data-order")),
        ),
      )
      .toEqual([TARGET.id]);
    await search.fill("");

    // Log the nudge from the panel: the background stores it, and the order moves on.
    const before = (
      await dbRows<{ orderKey: string }>(await ext.extPage(), "nudges")
    ).filter((n) => n.orderKey === key).length;
    await panel.getByRole("button", { name: "记录本次催付" }).click();
    await until(
      async () =>
        (
          await dbRows<{ orderKey: string }>(await ext.extPage(), "nudges")
        ).filter((n) => n.orderKey === key).length,
      (n) => n === before + 1,
    );
    await workspace.close();
  });
});

describe("ways into the workspace", () => {
  // The keyboard shortcut (manifest `commands`) is the browser's own accelerator, which headless
  // Chromium does not dispatch: its handler is unit-tested (test/unit/lib/background/shortcuts.test.ts).
  it("opens from the popup's 工作台 link", async () => {
    await closeSidePanels();
    const tabId = await (
      await ext.extPage()
    ).evaluate(async (origin) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url?.startsWith(origin))?.id;
    }, server.origin);
    const popup = await ext.context.newPage();
    await popup.goto(`${ext.popupUrl}?tab=${tabId}`);
    await popup.locator('[data-link="workspace"]').click();
    // The popup runs in a tab of its own here: the shop's side panel shows once its tab is active.
    await shop.bringToFront();
    const urls = await until(sidePanels, (found) => found.length > 0);
    expect(new URL(urls[0]!).pathname).toBe("/sidepanel.html");
    await popup.close();
  });
});

/** Closes every side panel page (CDP Target.closeTarget), so the next opening is seen. */
async function closeSidePanels(): Promise<void> {
  const cdp = await ext.context.newCDPSession(await ext.extPage());
  try {
    const { targetInfos } = await cdp.send("Target.getTargets");
    for (const target of targetInfos)
      if (target.url.includes("/sidepanel.html"))
        await cdp.send("Target.closeTarget", { targetId: target.targetId });
  } finally {
    await cdp.detach();
  }
  await until(sidePanels, (found) => found.length === 0);
}
