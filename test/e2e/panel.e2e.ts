import { format } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import {
  badgeStates,
  closedRoot,
  dbRows,
  demoShopRoute,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
  openDemoShop,
  orderPage,
  IN_PAGE_PANEL,
} from "@/test/support/browser/harness";

/*
 * The agent's workflow on the order page (issue 5): the badge opens the nudge panel, the message
 * goes into the page's chat box, the outcome and reason are logged, the standard note goes into
 * the memo field, and a colleague's fresh note stops a second nudge.
 */

const MIN = 60_000;
const T = Math.floor(Date.now() / 1000) * 1000;
const ORDERS = demoOrders(T);
const TARGET = ORDERS.slice(0, 15).find(
  (o) => o.status === "等待买家付款" && o.createdAt + 30 * MIN < T - 30 * MIN,
)!;
/** Another waiting order, for the buyer who no longer wants it. */
const DECLINING = ORDERS.slice(0, 15).find(
  (o) => o.status === "等待买家付款" && o.id !== TARGET.id,
)!;
const COLLEAGUE_PAGE = "/paynudge-demo/colleague.htm";
const COLLEAGUE_ID = "3905128888888888888";

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

/** The badge's closed shadow root, where the panel opens too (reached through CDP). */
const badge = (page: Page, id: string) =>
  closedRoot(page, `[data-paynudge-order="${id}"]`);
/** The panel's button with this text. */
const action = (text: string) => ({ css: ".pn-panel button", text });
const row = (page: Page, id: string) =>
  page.locator(".trade-order-main", {
    has: page.locator(`input[name="orderid"][value="${id}"]`),
  });

