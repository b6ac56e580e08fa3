import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  closedRoot,
  dbRows,
  nudgesOf,
  DEMO_PAGE,
  demoShopRoute,
  openDemoShop,
  startServer,
  until,
  waitForBadges,
  type Extension,
  type Page,
  overdueDemoOrder,
  IN_PAGE_PANEL,
} from "@/test/support/browser/harness";

/*
 * One log per nudge (issue 13): a double click on 记录本次催付 logs one nudge, a second tab that
 * logs the same step is refused and says so, and only the agent's explicit 再记一次 logs another.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const TARGET = overdueDemoOrder(T);
const KEY = `taobao:${TARGET.id}`;

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

const badge = (page: Page) =>
  closedRoot(page, `[data-paynudge-order="${TARGET.id}"]`);
const action = (text: string) => ({ css: ".pn-panel button", text });
const nudgeRows = async () =>
  nudgesOf<{ orderKey: string; step?: string; note?: string }>(
    await ext.extPage(),
    KEY,
  );

/** Opens the order's panel in `page` by the agent's click on its badge. */
async function openPanel(page: Page) {
  const b = badge(page);
  await b.click("button");
  await expect.poll(() => b.isVisible(".pn-panel")).toBe(true);
  return b;
}

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute(() => T)] });
  ({ ext, shop } = await openDemoShop(server, {
    ...IN_PAGE_PANEL,
    agentName: "小美",
  }));
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("one log per nudge", () => {
  it("a double click logs one nudge, another tab's log of the same step is refused, and 再记一次 logs a second", async () => {
    // A second tab with the same order's panel open, on the same step, before anything is logged.
    const other = await ext.context.newPage();
    await other.goto(server.origin + DEMO_PAGE);
    await waitForBadges(other, 15);
    const there = await openPanel(other);

    const here = await openPanel(shop);
    // The agent's double click, with the real mouse, on 记录本次催付.
    const [x, y] = await here.evaluate<[number, number]>(`function () {
      const log = [...this.querySelectorAll(".pn-panel button")].find(
        (b) => b.textContent.trim() === "记录本次催付",
      );
      log.scrollIntoView({ block: "center" });
      const r = log.getBoundingClientRect();
      return [r.x + r.width / 2, r.y + r.height / 2];
    }`);
    await shop.mouse.dblclick(x, y);
    await expect
      .poll(() => here.text(".pn-panel [data-paynudge-logged]"))
      .toMatch(/^已记录：第1次 · \d{2}:\d{2}$/);
    expect(await here.exists(action("记录本次催付"))).toBe(false);
    expect(await here.exists(action("再记一次"))).toBe(true);
    await shop.waitForTimeout(500);
    const once = await nudgeRows();
    expect(once).toHaveLength(1);
    expect(once[0]!.note).toContain("小美 第1次");
    await expect
      .poll(() => here.text("button"), { timeout: 5_000 })
      .toContain("已催1次");

    // The other tab still shows the step it opened on: its log is a repeat, and says so.
    await there.click(action("记录本次催付"));
    await expect
      .poll(() => there.text(".pn-panel [data-paynudge-duplicate]"))
      .toContain("没有重复记录");
    expect(await nudgeRows()).toHaveLength(1);
    await other.close();

    // The agent says it is another nudge.
    await here.click(action("再记一次"));
    await expect
      .poll(() => here.text(".pn-panel [data-paynudge-logged]"))
      .toMatch(/^已记录：第2次 /);
    const twice = await until(nudgeRows, (rows) => rows.length === 2);
    expect(twice[1]!.step).toBe(once[0]!.step);
    expect(twice[1]!.note).toContain("小美 第2次");
    await expect
      .poll(() => here.text("button"), { timeout: 5_000 })
      .toContain("已催2次");
    const order = (
      await dbRows<{ key: string; nudgeCount: number }>(
        await ext.extPage(),
        "orders",
      )
    ).find((o) => o.key === KEY);
    expect(order?.nudgeCount).toBe(2);
  });
});
