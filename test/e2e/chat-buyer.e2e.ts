import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import { sameBuyer } from "@/lib/model/same-buyer";
import {
  closedRoot,
  demoShopRoute,
  openDemoShop,
  startServer,
  until,
  type Extension,
  type Page,
  IN_PAGE_PANEL,
} from "@/test/support/browser/harness";

/*
 * The right buyer's chat (issue 13): with one buyer's chat open, 插入聊天框 from another order's
 * panel puts nothing into it and says whose chat is open (copying still works); in the order's own
 * buyer's chat the message goes in; in a chat whose buyer the page does not show, it goes in with
 * a visible warning. The demo shop keeps one conversation per buyer, like a real 旺旺 window.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const UNPAID = demoOrders(T)
  .slice(0, 15)
  .filter((o) => o.status === "等待买家付款");
/** Buyer A's order, whose chat is open first. */
const A = UNPAID[0]!;
/** Another unpaid order whose buyer's visible characters differ from A's. */
const B = UNPAID.find((o) => sameBuyer(o.buyer, A.buyer) === "different")!;

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

const badge = (id: string) => closedRoot(shop, `[data-paynudge-order="${id}"]`);
const action = (text: string) => ({ css: ".pn-panel button", text });
const CHECK = ".pn-panel [data-paynudge-chat-check]";
const STATUS = '.pn-panel [role="status"]';
const openChatOf = (id: string) =>
  shop
    .locator(".trade-order-main", {
      has: shop.locator(`input[name="orderid"][value="${id}"]`),
    })
    .locator("[data-chat]")
    .click();
const chatInput = () => shop.locator("#ww-input").textContent();
const clipboard = () => shop.evaluate(() => navigator.clipboard.readText());

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ({ ext, shop } = await openDemoShop(server, {
    ...IN_PAGE_PANEL,
    agentName: "小美",
  }));
  expect(B).toBeDefined();
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("inserting into the open chat checks whose chat it is", () => {
  it("refuses to put order B's message into buyer A's chat, says whose chat is open, and still copies", async () => {
    await openChatOf(A.id);
    await expect
      .poll(() => shop.locator("#ww-buyer").textContent())
      .toBe(A.buyer);
    const b = badge(B.id);
    await b.click("button");
    await expect.poll(() => b.isVisible(".pn-panel")).toBe(true);
    const insert = action("插入聊天框");
    await expect.poll(() => b.prop(insert, "disabled")).toBe(false);
    await b.click(insert);
    await expect
      .poll(() => b.text(CHECK))
      .toBe(
        `当前聊天是买家「${A.buyer}」，不是本订单的买家「${B.buyer}」，未插入。可复制话术后发给本订单的买家。`,
      );
    expect(await b.isVisible(CHECK)).toBe(true);
    expect(await b.text(STATUS)).toBe("");
    expect(await chatInput()).toBe("");

    // Copying B's message still works (the badge click copied it already: start from a blank).
    await shop.evaluate(() => navigator.clipboard.writeText("untouched"));
    await b.click(action("复制话术"));
    const copied = await until(clipboard, (text) => text !== "untouched");
    expect(copied).toBe(await b.text(".pn-panel [data-paynudge-preview]"));
    expect(copied).toContain(B.buyer);
    await expect.poll(() => b.text(STATUS)).toBe("已复制");
  });

  it("puts B's message in once B's chat is open, and A's chat keeps its own (empty) draft", async () => {
    await openChatOf(B.id);
    await expect
      .poll(() => shop.locator("#ww-buyer").textContent())
      .toBe(B.buyer);
    const b = badge(B.id);
    // The panel stays open while the agent switches chats on the page.
    expect(await b.isVisible(".pn-panel")).toBe(true);
    await b.click(action("插入聊天框"));
    const expected = await b.text(".pn-panel [data-paynudge-preview]");
    expect(expected).toContain(B.buyer);
    await expect.poll(chatInput).toBe(expected);
    await expect.poll(() => b.text(STATUS)).toBe("已插入");
    expect(await b.exists(CHECK)).toBe(false);

    await openChatOf(A.id);
    await expect
      .poll(() => shop.locator("#ww-buyer").textContent())
      .toBe(A.buyer);
    expect(await chatInput()).toBe("");
  });

  it("inserts with a visible warning into a chat whose buyer the page does not show", async () => {
    // The recent-messages view: its header names no buyer.
    await shop.locator(".site-nav [data-chat]").click();
    await expect.poll(() => shop.locator("#ww-inbox").isVisible()).toBe(true);
    expect(await chatInput()).toBe("");
    const b = badge(B.id);
    // The panel stays open while the agent switches chats on the page.
    expect(await b.isVisible(".pn-panel")).toBe(true);
    await b.click(action("插入聊天框"));
    const expected = await b.text(".pn-panel [data-paynudge-preview]");
    await expect.poll(chatInput).toBe(expected);
    await expect
      .poll(() => b.text(CHECK))
      .toBe("未能确认聊天对象，请核对买家后再发送。");
    expect(await b.isVisible(CHECK)).toBe(true);
    expect(await b.text(STATUS)).toBe("已插入");
  });
});
