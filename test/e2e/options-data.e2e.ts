import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOrders } from "../../demo/orders.mjs";
import {
  dbCounts,
  dbRows,
  DEMO_PAGE,
  demoShopRoute,
  putSettings,
  startExtension,
  startServer,
  waitForBadges,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let options: Page;
let tmp: string;
const T = Math.floor(Date.now() / 1000) * 1000;

/** The report's stored lines (lib/db/report-digest/): orders marked out of date, keys with a line. */
const reportLines = async () => ({
  marked: (await dbRows<{ keys: string[] }>(options, "reportDirty")).flatMap(
    (row) => row.keys,
  ).length,
  keys: (await dbRows<{ keys: string }>(options, "reportDays"))
    .flatMap((day) => day.keys.split("\u0000"))
    .sort(),
});

const dataStatus = () =>
  options.locator('section[aria-label="数据"] [role="status"]').textContent();

/** Chooses a backup file in the options page's import (its confirmation is accepted). */
async function importFile(file: string | { name: string; buffer: Buffer }) {
  await options.setInputFiles(
    '[data-testid="import-file"]',
    typeof file === "string" ? file : { ...file, mimeType: "application/json" },
  );
}

/** Rows put straight into one store of the extension's IndexedDB. */
async function putRows(page: Page, store: string, rows: unknown[]) {
  await page.evaluate(
    ({ store, rows }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(store, "readwrite");
          for (const row of rows) tx.objectStore(store).put(row);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, rows },
  );
}

/** An order last seen `days` ago. */
const oldOrder = (orderId: string, status: string, days: number) => ({
  key: `taobao:${orderId}`,
  platform: "taobao",
  orderId,
  status,
  items: [{ title: "加厚珊瑚绒四件套" }],
  pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
  firstSeenAt: T - (days + 1) * 86_400_000,
  lastSeenAt: T - days * 86_400_000,
  nudgeCount: 0,
});

const MALFORMED = (tables: unknown) =>
  Buffer.from(
    JSON.stringify({
      format: "paynudge-backup",
      version: 1,
      exportedAt: 1,
      tables,
    }),
  );

/**
 * A large shop's backup as PayNudge exports it: 100 000 orders (paid ones, and some unpaid with a
 * nudge planned tomorrow), each with the fields a real list shows; over 64 MiB, Chrome's message limit.
 */
async function bigBackup(path: string, count: number): Promise<number> {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const orderId = String(3_905_120_000_000_000_000n + BigInt(i));
    const unpaid = i % 1000 === 0;
    parts.push(
      JSON.stringify({
        key: `taobao:${orderId}`,
        platform: "taobao",
        orderId,
        status: unpaid ? "unpaid" : "paid",
        statusText: unpaid ? "等待买家付款" : "买家已付款",
        createdAt: T - 86_400_000 - i * 1000,
        amountCents: 19_900 + (i % 500) * 100,
        currency: "CNY",
        buyer: `买家${i % 9000}**`,
        items: [
          {
            title: `加厚珊瑚绒四件套 冬季保暖 双人床单被套 款式${i % 37} 颜色可选`,
            attrs: `颜色分类：雾霾蓝 尺寸：1.8m床（被套200x230cm）编号${i}`,
            priceCents: 19_900,
            quantity: 1 + (i % 3),
          },
          { title: `赠品：枕套一对 编号${i}`, quantity: 1 },
        ],
        memo: `11-23 14:05 阿华 第${1 + (i % 3)}次 晚上付款 客户说等工资到账再付，已备注优先发货 ${i}`,
        pageUrl:
          "https://trade.taobao.com/trade/itemlist/list_sold_items.htm?action=itemlist/SoldQueryAction&tabCode=waitBuyerPay",
        shopName: "暖暖小铺",
        firstSeenAt: T - 86_400_000,
        lastSeenAt: T - 3_600_000,
        nudgeCount: i % 3,
        ...(unpaid
          ? { nextDueAt: T + 86_400_000, nextStep: "follow-up" }
          : { lastNudgeAt: T - 7_200_000, lastAgent: "阿华" }),
      }),
    );
  }
  const text = `{"format":"paynudge-backup","version":1,"exportedAt":${T},"tables":{"orders":[${parts.join(",")}],"nudges":[],"settings":[{"key":"agentName","value":"大店客服"}]}}`;
  await writeFile(path, text);
  return Buffer.byteLength(text);
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "paynudge-backup-"));
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ext = await startExtension();
  const shop = await ext.context.newPage();
  await shop.goto(server.origin + DEMO_PAGE);
  await waitForBadges(shop, 15);
  await shop.close();
  options = await ext.context.newPage();
  // The import's "replace all data?" confirmation, whenever it is asked.
  options.on("dialog", (dialog) => void dialog.accept());
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.waitForSelector('input[name="agentName"]');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
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

  it("exports the nudge log for Excel and WPS: Chinese headers and values, a 19-digit order number as text", async () => {
    const [order] = await dbRows<{ key: string; orderId: string }>(
      options,
      "orders",
    );
    expect(order?.orderId).toMatch(/^\d{19}$/);
    const nudge = {
      id: 990_001,
      orderKey: order!.key,
      at: T - 60_000,
      channel: "chat",
      outcome: "will-pay",
      note: "=1+1",
    };
    await putRows(options, "nudges", [nudge]);
    try {
      const download = options.waitForEvent("download");
      await options.getByText("导出催付记录（CSV）").click();
      const bytes = await readFile(await (await download).path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [head, row] = bytes.subarray(3).toString("utf8").split("\r\n");
      expect(head).toMatch(/^时间,平台,订单号,买家,催付方式,/);
      expect(row).toContain(`,淘宝/天猫,"\t${order!.orderId}",`);
      expect(row).toContain(",旺旺/聊天,");
      expect(row).toContain(",会付款,");
      expect(row).toContain(",'=1+1,");
    } finally {
      await options.evaluate(
        (id) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open("paynudge");
            open.onsuccess = () => {
              const tx = open.result.transaction("nudges", "readwrite");
              tx.objectStore("nudges").delete(id);
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(tx.error);
            };
          }),
        nudge.id,
      );
    }
  });

  it("exports everything, wipes it, and imports it back complete", async () => {
    const download = options.waitForEvent("download");
    await options.getByText("导出全部数据（JSON 备份）").click();
    const file = await (await download).path();
    const backup = JSON.parse(await readFile(file, "utf8"));
    expect(backup.format).toBe("paynudge-backup");
    expect(backup.tables.orders).toHaveLength(15);
    const before = await dbCounts(options);
    await expect
      .poll(async () => (await reportLines()).marked, { timeout: 15_000 })
      .toBe(0);
    const linesBefore = (await reportLines()).keys;
    expect(linesBefore.length).toBeGreaterThan(0);
    // Every setting written so far is exported (the welcome page's "shown" mark among them,
    // lib/background/welcome.ts), and the import brings back as many.
    expect(before.orders).toBe(15);
    expect(before.settings).toBeGreaterThanOrEqual(2);
    expect(backup.tables.settings).toHaveLength(before.settings!);

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

    await options.setInputFiles('[data-testid="import-file"]', file);
    await expect
      .poll(() =>
        options
          .locator('section[aria-label="数据"] [role="status"]')
          .textContent(),
      )
      .toBe(`已导入：15 个订单，0 条催付记录，${before.settings} 项设置。`);
    // Notices say what notifications are on screen: an import takes those down with them.
    expect(await dbCounts(options)).toEqual({ ...before, notices: 0 });
    // The report's lines are not in a backup: the background builds them anew from what
    // arrived, the same lines as before the wipe, no order left marked out of date.
    // The background folds a couple of seconds after the writes.
    await expect
      .poll(reportLines, { timeout: 15_000 })
      .toEqual({ marked: 0, keys: linesBefore });
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

  it.each<[string, unknown, string | RegExp]>([
    [
      "a script for a key",
      { orders: [{ key: "<script>" }] },
      // Which field and why, in Chinese: no validator text.
      /^导入失败，现有数据未改动：备份中的订单第 1 条记录无效。问题在「[^」]+」：[^A-Za-z]+。$/,
    ],
    [
      'replanAt: "soon"',
      {
        orders: [
          {
            key: "taobao:1",
            platform: "taobao",
            orderId: "1",
            status: "unpaid",
            items: [],
            pageUrl: "https://trade.taobao.com/",
            firstSeenAt: 1,
            lastSeenAt: 1,
            nudgeCount: 0,
            replanAt: "soon",
          },
        ],
      },
      "导入失败，现有数据未改动：备份中的订单第 1 条记录无效。问题在「replanAt」：应为数字。",
    ],
    [
      "the {toString:1} agent name",
      { settings: [{ key: "agentName", value: { toString: 1 } }] },
      "导入失败，现有数据未改动：备份中的设置第 1 条记录无效。问题在「客服昵称」：内容无效。",
    ],
    [
      "an unknown table",
      { secrets: [] },
      "导入失败，现有数据未改动：备份中有无法识别的数据表。",
    ],
  ])(
    "refuses a malformed import (%s) in Chinese and loses nothing",
    async (_what, tables, message) => {
      const before = await dbCounts(options);
      const agentBefore = await dbRows(options, "settings");
      await importFile({ name: "broken.json", buffer: MALFORMED(tables) });
      if (typeof message === "string")
        await expect.poll(dataStatus).toBe(message);
      else await expect.poll(dataStatus).toMatch(message);
      expect(await dbCounts(options)).toEqual(before);
      expect(await dbRows(options, "settings")).toEqual(agentBefore);
    },
  );

  it("a stored setting that is wrong does not blank the page: it reads as its default, with a warning naming it", async () => {
    await putSettings(options, {
      agentName: { toString: 1 },
      notificationsPaused: "no",
    });
    await options.reload();
    const warning = options.locator('[data-testid="settings-reset"]');
    await expect.poll(() => warning.textContent()).toContain("客服昵称");
    expect(await warning.textContent()).toContain("暂停通知");
    // The whole page is there: the nickname reads as its default (empty), export still works.
    expect(await options.inputValue('input[name="agentName"]')).toBe("");
    await expect
      .poll(() => options.getByText("导出全部数据（JSON 备份）").count())
      .toBe(1);
    // Saving the nickname again stores a valid value: its name leaves the warning.
    await options.fill('input[name="agentName"]', "阿华");
    await options.click('form[aria-label="常规"] button[type="submit"]');
    await expect.poll(() => warning.textContent()).not.toContain("客服昵称");
  });

  it("keeps paid and closed orders for the days the seller sets: a shorter retention prunes older ones, never an unpaid one", async () => {
    const form = 'form[aria-label="保留期限"]';
    const field = options.locator('input[name="retentionDays"]');
    const save = () => options.click(`${form} button[type="submit"]`);
    expect(await field.inputValue()).toBe("90");
    // Seen last 60 days ago: kept by the default 90 days.
    await putRows(options, "orders", [
      oldOrder("4100000000000000001", "paid", 60),
      oldOrder("4100000000000000002", "unpaid", 60),
      oldOrder("4100000000000000003", "closed", 20),
    ]);
    const keys = async () =>
      (await dbRows<{ key: string }>(options, "orders")).map((o) => o.key);

    await field.fill("7");
    await save();
    await expect
      .poll(() => options.locator(`${form} [role="alert"]`).textContent())
      .toBe("请输入 31–3650 之间的整数天数。");
    expect(await keys()).toContain("taobao:4100000000000000001");

    await field.fill("45");
    await save();
    await expect
      .poll(() => options.locator(`${form} [role="status"]`).textContent())
      .toBe("已保存");
    await expect.poll(keys).not.toContain("taobao:4100000000000000001");
    const left = await keys();
    expect(left).toContain("taobao:4100000000000000002");
    expect(left).toContain("taobao:4100000000000000003");
    // The demo shop's orders, seen minutes ago, are all still there.
    expect(left.length).toBeGreaterThanOrEqual(15 + 2);

    await options.reload();
    await expect.poll(() => field.inputValue()).toBe("45");
  });

  it("restores a 100 000-order backup larger than Chrome's message limit, in chunks, showing progress", async () => {
    const file = join(tmp, "paynudge-backup-big.json");
    const bytes = await bigBackup(file, 100_000);
    expect(bytes).toBeGreaterThan(64 * 1024 * 1024);
    const before = await dbCounts(options);

    // First a worker stopped mid-import: nothing changes, and the seller is asked to retry.
    await importFile(file);
    // Well before the last chunk, so the stop falls between staged chunks and the commit.
    await options.waitForFunction(
      () => {
        const text =
          document.querySelector('section[aria-label="数据"] [role="status"]')
            ?.textContent ?? "";
        const m = /^正在导入 (\d+)\/(\d+)$/.exec(text);
        return !!m && Number(m[1]) >= 2 && Number(m[1]) < Number(m[2]) - 5;
      },
      undefined,
      { timeout: 60_000, polling: 20 },
    );
    await ext.stopServiceWorkers();
    await expect
      .poll(dataStatus, { timeout: 60_000 })
      .toBe(
        "导入失败，现有数据未改动：导入中途被打断（扩展后台重新启动），请重新导入。",
      );
    expect(await dbCounts(options)).toEqual(before);

    // Then the same file again, to the end.
    const shown = new Set<string>();
    const watch = setInterval(
      () =>
        void dataStatus().then(
          (text) => text && shown.add(text),
          () => undefined,
        ),
      100,
    );
    try {
      await importFile(file);
      await expect
        .poll(dataStatus, { timeout: 240_000 })
        .toBe("已导入：100000 个订单，0 条催付记录，1 项设置。");
    } finally {
      clearInterval(watch);
    }
    const progress = [...shown].filter((text) =>
      /^正在导入 \d+\/\d+$/.test(text),
    );
    expect(progress.length).toBeGreaterThan(2);
    expect(await dbCounts(options)).toMatchObject({
      orders: 100_000,
      nudges: 0,
      settings: 1,
    });
    await expect
      .poll(() => options.inputValue('input[name="agentName"]'))
      .toBe("大店客服");
  }, 400_000);
});
