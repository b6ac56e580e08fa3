import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostRoutes, selfSignedTls } from "../../demo/server.mjs";
import {
  ALL_HOURS,
  closedRoot,
  putSettings,
  startExtension,
  startServer,
  until,
  type Extension,
  type Page,
  showsOrder,
  badgeStateById,
  activeOrders,
} from "@/test/support/browser/harness";

/*
 * Every platform fixture served on the platform's real URL over HTTPS (host names resolved to the
 * local server), in real Chromium with the built extension: badges on exactly the unpaid orders,
 * single-page apps followed, the generic adapter when a known page changed its layout, hostile
 * text inert, and a row turning paid withdrawing the order's notification.
 */

const FIXTURES = join(__dirname, "../fixtures/platforms");
const file = (name: string) => () => readFileSync(join(FIXTURES, name), "utf8");

const PAGES: Record<string, () => string> = {
  "trade.taobao.com/trade/itemlist/list_sold_items.htm":
    file("taobao-legacy.html"),
  "trade.tmall.com/trade/itemlist/list_sold_items.htm": file("xss.html"),
  "myseller.taobao.com/home.htm/trade-platform/tp/legacy-sold": file(
    "taobao-legacy-frame.html",
  ),
  "myseller.taobao.com/home.htm/trade-platform/tp/sold": file("qianniu.html"),
  "qn.taobao.com/home.htm/trade-platform/tp/sold": file("qianniu.html"),
  "porder.shop.jd.com/order/orderlist/allOrders": file("jd-orderlist.html"),
  "porder.shop.jd.com/order/orderlist/notPay": file("jd-shopweb.html"),
  "shop.jd.com/jdm/trade/orders/order-list": file("jd-new.html"),
  "mms.pinduoduo.com/orders/list": file("pdd.html"),
  // Pinduoduo "changed its layout": no beast-core markup left, the generic adapter takes over.
  "mms.pinduoduo.com/orders/list-new": file("generic-unknown.html"),
  "fxg.jinritemai.com/ffa/morder/order/list": file("douyin.html"),
  "admin.shopify.com/store/demo-shop/orders": file("shopify.html"),
  "demo-shop.myshopify.com/admin/orders": file("shopify.html"),
  // A site nobody granted: the content script must not run there.
  "erp.example.com/orders": file("generic-unknown.html"),
};

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;