beforeAll(async () => {
  server = await startServer({
    routes: [
      demoShopRoute(() => T),
      orderPage(COLLEAGUE_PAGE, () => {
        const noteAt = Date.now() - 5 * MIN;
        const order = {
          id: COLLEAGUE_ID,
          createdAt: Date.now() - 50 * MIN,
          status: "等待买家付款" as const,
          buyer: "青***柚",
          items: [
            {
              title: "真丝眼罩 助眠",
              sku: "颜色分类：香槟",
              price: "69.00",
              quantity: 1,
            },
          ],
          total: "69.00",
          memo: `${format(noteAt, "MM-dd HH:mm")} 阿华 第1次 晚上付款`,
        };
        return [order];
      }),
    ],
  });
  ({ ext, shop } = await openDemoShop(server, {
    ...IN_PAGE_PANEL,
    agentName: "小美",
  }));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("the nudge panel on the order page", () => {
  it("copies the best-fitting message with one click and opens the panel with the templates that fit", async () => {
    const b = badge(shop, TARGET.id);
    await b.click("button");
    const copied = await until(
      () => shop.evaluate(() => navigator.clipboard.readText()),
      (text) => text.includes(TARGET.buyer),
    );
    expect(copied).toContain(TARGET.items[0]!.title);
    await expect.poll(() => b.isVisible(".pn-panel")).toBe(true);
    const preview = await b.text(".pn-panel [data-paynudge-preview]");
    expect(preview).toBe(copied);
    const options = await b.evaluate<number>(
      `function () { return this.querySelector(".pn-panel select").options.length; }`,
    );
    expect(options).toBeGreaterThan(3);
  });

  it("inserts the message into the chat box the agent opened, without doubling it", async () => {
    await row(shop, TARGET.id).locator("[data-chat]").click();
    const b = badge(shop, TARGET.id);
    const insert = action("插入聊天框");
    await expect.poll(() => b.prop(insert, "disabled")).toBe(false);
    await b.click(insert);
    const expected = await b.text(".pn-panel [data-paynudge-preview]");
    await expect
      .poll(() => shop.locator("#ww-input").textContent())
      .toBe(expected);
    await b.click(insert);
    await shop.waitForTimeout(300);
    expect(await shop.locator("#ww-input").textContent()).toBe(expected);
  });

  it("logs outcome and reason, writes the standard note into the memo field, and the badge moves on", async () => {
    const before = (await badgeStates(shop))[TARGET.id]!;
    const p = badge(shop, TARGET.id);
    await p.click({ label: "会付款" });
    expect(await p.prop({ label: "会付款" }, "checked")).toBe(true);
    await p.select({ label: "预计付款" }, "evening");
    await p.select({ label: "未付原因" }, "shipping-cost");
    const note = (await p.text(".pn-panel [data-paynudge-note]"))!;
    expect(note).toMatch(/^\d{2}-\d{2} \d{2}:\d{2} 小美 第1次 晚上付款/);

    await row(shop, TARGET.id).locator("[data-memo-for]").click();
    const insertNote = action("写入备注栏");
    await expect.poll(() => p.prop(insertNote, "disabled")).toBe(false);
    await p.click(insertNote);
    await expect.poll(() => shop.locator("#memo-text").inputValue()).toBe(note);

    await p.click(action("记录本次催付"));
    await expect.poll(() => p.text('.pn-panel [role="status"]')).toBe("已记录");
    const logs = await dbRows<Record<string, unknown>>(
      await ext.extPage(),
      "nudges",
    );
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      orderKey: `taobao:${TARGET.id}`,
      channel: "chat",
      agent: "小美",
      outcome: "will-pay",
      reason: "shipping-cost",
      when: "evening",
      note,
    });
    expect(typeof logs[0]!.templateId).toBe("string");

    // Saving the memo on the page: the note is now the shared record other agents see.
    await shop.locator("#memo-save").click();
    await expect
      .poll(() =>
        row(shop, TARGET.id).locator(".memo-mod__text___2zN8k").textContent(),
      )
      .toBe(note);
    const after = await until(
      () => badgeStates(shop),
      (s) => s[TARGET.id]!.due !== before.due,
    );
    expect(Number(after[TARGET.id]!.due)).toBeGreaterThan(Date.now());
    const stored = await until(
      async () =>
        (
          await dbRows<{ key: string; memo?: string; nudgeCount: number }>(
            await ext.extPage(),
            "orders",
          )
        ).find((o) => o.key === `taobao:${TARGET.id}`),
      (o) => o?.memo === note,
    );
    expect(stored!.nudgeCount).toBe(1);
  });

  it("stops nudging a buyer who no longer wants the order, and offers the polite close instead", async () => {
    const p = badge(shop, DECLINING.id);
    const button = {
      click: () => p.click("button"),
      textContent: () => p.text("button"),
    };
    await button.click();
    await expect.poll(() => p.isVisible(".pn-panel")).toBe(true);
    await p.click({ label: "不想要了" });
    expect(await p.prop({ label: "不想要了" }, "checked")).toBe(true);
    await p.click(action("记录本次催付"));
    await expect.poll(() => p.text('.pn-panel [role="status"]')).toBe("已记录");
    await expect
      .poll(async () => (await badgeStates(shop))[DECLINING.id])
      .toEqual({ state: "declined", due: "" });
    // Once the "copied" flash of the click has gone, the badge says so in words.
    await expect
      .poll(() => button.textContent(), { timeout: 5_000 })
      .toContain("买家不要了");
    const stored = (
      await dbRows<{ key: string; declinedAt?: number; nextDueAt?: number }>(
        await ext.extPage(),
        "orders",
      )
    ).find((o) => o.key === `taobao:${DECLINING.id}`)!;
    expect(stored.declinedAt).toBeGreaterThan(T);
    expect(stored.nextDueAt).toBeUndefined();
    // Opened again, the panel copies thanks and an offer to close, not another reminder.
    await button.click();
    await expect.poll(() => p.isVisible(".pn-panel")).toBe(false);
    await button.click();
    const copied = await until(
      () => shop.evaluate(() => navigator.clipboard.readText()),
      (text) => text.includes("谢谢您告诉我们"),
    );
    expect(copied).toContain(DECLINING.items[0]!.title);
    await button.click();
  });

  it("warns about a colleague's fresh note and holds every nudge action until the agent insists", async () => {
    const page = await ext.context.newPage();
    await page.goto(server.origin + COLLEAGUE_PAGE);
    await waitForBadges(page, 1);
    // The badge itself tells who reminded the buyer, from the memo.
    const b = badge(page, COLLEAGUE_ID);
    await expect.poll(() => b.text("button")).toContain("阿华");
    await page.evaluate(() => navigator.clipboard.writeText("untouched"));
    await b.click("button");
    const warning = '.pn-panel [data-paynudge-warning="cooldown"]';
    await expect.poll(() => b.isVisible(warning)).toBe(true);
    expect(await b.text(warning)).toContain("阿华");
    // Inside the cooldown the badge click must not have copied a second reminder.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "untouched",
    );
    const copy = action("复制话术");
    const log = action("记录本次催付");
    expect(await b.prop(copy, "disabled")).toBe(true);
    expect(await b.prop(log, "disabled")).toBe(true);
    await b.click(action("仍要再催一次"));
    await expect.poll(() => b.prop(copy, "disabled")).toBe(false);
    expect(await b.text(".pn-panel [data-paynudge-note]")).toContain(
      "小美 第2次",
    );
    await page.close();
  });

  it("the day's report in the options page counts what was logged here, reasons with what to do", async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const report = options.locator('section[aria-label="催付报告"]');
    await expect
      .poll(() => report.getByTestId("report-summary").textContent())
      .toBe("催付 2 次，涉及 2 个订单，其中 0 个已付款");
    const outcomes = report.getByTestId("report-outcomes");
    expect(
      await outcomes.locator('[data-outcome="will-pay"] td').textContent(),
    ).toBe("1");
    expect(
      await outcomes.locator('[data-outcome="not-wanted"] td').textContent(),
    ).toBe("1");
    const shipping = report.locator('[data-reason="shipping-cost"]');
    expect(await shipping.locator("th").textContent()).toBe("嫌运费贵");
    expect(await shipping.locator("td").first().textContent()).toBe("1");
    await report.getByLabel("最近 7 天").check();
    await expect
      .poll(() => report.getByTestId("report-summary").textContent())
      .toBe("催付 2 次，涉及 2 个订单，其中 0 个已付款");
    await options.close();
  });
});
