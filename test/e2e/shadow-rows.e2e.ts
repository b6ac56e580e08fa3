import { describe, expect, it } from "vitest";
import {
  until,
  type Page,
  ACTIVE_STATES,
  activeOrders,
} from "@/test/support/browser/harness";
import { fixture, onRealUrls } from "@/test/support/browser/fixture-pages";

/*
 * Order lists inside open shadow roots (issue 14), in real Chromium with the built extension, on
 * the platforms' real URLs: Douyin's rows two web components deep (its own adapter's selectors),
 * and a JD micro-app in shadow DOM (the generic reader). Badges on exactly the unpaid orders, a row
 * the page adds later gets its badge, a row turning paid changes its badge. Playwright's CSS
 * locators enter open shadow roots; document.querySelectorAll does not.
 */

const ext = onRealUrls({
  "fxg.jinritemai.com/ffa/morder/order/list": fixture("shadow-table.html"),
  "shop.jd.com/jdm/trade/orders/order-list": fixture("shadow-generic.html"),
});

/** Every badge host, in shadow trees too: [order, state] pairs, a duplicate shown twice. */
function badges(page: Page): Promise<[string, string][]> {
  return page
    .locator("[data-paynudge-order]")
    .evaluateAll((hosts) =>
      hosts.map((h) => [
        h.getAttribute("data-paynudge-order")!,
        h.getAttribute("data-paynudge-state")!,
      ]),
    );
}

/** Waits until exactly these orders carry one badge each, every one with its state. */
async function expectBadges(
  page: Page,
  ids: string[],
): Promise<Record<string, string>> {
  const want = JSON.stringify([...ids].sort());
  const got = await until(
    () => badges(page),
    (pairs) =>
      JSON.stringify(pairs.map(([id]) => id).sort()) === want &&
      pairs.every(([, state]) => state),
  );
  return Object.fromEntries(got);
}

interface PageHooks {
  __addOrder(order: Record<string, unknown>): void;
  __setStatus(id: string, word: string): void;
}

const CASES = [
  {
    name: "Douyin's rows two components deep (its adapter's selectors)",
    url: "https://fxg.jinritemai.com/ffa/morder/order/list",
    orders: [
      "4931234567890123451",
      "4931234567890123452",
      "4931234567890123453",
      "4931234567890123454",
    ],
    unpaid: ["4931234567890123451", "4931234567890123453"],
    added: {
      id: "4931234567890123455",
      time: "2024/05/18 16:10:00",
      status: "待支付",
      left: "剩余25分00秒",
      buyer: "抖音用户***5",
      goods: "棉麻抱枕套",
      sku: "米白",
      pay: "¥45.00",
      memo: "",
    },
    paidWord: "已支付",
  },
  {
    name: "a JD micro-app in shadow DOM (the generic reader)",
    url: "https://shop.jd.com/jdm/trade/orders/order-list",
    orders: ["302234567890", "302234567891", "302234567892", "302234567893"],
    unpaid: ["302234567890", "302234567892"],
    added: {
      id: "302234567894",
      time: "2024-05-18 16:05:00",
      status: "等待付款",
      buyer: "w***5",
      items: ["棉麻抱枕套"],
      total: "¥45.00",
      memo: "",
      left: "剩余23小时50分",
    },
    paidWord: "等待出库",
  },
];

describe("a micro-app whose bundle arrives after the page has loaded", () => {
  it("badges the rows its element renders once defined (no mutation record says so)", async () => {
    const page = await ext().context.newPage();
    await page.goto(`${CASES[1]!.url}?bundle=late`);
    expect(
      await page.evaluate(() => document.querySelector("micro-app:defined")),
    ).toBeNull();
    const states = await expectBadges(page, CASES[1]!.orders);
    expect(activeOrders(states)).toEqual(CASES[1]!.unpaid);
    await page.close();
  });
});

for (const c of CASES) {
  describe(c.name, () => {
    async function open(): Promise<Page> {
      const page = await ext().context.newPage();
      await page.goto(c.url);
      return page;
    }

    it("badges exactly the unpaid orders inside the shadow roots", async () => {
      const page = await open();
      const states = await expectBadges(page, c.orders);
      expect(activeOrders(states)).toEqual(c.unpaid);
      for (const id of c.orders.filter((o) => !c.unpaid.includes(o)))
        expect(["paid", "closed"]).toContain(states[id]);
      // Each badge sits in its row, inside the shadow tree: none in the document's own tree.
      expect(
        await page.evaluate(
          () => document.querySelectorAll("[data-paynudge-order]").length,
        ),
      ).toBe(0);
      await page.close();
    });

    it("a row the page adds later inside the shadow root gets its badge", async () => {
      const page = await open();
      await expectBadges(page, c.orders);
      await page.evaluate(
        (order) =>
          (window as unknown as PageHooks).__addOrder(
            order as Record<string, unknown>,
          ),
        c.added,
      );
      const states = await expectBadges(page, [...c.orders, c.added.id]);
      expect(activeOrders(states)).toEqual([...c.unpaid, c.added.id].sort());
      await page.close();
    });

    it("a row that turns paid inside the shadow root changes its badge", async () => {
      const page = await open();
      const before = await expectBadges(page, c.orders);
      const id = c.unpaid[0]!;
      expect(ACTIVE_STATES).toContain(before[id]);
      await page.evaluate(
        ([order, word]) =>
          (window as unknown as PageHooks).__setStatus(order!, word!),
        [id, c.paidWord],
      );
      await until(
        () => badges(page),
        (pairs) => pairs.some(([o, state]) => o === id && state === "paid"),
      );
      expect(await badges(page)).toHaveLength(c.orders.length);
      await page.close();
    });
  });
}
