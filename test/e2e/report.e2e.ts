import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_NAME } from "@/lib/db/name";
import { expectNoAxeViolations } from "@/test/support/browser/axe";
import {
  demoShopRoute,
  nudgesOf,
  openDemoShop,
  orderPage,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * The report's own page (issue 16) in real Chromium: two orders are nudged from the workspace on a
 * demo shop page, one is then shown paid on the page; the report, opened from the popup's link,
 * counts that one recovered with its amount, draws its charts with their data points, passes the
 * axe-core check, copies the daily report (日报) to the clipboard and saves it as a PNG.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const MIN = 60_000;
const PATH = "/paynudge-demo/report.htm";
const PAID = "3905120000000016001";
const UNPAID = "3905120000000016002";
/** Orders the page shows as paid: the test moves one here, as the platform would. */
const paid = new Set<string>();

const listed = () =>
  [
    {
      id: PAID,
      buyer: "春***雨",
      title: "手工陶瓷茶杯 两只装",
      price: "88.00",
    },
    { id: UNPAID, buyer: "秋***月", title: "竹编收纳篮 大号", price: "120.50" },
  ].map((o) => ({
    id: o.id,
    // Placed an hour ago: the first nudge (30 minutes after the order) is due.
    createdAt: T - 60 * MIN,
    status: paid.has(o.id)
      ? ("买家已付款" as const)
      : ("等待买家付款" as const),
    buyer: o.buyer,
    items: [{ title: o.title, sku: "默认", price: o.price, quantity: 1 }],
    total: o.price,
  }));

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;
let report: Page;

beforeAll(async () => {
  server = await startServer({
    routes: [demoShopRoute(() => T), orderPage(PATH, listed)],
  });
  ({ ext, shop } = await openDemoShop(server, { agentName: "小美" }));
  await shop.goto(server.origin + PATH);
  await waitForBadges(shop, 2);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Logs the order's nudge from the workspace's order panel, as an agent does. */
async function logNudge(id: string) {
  const workspace = await ext.context.newPage();
  await workspace.goto(
    `chrome-extension://${ext.extensionId}/sidepanel.html?order=${encodeURIComponent(`taobao:${id}`)}`,
  );
  const panel = workspace.locator(".order-panel");
  await expect
    .poll(() => panel.getAttribute("data-order"), { timeout: 10_000 })
    .toBe(id);
  await panel.getByRole("button", { name: "记录本次催付" }).click();
  // The background stores it.
  await until(
    async () => (await nudgesOf(await ext.extPage(), `taobao:${id}`)).length,
    (n) => n === 1,
  );
  await workspace.close();
}

/** The report's stored lines as the page's IndexedDB holds them: marked keys, keys with a line. */
const storedLines = (name: string) =>
  new Promise<{ marked: string[]; keys: string[] }>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(["reportDirty", "reportDays"]);
      const marks = tx.objectStore("reportDirty").getAll();
      const days = tx.objectStore("reportDays").getAll();
      tx.oncomplete = () => {
        open.result.close();
        resolve({
          marked: (marks.result as { keys: string[] }[]).flatMap(
            (row) => row.keys,
          ),
          keys: (days.result as { keys: string }[])
            .flatMap((day) => day.keys.split("\u0000"))
            .sort(),
        });
      };
    };
  });

/** A figure's cells on the report page: this period, previous, change. */
const figure = (id: string) =>
  report.$$eval(`[data-figure="${id}"] td`, (cells) =>
    cells.map((c) => c.textContent),
  );

