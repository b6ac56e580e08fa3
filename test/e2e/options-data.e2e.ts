import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import {
  dbCounts,
  DEMO_PAGE,
  demoShopRoute,
  startExtension,
  startServer,
  waitForBadges,
  type Extension,
  type Page,
} from "./harness";

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let options: Page;
const T = Math.floor(Date.now() / 1000) * 1000;

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ext = await startExtension();
  const shop = await ext.context.newPage();
  await shop.goto(server.origin + DEMO_PAGE);
  await waitForBadges(shop, 15);
  await shop.close();
  options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.waitForSelector('input[name="agentName"]');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("options page: settings and data", () => {
  it("saves the agent nickname and keeps it after a reload", async () => {
    await options.fill('input[name="agentName"]', "阿华");
    await options.click('form[aria-label="常规"] button[type="submit"]');
    await expect
      .poll(() =>
        options
          .locator('form[aria-label="常规"] [role="status"]')
          .textContent(),
      )
      .toBe("已保存");
    await options.reload();
    await expect
      .poll(() => options.inputValue('input[name="agentName"]'))
      .toBe("阿华");
  });

  it("exports everything, wipes it, and imports it back complete", async () => {
    const download = options.waitForEvent("download");
    await options.getByText("导出全部数据（JSON 备份）").click();
    const file = await (await download).path();
    const backup = JSON.parse(await readFile(file, "utf8"));
    expect(backup.format).toBe("paynudge-backup");
    expect(backup.tables.orders).toHaveLength(15);
    const before = await dbCounts(options);
    expect(before).toMatchObject({ orders: 15, settings: 2 });

    await options.getByRole("button", { name: "删除全部数据" }).click();
    await options
      .getByRole("button", { name: "确认删除", exact: true })
      .click();
    await expect
      .poll(() =>
        options
          .locator('section[aria-label="数据"] [role="status"]')
          .textContent(),
      )
      .toBe("全部数据已删除。");
    expect(await dbCounts(options)).toMatchObject({
      orders: 0,
      nudges: 0,
      settings: 0,
    });
    await expect.poll(() => ext.notificationIds()).toEqual([]);

    options.once("dialog", (dialog) => void dialog.accept());
    await options.setInputFiles('[data-testid="import-file"]', file);
    await expect
      .poll(() =>
        options
          .locator('section[aria-label="数据"] [role="status"]')
          .textContent(),
      )
      .toBe("已导入：15 个订单，0 条催付记录，2 项设置。");
    expect(await dbCounts(options)).toEqual(before);
    const ids = new Set(
      backup.tables.orders.map((o: { orderId: string }) => o.orderId),
    );
    expect(
      demoOrders(T)
        .slice(0, 15)
        .every((o) => ids.has(o.id)),
    ).toBe(true);
    await expect
      .poll(() => options.inputValue('input[name="agentName"]'))
      .toBe("阿华");

    const popup = await ext.extPage();
    await popup.reload();
    await popup.waitForSelector("[data-paynudge-popup-item]");
  });

  it("refuses a malformed import with a clear message and loses nothing", async () => {
    const before = await dbCounts(options);
    await options.setInputFiles('[data-testid="import-file"]', {
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        '{"format":"paynudge-backup","version":1,"exportedAt":1,"tables":{"orders":[{"key":"<script>"}]}}',
      ),
    });
    await expect
      .poll(() =>
        options
          .locator('section[aria-label="数据"] [role="status"]')
          .textContent(),
      )
      .toContain("导入失败，现有数据未改动");
    expect(await dbCounts(options)).toEqual(before);
  });
});
