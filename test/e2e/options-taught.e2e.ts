import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dbRows,
  putSettings,
  startExtension,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * The options page's 教过的页面 section in Chromium (issue 14): what the background stores is what
 * the list shows, after each edit, removal and undo, without reloading the page.
 */

let ext: Extension;
let options: Page;

const TAUGHT = {
  host: "erp.example.cn",
  path: "/orders/list",
  rows: "table.orders > tbody > tr",
  orderId: ":scope > td:nth-child(2)",
  status: ":scope > td:nth-child(5)",
  unpaidWords: ["待付款"],
  taughtAt: Date.UTC(2026, 10, 23, 1, 5),
};
const PAGE = "erp.example.cn/orders/list";

const section = () => options.locator('section[aria-label="教过的页面"]');
const storedReaders = async () =>
  (await dbRows<{ key: string; value: unknown }>(options, "settings")).find(
    (row) => row.key === "taughtReaders",
  )?.value;

beforeAll(async () => {
  ext = await startExtension();
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await section().waitFor();
});

afterAll(async () => {
  await ext?.close();
});

describe("options page: taught pages", () => {
  it("says how to teach a page while none is taught", async () => {
    await expect
      .poll(() => section().getByTestId("taught-empty").textContent())
      .toContain("教 PayNudge 读这个页面");
  });

  it("edits a taught page's reader, refusing a selector Chromium cannot parse", async () => {
    await putSettings(options, { taughtReaders: [TAUGHT] });
    await options.reload();
    const item = section().locator(`[data-taught-page="${PAGE}"]`);
    await expect.poll(() => item.textContent()).toContain("算作待付款：待付款");

    await item.getByRole("button", { name: `编辑 ${PAGE}` }).click();
    const rows = item.getByLabel("订单行（整页）");
    await rows.fill("table.orders >> tr");
    await item.getByRole("button", { name: "保存" }).click();
    await expect
      .poll(() => item.getByRole("alert").textContent())
      .toBe("不是有效的 CSS 选择器");
    expect(await storedReaders()).toEqual([TAUGHT]);

    await rows.fill("div.order-card");
    await item.getByLabel("算作待付款的状态文字").fill("待付款，等待买家付款");
    await item.getByRole("button", { name: "保存" }).click();
    await expect
      .poll(() => section().getByRole("status").textContent())
      .toBe(`已保存 ${PAGE}`);
    const edited = {
      ...TAUGHT,
      rows: "div.order-card",
      unpaidWords: ["待付款", "等待买家付款"],
    };
    expect(await storedReaders()).toEqual([edited]);
    await expect
      .poll(() => item.textContent())
      .toContain("算作待付款：待付款、等待买家付款");
  });

  it("removes a taught page, and the undo puts it back", async () => {
    await section()
      .getByRole("button", { name: `移除 ${PAGE}` })
      .click();
    await expect
      .poll(() => section().getByTestId("taught-empty").count())
      .toBe(1);
    expect(await storedReaders()).toEqual([]);

    await section()
      .getByRole("button", { name: `撤销移除 ${PAGE}` })
      .click();
    await expect
      .poll(() => section().locator(`[data-taught-page="${PAGE}"]`).count())
      .toBe(1);
    expect(await storedReaders()).toHaveLength(1);
  });
});
