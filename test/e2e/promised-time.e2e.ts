import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROMISE_GRACE_MS, promisedMoment } from "@/lib/engine/promise";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import {
  badgeStates,
  closedRoot,
  dbRows,
  demoShopRoute,
  openDemoShop,
  startServer,
  until,
  type Extension,
  type Page,
  overdueDemoOrder,
} from "@/test/support/browser/harness";

/*
 * The buyer's word moves the plan (issue 13): logging 会付款 with 预计付款 = 中午 from the panel
 * moves the badge's due time to after that noon, and the badge says 买家说中午付.
 */

const T = Math.floor(Date.now() / 1000) * 1000;
const TARGET = overdueDemoOrder(T);
const KEY = `taobao:${TARGET.id}`;

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

describe("the buyer's promised time", () => {
  it("会付款 + 中午 from the panel moves the badge's due time to after noon and the badge says 买家说中午付", async () => {
    const b = closedRoot(shop, `[data-paynudge-order="${TARGET.id}"]`);
    await b.click("button");
    await expect.poll(() => b.isVisible(".pn-panel")).toBe(true);
    await b.click({ label: "会付款" });
    await b.select({ label: "预计付款" }, "noon");
    await b.click({ css: ".pn-panel button", text: "记录本次催付" });

    const [log] = await until(
      async () =>
        (
          await dbRows<{ orderKey: string; at: number; when?: string }>(
            await ext.extPage(),
            "nudges",
          )
        ).filter((n) => n.orderKey === KEY),
      (rows) => rows.length === 1,
    );
    expect(log!.when).toBe("noon");
    const promised = promisedMoment("noon", log!.at, DEFAULT_ENGINE_SETTINGS)!;
    const order = (
      await dbRows<{
        key: string;
        promisedAt?: number;
        deadlineAt?: number;
        nextDueAt?: number;
      }>(await ext.extPage(), "orders")
    ).find((o) => o.key === KEY)!;
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
});