beforeAll(async () => {
  server = await startServer({
    tls: await selfSignedTls(),
    routes: [hostRoutes(PAGES)],
  });
  ext = await startExtension({ hostMap: server.port });
  // Every hour allowed, no soft window: the states asserted below must not depend on the clock.
  await putSettings(await ext.extPage(), ALL_HOURS);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

type Target = Pick<Page, "waitForFunction" | "$$eval">;

/** Waits until exactly these orders carry a badge with its state; fails on a duplicate. */
async function expectBadges(target: Target, ids: string[]) {
  await target.waitForFunction(
    (want) => {
      const hosts = [...document.querySelectorAll("[data-paynudge-order]")];
      const got = hosts
        .map((h) => h.getAttribute("data-paynudge-order"))
        .sort();
      return (
        JSON.stringify(got) === JSON.stringify([...want].sort()) &&
        hosts.every((h) => h.getAttribute("data-paynudge-state"))
      );
    },
    ids,
    { timeout: 15_000 },
  );
  return badgeStateById(target);
}

async function open(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return page;
}

const CASES: {
  name: string;
  url: string;
  orders: string[];
  unpaid: string[];
}[] = [
  {
    name: "Taobao legacy list",
    url: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
    orders: [
      "3905123456789012345",
      "3905123456789012346",
      "3905123456789012347",
      "3905123456789012348",
    ],
    unpaid: ["3905123456789012345", "3905123456789012348"],
  },
  {
    name: "Qianniu on qn.taobao.com",
    url: "https://qn.taobao.com/home.htm/trade-platform/tp/sold",
    orders: [
      "3905200000000000001",
      "3905200000000000002",
      "3905200000000000003",
      "3905200000000000004",
      "3905200000000000005",
    ],
    unpaid: ["3905200000000000001", "3905200000000000004"],
  },
  {
    name: "JD old list (#order-shop-content)",
    url: "https://porder.shop.jd.com/order/orderlist/allOrders",
    orders: ["287654321012", "287654321013", "287654321014"],
    unpaid: ["287654321012"],
  },
  {
    name: "JD new list (micro-frontend, text only)",
    url: "https://shop.jd.com/jdm/trade/orders/order-list?tabType=all",
    orders: ["301234567890", "301234567891", "301234567892"],
    unpaid: ["301234567890"],
  },
  {
    name: "Pinduoduo",
    url: "https://mms.pinduoduo.com/orders/list?tab=0",
    orders: [
      "240518-123456789012345",
      "240518-123456789012346",
      "240517-123456789012347",
      "240516-123456789012348",
      "240518-123456789012349",
    ],
    unpaid: ["240518-123456789012345", "240518-123456789012349"],
  },
  {
    name: "Douyin",
    url: "https://fxg.jinritemai.com/ffa/morder/order/list",
    orders: [
      "4929876543210987654",
      "4929876543210987655",
      "4929876543210987656",
    ],
    unpaid: ["4929876543210987654"],
  },
  {
    name: "Shopify admin",
    url: "https://admin.shopify.com/store/demo-shop/orders",
    orders: ["#1016", "#1017", "#1018", "#1019", "#1020"],
    unpaid: ["#1017", "#1020"],
  },
  {
    name: "Shopify on myshopify.com",
    url: "https://demo-shop.myshopify.com/admin/orders",
    orders: ["#1016", "#1017", "#1018", "#1019", "#1020"],
    unpaid: ["#1017", "#1020"],
  },
  {
    name: "Pinduoduo after a layout change (generic adapter)",
    url: "https://mms.pinduoduo.com/orders/list-new",
    orders: [
      "7000123456789",
      "7000123456790",
      "7000123456791",
      "7000123456792",
      "7000123456793",
    ],
    unpaid: ["7000123456789", "7000123456792"],
  },
];

describe("badges on exactly the unpaid orders of each platform page", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const page = await open(c.url);
      const states = await expectBadges(page, c.orders);
      expect(activeOrders(states)).toEqual(c.unpaid);
      for (const id of c.orders.filter((o) => !c.unpaid.includes(o)))
        expect(["paid", "closed"]).toContain(states[id]);
      await page.close();
    });
  }

  it("the legacy list inside an iframe (?isFrame=true)", async () => {
    const page = await open(
      "https://myseller.taobao.com/home.htm/trade-platform/tp/legacy-sold",
    );
    const frame = await until(
      async () => page.frames().find((f) => f.url().includes("isFrame=true")),
      Boolean,
    );
    const states = await expectBadges(frame!, CASES[0]!.orders);
    expect(activeOrders(states)).toEqual(CASES[0]!.unpaid);
    expect(await page.locator("[data-paynudge-order]").count()).toBe(0); // the outer page lists no orders
    await page.close();
  });

  it("a site the seller never granted gets nothing", async () => {
    const page = await open("https://erp.example.com/orders");
    await page.waitForTimeout(1500);
    expect(await page.locator("[data-paynudge-order]").count()).toBe(0);
    await page.close();
  });
});

describe("single-page apps", () => {
  it("Qianniu: rows rendered late, 下一页 and the 待付款 tab re-render the list; badges follow, none twice", async () => {
    const page = await open(
      "https://myseller.taobao.com/home.htm/trade-platform/tp/sold",
    );
    await expectBadges(page, CASES[1]!.orders);
    await page.getByText("我知道了").click(); // the onboarding popover
    await page.locator(".next-next").click();
    const second = await expectBadges(page, [
      "3905200000000000006",
      "3905200000000000007",
    ]);
    expect(activeOrders(second)).toEqual(["3905200000000000006"]);
    await page.locator('[data-tab="NOT_PAID"] .next-tabs-tab-inner').click();
    const tab = await expectBadges(page, [
      "3905200000000000001",
      "3905200000000000004",
      "3905200000000000006",
    ]);
    expect(activeOrders(tab)).toEqual([
      "3905200000000000001",
      "3905200000000000004",
      "3905200000000000006",
    ]);
    await page.locator('[data-tab="REFUND"]').click();
    await expectBadges(page, []);
    await page.close();
  });

  it("JD iView variant: li.ivu-page-next and a tab that changes the route", async () => {
    const page = await open(
      "https://porder.shop.jd.com/order/orderlist/notPay",
    );
    await expectBadges(page, ["298765432101", "298765432102"]);
    await page.locator("li.ivu-page-next").click();
    await expectBadges(page, ["298765432103"]);
    await page.locator('[data-tab="allOrders"]').click();
    expect(new URL(page.url()).pathname).toBe("/order/orderlist/allOrders");
    await expectBadges(page, ["298765432101", "298765432102"]);
    await page.close();
  });

  it("Shopify: the Unpaid view is a route change", async () => {
    const page = await open("https://admin.shopify.com/store/demo-shop/orders");
    await expectBadges(page, CASES[6]!.orders);
    await page.locator('[data-view="Unpaid"]').click();
    const states = await expectBadges(page, ["#1017", "#1020"]);
    expect(activeOrders(states)).toEqual(["#1017", "#1020"]);
    await page.close();
  });
});