describe("the report page", () => {
  it("opens from the popup's link and counts the order paid after its nudge as recovered, with its amount", async () => {
    await logNudge(PAID);
    await logNudge(UNPAID);
    // The platform now shows the first order paid; the agent's page reload reads it.
    paid.add(PAID);
    await shop.reload();
    await waitForBadges(shop, 2);
    await until(
      () =>
        shop.getAttribute(
          `[data-paynudge-order="${PAID}"]`,
          "data-paynudge-state",
        ),
      (state) => state === "paid",
    );

    const popup = await ext.extPage();
    await popup.reload();
    const link = popup.locator('header a[data-link="report"]');
    expect(await link.getAttribute("href")).toBe("/report.html");
    [report] = await Promise.all([
      ext.context.waitForEvent("page"),
      link.click(),
    ]);
    await report.setViewportSize({ width: 1100, height: 900 });
    await report.waitForSelector('[data-figure="recovered"]');
    expect(new URL(report.url()).pathname).toBe("/report.html");
    expect(await report.title()).toBe("PayNudge 催付报表");

    await expect.poll(() => figure("recovered")).toEqual(["1", "0", "+1"]);
    expect(await figure("nudged")).toEqual(["2", "0", "+2"]);
    expect((await figure("recoveryRate"))[0]).toBe("50%");
    expect((await figure("recoveredAmount"))[0]).toBe("¥88.00");
    // One sentence says what recovered means, with the window's default 72 hours.
    expect(
      await report.getByTestId("report-definition").textContent(),
    ).toContain("72 小时");
    // The credited nudge's agent and platform, by name.
    expect(
      await report.$$eval('table[data-breakdown="agent"] tbody th', (ths) =>
        ths.map((th) => th.textContent),
      ),
    ).toEqual(["小美"]);
    // Read and counted in a worker, off the page's thread.
    expect(
      report
        .workers()
        .some((worker) => /\/report-worker-[^/]*\.js$/.test(worker.url())),
    ).toBe(true);
    // The background has folded the writes into the report's stored lines, which the figures
    // above come from now: no order is marked out of date, and each order seen has its line.
    await expect
      .poll(
        async () => {
          const { marked, keys } = await report.evaluate(storedLines, DB_NAME);
          const ids = keys.map((key) => key.split(":")[1]);
          return {
            marked,
            both: [PAID, UNPAID].every((id) => ids.includes(id)),
          };
        },
        { timeout: 15_000 },
      )
      .toEqual({ marked: [], both: true });
    await report.reload();
    await expect.poll(() => figure("recovered")).toEqual(["1", "0", "+1"]);
    expect((await figure("recoveredAmount"))[0]).toBe("¥88.00");
  });

  it("draws the charts with their data points: 7 days' amounts and rates for the last 7 days", async () => {
    await report.getByLabel("最近 7 天").check();
    const bars = report.locator('[data-chart="daily"] [data-point="amount"]');
    await expect.poll(() => bars.count()).toBe(7);
    // Today's bar is the last, holding the 88 yuan recovered.
    expect(await bars.last().getAttribute("data-value")).toBe("8800");
    expect(Number(await bars.last().getAttribute("height"))).toBeGreaterThan(0);
    expect(
      await report.locator('[data-chart="daily"] [data-point="rate"]').count(),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await report
        .locator('[data-chart="by-step"] [data-point="step"]')
        .count(),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await report
        .locator('[data-chart="by-template"] [data-point="template"]')
        .count(),
    ).toBeGreaterThanOrEqual(1);
  });

  it("has no contrast, label or naming violations, the charts' tables open", async () => {
    await report.$$eval("details", (els) =>
      els.forEach((el) => el.setAttribute("open", "")),
    );
    expect(
      await report.$eval("body", (el) =>
        parseFloat(getComputedStyle(el).fontSize),
      ),
    ).toBe(14);
    await expectNoAxeViolations(report, "report page");
  });

  it("copies the daily report for the team chat and saves it as an image", async () => {
    await report.getByLabel("今天").check();
    // The clipboard is the machine's: read (and set beforehand) from the shop's page, which may.
    await shop.evaluate(() => navigator.clipboard.writeText("untouched"));
    await report.getByRole("button", { name: "复制日报" }).click();
    const text = await until(
      () => shop.evaluate(() => navigator.clipboard.readText()),
      (t) => t !== "untouched",
    );
    expect(text.split("\n")[0]).toMatch(/^【PayNudge 催付日报】\d+月\d+日$/);
    expect(text).toContain("催付 2 单，挽回 1 单，挽回率 50%，挽回金额 ¥88.00");
    expect(text).toContain("较前一天：挽回 +1 单");

    const download = report.waitForEvent("download");
    await report.getByRole("button", { name: "保存为图片" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^paynudge-daily-\d{8}\.png$/);
    const bytes = await readFile((await file.path())!);
    // A PNG's signature, and more than a blank canvas's few bytes.
    expect([...bytes.subarray(0, 8)]).toEqual([
      137, 80, 78, 71, 13, 10, 26, 10,
    ]);
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  it("exports the report's tables and the range's nudge log as CSV", async () => {
    const saved = async (name: string) => {
      const download = report.waitForEvent("download");
      await report.getByRole("button", { name }).click();
      const file = await download;
      return {
        name: file.suggestedFilename(),
        text: await readFile((await file.path())!, "utf8"),
      };
    };
    const table = await saved("导出报表（CSV）");
    expect(table.name).toMatch(/^paynudge-report-\d{8}-\d{8}\.csv$/);
    expect(table.text).toContain("挽回金额（元）,88,0,88");
    const log = await saved("导出这段时间的催付记录（CSV）");
    expect(log.text.trimEnd().split("\r\n")).toHaveLength(3);
    expect(log.text).toContain("\t3905120000000016001");
  });

  it("is reachable from the workspace and from the options page", async () => {
    const workspace = await ext.context.newPage();
    await workspace.goto(
      `chrome-extension://${ext.extensionId}/sidepanel.html`,
    );
    const [fromWorkspace] = await Promise.all([
      ext.context.waitForEvent("page"),
      workspace.locator('a[data-link="report"]').click(),
    ]);
    await fromWorkspace.waitForSelector('[data-figure="recovered"]');
    expect(new URL(fromWorkspace.url()).pathname).toBe("/report.html");
    await fromWorkspace.close();
    await workspace.goto(`chrome-extension://${ext.extensionId}/options.html`);
    expect(
      await workspace
        .locator('#report a[data-link="report-page"]')
        .getAttribute("href"),
    ).toBe("/report.html");
    await workspace.close();
  });
});
