import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closedRoot,
  demoShopRoute,
  IN_PAGE_PANEL,
  openDemoShop,
  overdueDemoOrder,
  startServer,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";
import { expectNoAxeViolationsInClosedRoot } from "@/test/support/browser/axe";

/*
 * The in-page panel where there is no side panel (or the seller chose the page): a drawer docked to
 * the window's edge that never covers the order's row, its chat link, the platform's chat window or
 * its memo dialog, takes the focus when it opens, and closes on Esc anywhere and on a click outside
 * it (but not on the page's own controls: the agent opening the chat keeps it).
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const TARGET = overdueDemoOrder(T);

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ({ ext, shop } = await openDemoShop(server, IN_PAGE_PANEL));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const badge = () => closedRoot(shop, `[data-paynudge-order="${TARGET.id}"]`);
const drawerOpen = () => badge().isVisible(".pn-panel");

/** Whether a hit test at the centre of the page's element reaches it (not PayNudge's UI). */
function reachesPage(selector: string): Promise<boolean> {
  return shop.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const box = el.getBoundingClientRect();
    const at = document.elementFromPoint(
      box.left + box.width / 2,
      box.top + box.height / 2,
    );
    return !!at && (at === el || el.contains(at));
  }, selector);
}

const row = `input[name="orderid"][value="${TARGET.id}"]`;

async function openDrawer(): Promise<void> {
  await badge().click("button");
  await expect.poll(drawerOpen, { timeout: 10_000 }).toBe(true);
}

describe("the in-page drawer", () => {
  it("takes the focus, and covers neither the order's row and chat link nor the platform's chat window and memo dialog", async () => {
    await openDrawer();
    // The focus is inside the drawer (in the badge's closed root), not left on the page.
    await expect
      .poll(() =>
        badge().evaluate<boolean>(
          "function () { return this.activeElement !== null && this.activeElement.closest('.panel') !== null; }",
        ),
      )
      .toBe(true);
    const chat = await shop.evaluate((sel) => {
      const input = document.querySelector(sel)!;
      const link = input
        .closest(".trade-order-main")!
        .querySelector<HTMLElement>("[data-chat]")!;
      link.id = "target-chat";
      link.scrollIntoView({ block: "center" });
      input.closest<HTMLElement>(".trade-order-main")!.id = "target-row";
      return link.textContent;
    }, row);
    expect(chat).toBe("和我联系");
    expect(await reachesPage("#target-chat")).toBe(true);
    expect(await reachesPage(`#target-row ${"input"}`)).toBe(true);
    // The agent opens the chat from the row: the drawer stays, the chat window is not under it.
    await shop.locator("#target-chat").click();
    await expect.poll(() => shop.locator("#ww-chat").isVisible()).toBe(true);
    expect(await drawerOpen()).toBe(true);
    expect(await reachesPage("#ww-input")).toBe(true);
    // And the memo dialog.
    await shop.locator(`#target-row [data-memo-for="${TARGET.id}"]`).click();
    await expect
      .poll(() => shop.locator("#memo-dialog").isVisible())
      .toBe(true);
    expect(await drawerOpen()).toBe(true);
    expect(await reachesPage("#memo-dialog textarea")).toBe(true);
    await shop.locator("#memo-cancel").click();
  });

  it("closes on Esc pressed anywhere, and on a click outside it", async () => {
    if (!(await drawerOpen())) await openDrawer();
    // The page's title: text, no control of its own.
    await shop.getByText("PayNudge 演示店铺").click();
    await expect.poll(drawerOpen).toBe(false);
    // The page gets its width back.
    expect(
      await shop.evaluate(
        () => getComputedStyle(document.documentElement).paddingLeft,
      ),
    ).toBe("0px");

    await openDrawer();
    // Esc with the focus on the page, not in the drawer.
    await shop.evaluate(() => (document.activeElement as HTMLElement)?.blur());
    await shop.locator("body").focus();
    await shop.keyboard.press("Escape");
    await expect.poll(drawerOpen).toBe(false);
  });

  it("passes the axe check, as every badge state on the page does (contrast, labels, names)", async () => {
    if (!(await drawerOpen())) await openDrawer();
    await expectNoAxeViolationsInClosedRoot(
      shop,
      `[data-paynudge-order="${TARGET.id}"]`,
      "the open drawer and its badge",
    );
    const states = await shop.evaluate(() => {
      const first = new Map<string, string>();
      for (const host of document.querySelectorAll("[data-paynudge-order]")) {
        const state = host.getAttribute("data-paynudge-state") ?? "";
        if (!first.has(state))
          first.set(state, host.getAttribute("data-paynudge-order")!);
      }
      return [...first];
    });
    expect(states.length).toBeGreaterThan(1);
    for (const [state, id] of states)
      await expectNoAxeViolationsInClosedRoot(
        shop,
        `[data-paynudge-order="${id}"]`,
        `a badge in state ${state}`,
      );
  });
});
