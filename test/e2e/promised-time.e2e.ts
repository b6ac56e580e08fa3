import { format } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMISE_GRACE_MS, promisedMoment } from "@/lib/engine/promise";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import {
  badgeStates,
  closedRoot,
  dbRows,
  nudgesOf,
  demoShopRoute,
  openDemoShop,
  startServer,
  until,
  type Extension,
  type Page,
  overdueDemoOrder,
  IN_PAGE_PANEL,
} from "@/test/support/browser/harness";
import { demoOrders } from "../../demo/orders.mjs";

/*
 * The buyer's word moves the plan (issue 13): logging 会付款 with 预计付款 = 中午 from the panel
 * moves the badge's due time to after that noon, and the badge says 买家说中午付; a time the agent
 * types instead (或输入时间) moves it to after that time, and the badge says 买家说 HH:mm 付.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const TARGET = overdueDemoOrder(T);
const KEY = `taobao:${TARGET.id}`;
const MIN = 60_000;
// Another buyer's overdue order on the first page (a buyer's nudges are capped together).
const TYPED = demoOrders(T)
  .slice(0, 15)
  .find(
    (o) =>
      o.status === "等待买家付款" &&
      o.createdAt + 30 * MIN < T - 30 * MIN &&
      o.id !== TARGET.id &&
      o.buyer !== TARGET.buyer,
  )!;
const TYPED_KEY = `taobao:${TYPED.id}`;

interface OrderRow {
  key: string;
  promisedAt?: number;
  promisedWhen?: string;
  deadlineAt?: number;
  nextDueAt?: number;
}

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

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

/** The order's nudge log once it holds the one nudge the test logged. */
const theOneLogOf = async (key: string) =>
  until(
    async () =>
      nudgesOf<{ orderKey: string; at: number; when?: string }>(
        await ext.extPage(),
        key,
      ),
    (rows) => rows.length === 1,
  );

describe("the buyer's promised time", () => {
  it("会付款 + 中午 from the panel moves the badge's due time to after noon and the badge says 买家说中午付", async () => {
    const b = closedRoot(shop, `[data-paynudge-order="${TARGET.id}"]`);
    await b.click("button");
    await expect.poll(() => b.isVisible(".pn-panel")).toBe(true);
    await b.click({ label: "会付款" });
    await b.select({ label: "预计付款" }, "noon");
    await b.click({ css: ".pn-panel button", text: "记录本次催付" });

    const [log] = await theOneLogOf(KEY);
    expect(log!.when).toBe("noon");
    const promised = promisedMoment("noon", log!.at, DEFAULT_ENGINE_SETTINGS)!;
    const order = (await dbRows<OrderRow>(await ext.extPage(), "orders")).find(
      (o) => o.key === KEY,
    )!;
    expect(order.promisedAt).toBe(promised);
    // The demo order closes days later: the promise, not the deadline, decides.
    expect(order.deadlineAt).toBeGreaterThan(promised + PROMISE_GRACE_MS);

    const states = await until(
      () => badgeStates(shop),
      (s) => Number(s[TARGET.id]!.due) >= promised + PROMISE_GRACE_MS,
    );
    expect(Number(states[TARGET.id]!.due)).toBe(order.nextDueAt);
    await expect
      .poll(() => b.text("button"), { timeout: 5_000 })
      .toContain("买家说中午付");
  });

  it("会付款 + a time typed in 或输入时间 moves the badge's due time to after it plus the grace and the badge says 买家说 HH:mm 付", async () => {
    // Three hours from now, as the agent reads the clock: ahead of the next nudge the plan had.
    const typed = format(Date.now() + 3 * 60 * MIN, "HH:mm");
    // The first test's panel may still be open over this badge: the agent closes it.
    const first = closedRoot(shop, `[data-paynudge-order="${TARGET.id}"]`);
    if (await first.isVisible(".pn-panel")) {
      await first.click({ css: ".pn-panel button", text: "关闭" });
      await expect.poll(() => first.isVisible(".pn-panel")).toBe(false);
    }
    const b = closedRoot(shop, `[data-paynudge-order="${TYPED.id}"]`);
    const before = Number((await badgeStates(shop))[TYPED.id]!.due);
    await b.click("button");
    await expect.poll(() => b.isVisible(".pn-panel")).toBe(true);
    expect(await b.exists({ label: "或输入时间" })).toBe(false);
    await b.click({ label: "会付款" });
    await typeTime(b, typed);
    expect(await b.prop({ label: "或输入时间" }, "value")).toBe(typed);
    await b.click({ css: ".pn-panel button", text: "记录本次催付" });

    const [log] = await theOneLogOf(TYPED_KEY);
    expect(log!.when).toBe(typed);
    const promised = promisedMoment(typed, log!.at, DEFAULT_ENGINE_SETTINGS)!;
    expect(promised).toBeGreaterThan(log!.at);
    expect(promised).toBeGreaterThan(before);
    const order = (await dbRows<OrderRow>(await ext.extPage(), "orders")).find(
      (o) => o.key === TYPED_KEY,
    )!;
    expect(order.promisedAt).toBe(promised);
    expect(order.promisedWhen).toBeUndefined();
    expect(order.deadlineAt).toBeGreaterThan(promised + PROMISE_GRACE_MS);

    const states = await until(
      () => badgeStates(shop),
      (s) => Number(s[TYPED.id]!.due) >= promised + PROMISE_GRACE_MS,
    );
    expect(Number(states[TYPED.id]!.due)).toBe(order.nextDueAt);
    await expect
      .poll(() => b.text("button"), { timeout: 5_000 })
      .toContain(`买家说 ${typed} 付`);
  });
});

/**
 * Types `hhmm` into the panel's empty time field with the keyboard, as an agent does. The field
 * takes the browser's own layout (the UI locale, not navigator.language): in a 24-hour one the
 * four digits are the time; in a 12-hour one 13–23 set PM by themselves, and any other hour waits
 * for the agent's A or P.
 */
async function typeTime(b: ReturnType<typeof closedRoot>, hhmm: string) {
  // The field shows 24 or 12 hours as the browser's locale has it: typed as a 24-hour time, and
  // if that is not what it reads, again as a 12-hour one with its AM/PM (typing 20:11 into a
  // 12-hour field gives 02:01 PM). Each try starts from the hours.
  const [h = 0, m = 0] = hhmm.split(":").map(Number);
  const twelve = `${String(h % 12 || 12).padStart(2, "0")}${String(m).padStart(2, "0")}${h < 12 ? "A" : "P"}`;
  for (const keys of [hhmm.replace(":", ""), twelve]) {
    await b.evaluate(
      `function () { const i = this.querySelector('input[type="time"]'); i.blur(); i.focus(); }`,
    );
    await shop.keyboard.type(keys);
    if ((await b.prop({ label: "或输入时间" }, "value")) === hhmm) return;
  }
}