describe("hostile page text", () => {
  it("executes nothing and creates nothing inside badges", async () => {
    const page = await open(
      "https://trade.tmall.com/trade/itemlist/list_sold_items.htm",
    );
    const before = await page.evaluate(
      () => document.querySelectorAll("img, svg, script").length,
    );
    await expectBadges(page, ["3905999999999990001", "3905999999999990002"]);
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(
        () => (window as unknown as { __pwned?: number }).__pwned,
      ),
    ).toBeUndefined();
    expect(
      await page.evaluate(
        () => document.querySelectorAll("img, svg, script").length,
      ),
    ).toBe(before);
    // Inside each badge: only the badge's own markup, no element or handler from the page text.
    // The roots are closed: each is read through CDP.
    const ids = await page.$$eval("[data-paynudge-order]", (hosts) =>
      hosts.map((h) => h.getAttribute("data-paynudge-order")!),
    );
    const inside: unknown[] = [];
    // One at a time: each lookup renews CDP's node ids.
    for (const id of ids)
      inside.push(
        await closedRoot(page, `[data-paynudge-order="${id}"]`).evaluate(
          `function () {
            const all = [...this.querySelectorAll("*")];
            return {
              foreign: all.filter((el) =>
                ["img", "svg", "script", "iframe", "object", "b", "i"].includes(
                  el.tagName.toLowerCase(),
                ),
              ).length,
              handlers: all.filter((el) =>
                [...el.attributes].some((a) => a.name.startsWith("on")),
              ).length,
            };
          }`,
        ),
      );
    expect(inside).toEqual([
      { foreign: 0, handlers: 0 },
      { foreign: 0, handlers: 0 },
    ]);
    await page.close();
  });
});

describe("a row that turns paid", () => {
  it("withdraws the order’s pending nudge and notification at once", async () => {
    const page = await open(
      "https://porder.shop.jd.com/order/orderlist/allOrders",
    );
    await expectBadges(page, CASES[2]!.orders);
    // The order was placed 40 minutes ago: its first nudge (30 minutes after the order) is due.
    await page.evaluate(() => {
      const d = new Date(Date.now() - 40 * 60_000);
      const p = (n: number) => String(n).padStart(2, "0");
      const text = `下单时间：${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
      document.querySelector(".dealtime")!.textContent = text;
    });
    const key = "jd:287654321012";
    await until(
      () => ext.notificationIds(),
      (ids) => showsOrder(ids, key),
    );
    await until(
      () => badgeStateById(page),
      (s) => s["287654321012"] === "due",
    );
    // The page refreshes the row: paid.
    await page.evaluate(() => {
      const cell = document.querySelector(".status")!;
      cell.replaceChildren(document.createTextNode("等待出库"));
    });
    await until(
      () => badgeStateById(page),
      (s) => s["287654321012"] === "paid",
    );
    await until(
      () => ext.notificationIds(),
      (ids) => !showsOrder(ids, key),
    );
    const stored = await ext.inExtension(
      () =>
        new Promise<{ status?: string; nextDueAt?: number }>(
          (resolve, reject) => {
            const req = indexedDB.open("paynudge");
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const get = req.result
                .transaction("orders")
                .objectStore("orders")
                .get("jd:287654321012");
              get.onsuccess = () => (req.result.close(), resolve(get.result));
            };
          },
        ),
    );
    expect(stored.status).toBe("paid");
    expect(stored.nextDueAt).toBeUndefined();
    await page.close();
  });
});
