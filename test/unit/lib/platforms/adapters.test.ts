import { afterEach, describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { ADAPTERS, adaptersFor } from "@/lib/platforms";
import { douyin } from "@/lib/platforms/douyin";
import { jdNewList, jdOrderList } from "@/lib/platforms/jd";
import { pinduoduo } from "@/lib/platforms/pdd";
import { qianniu } from "@/lib/platforms/qianniu";
import { shopify } from "@/lib/platforms/shopify";
import { taobaoLegacy } from "@/lib/platforms/taobao-legacy";
import type { PlatformAdapter } from "@/lib/platforms/types";
import { at, openFixture, parseAll } from "@/test/support/platform-fixture";
import { until } from "@/test/support/until";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

/** The seller looks at the pages on 2024-05-18 at 16:30 local time. */
const NOW = at(2024, 5, 18, 16, 30);
const MIN = 60_000;
const items = (...titles: string[]) => titles.map((title) => ({ title }));

type Dom = ReturnType<typeof openFixture>;
let open: Dom[] = [];
afterEach(() => {
  for (const dom of open) dom.window.close();
  open = [];
});

async function rendered(
  name: string,
  url: string,
  adapter: PlatformAdapter,
  count: number,
  now = NOW,
) {
  const dom = openFixture(name, url);
  open.push(dom);
  const doc = dom.window.document;
  await until(
    () => adapter.findRows(doc).length,
    (n) => n === count,
  );
  return { dom, doc, orders: parseAll(adapter, doc, now) };
}

function click(dom: Dom, selector: string) {
  const el = dom.window.document.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  (el as HTMLElement).click();
}

describe("every adapter knows its own URLs and no other", () => {
  const urls: Record<string, string[]> = {
    "taobao-legacy": [
      "https://trade.taobao.com/trade/itemlist/list_sold_items.htm?isFrame=true",
      "https://trade.tmall.com/trade/itemlist/list_sold_items.htm",
    ],
    "taobao-qianniu": [
      "https://myseller.taobao.com/home.htm/trade-platform/tp/sold",
      "https://qn.taobao.com/home.htm/trade-platform/tp/sold?tab=NOT_PAID",
    ],
    "jd-porder": [
      "https://porder.shop.jd.com/order/orderlist/allOrders",
      "https://porder.shop.jd.com/order/orderlist/notPay",
    ],
    "jd-new": ["https://shop.jd.com/jdm/trade/orders/order-list?tabType=all"],
    "pdd-orders": ["https://mms.pinduoduo.com/orders/list?tab=0"],
    "douyin-fxg": ["https://fxg.jinritemai.com/ffa/morder/order/list"],
    "shopify-admin": [
      "https://admin.shopify.com/store/demo-shop/orders",
      "https://demo-shop.myshopify.com/admin/orders",
    ],
  };
  for (const [id, list] of Object.entries(urls)) {
    it(id, () => {
      for (const url of list)
        expect(adaptersFor(new URL(url)).map((a) => a.id)[0]).toBe(id);
    });
  }
  it("a page of a known host that lists no orders gets no adapter; an unknown site only when granted", () => {
    expect(
      adaptersFor(new URL("https://myseller.taobao.com/home.htm/shop-manage")),
    ).toEqual([]);
    expect(
      adaptersFor(
        new URL("https://admin.shopify.com/store/demo/orders/5723001"),
      ),
    ).toEqual([]);
    expect(adaptersFor(new URL("https://erp.example.com/orders"))).toEqual([]);
    expect(
      adaptersFor(new URL("https://erp.example.com/orders"), {
        granted: true,
      }).map((a) => a.id),
    ).toEqual(["generic"]);
  });
  it("the generic adapter comes last on known lists, labelled with the platform", () => {
    const list = adaptersFor(new URL("https://mms.pinduoduo.com/orders/list"));
    expect(list.map((a) => a.id)).toEqual(["pdd-orders", "generic-pdd"]);
    expect(list[1]!.platform).toBe("pdd");
    expect(new Set(ADAPTERS.map((a) => a.id)).size).toBe(ADAPTERS.length);
  });
});

describe("Taobao legacy sold list", () => {
  it("parses every field of every order", async () => {
    const { orders } = await rendered(
      "taobao-legacy.html",
      "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      taobaoLegacy,
      4,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      {
        platform: "taobao",
        orderId: "3905123456789012345",
        status: "unpaid",
        statusText: "等待买家付款",
        createdAt: at(2024, 5, 18, 14, 32, 7),
        buyer: "牛**",
        amountCents: 12800,
        currency: "CNY",
        items: [
          {
            title: "手工羊毛围巾 冬季加厚",
            attrs: "颜色分类：燕麦色",
            priceCents: 12800,
            quantity: 1,
          },
        ],
        memo: "已旺旺联系，答应今晚付款",
        flag: 6,
        closesAt: NOW + (2 * 24 * 60 + 23 * 60 + 59) * MIN,
      },
      {
        platform: "taobao",
        orderId: "3905123456789012346",
        status: "paid",
        statusText: "买家已付款",
        createdAt: at(2024, 5, 18, 9, 5, 33),
        buyer: "l***9",
        amountCents: 8580,
        currency: "CNY",
        items: [
          {
            title: "陶瓷马克杯 350ml",
            attrs: "颜色分类：雾蓝",
            priceCents: 3990,
            quantity: 2,
          },
          {
            title: "杯垫 软木",
            attrs: "规格：圆形",
            priceCents: 600,
            quantity: 1,
          },
        ],
      },
      {
        platform: "taobao",
        orderId: "3905123456789012347",
        status: "closed",
        statusText: "交易关闭",
        createdAt: at(2024, 5, 17, 22, 10),
        buyer: "小***子",
        amountCents: 6600,
        currency: "CNY",
        items: [
          {
            title: "亚麻桌布 北欧风",
            attrs: "尺寸：140x180",
            priceCents: 6600,
            quantity: 1,
          },
        ],
      },
      {
        platform: "taobao",
        orderId: "3905123456789012348",
        status: "unpaid",
        statusText: "等待买家付款",
        createdAt: at(2024, 5, 18, 15, 1, 59),
        buyer: "t**8",
        amountCents: 129900,
        currency: "CNY",
        items: [
          {
            title: "香薰蜡烛 礼盒装",
            attrs: "香型：白茶",
            priceCents: 129900,
            quantity: 1,
          },
        ],
      },
    ]);
  });
});

describe("Qianniu sold list (single-page app)", () => {
  const URL_ = "https://myseller.taobao.com/home.htm/trade-platform/tp/sold";
  it("reads the rows rendered after load, with flag, memo and countdown", async () => {
    const { orders } = await rendered("qianniu.html", URL_, qianniu, 5);
    expect(orders).toEqual<OrderSnapshot[]>([
      {
        platform: "taobao",
        orderId: "3905200000000000001",
        status: "unpaid",
        statusText: "等待买家付款",
        createdAt: at(2024, 5, 18, 14, 32, 7),
        amountCents: 12800,
        currency: "CNY",
        buyer: "牛**",
        items: items("手工羊毛围巾 冬季加厚"),
        memo: "已联系，晚上付款",
        flag: 6,
        closesAt: NOW + (2 * 24 * 60 + 23 * 60 + 59) * MIN,
      },
      {
        platform: "taobao",
        orderId: "3905200000000000002",
        status: "paid",
        statusText: "买家已付款",
        createdAt: at(2024, 5, 18, 10, 11, 12),
        amountCents: 7980,
        currency: "CNY",
        buyer: "l***9",
        items: items("陶瓷马克杯 350ml"),
      },
      {
        platform: "taobao",
        orderId: "3905200000000000003",
        status: "closed",
        statusText: "交易关闭",
        createdAt: at(2024, 5, 17, 22, 10),
        amountCents: 6600,
        currency: "CNY",
        buyer: "小***子",
        items: items("亚麻桌布 北欧风"),
      },
      {
        platform: "taobao",
        orderId: "3905200000000000004",
        status: "unpaid",
        statusText: "等待买家付款",
        createdAt: at(2024, 5, 18, 15, 1, 59),
        amountCents: 10400,
        currency: "CNY",
        buyer: "t**8",
        items: items("香薰蜡烛 礼盒装", "火柴 长杆"),
        flag: 1,
      },
      {
        platform: "taobao",
        orderId: "3905200000000000005",
        status: "paid",
        statusText: "卖家已发货",
        createdAt: at(2024, 5, 16, 8),
        amountCents: 9000,
        currency: "CNY",
        buyer: "王**",
        items: items("棉麻抱枕套"),
        flag: 3,
      },
    ]);
  });
  it("follows 下一页 and the 待付款 tab; an empty tab lists nothing", async () => {
    const { dom, doc } = await rendered("qianniu.html", URL_, qianniu, 5);
    click(dom, ".next-next");
    const page2 = await until(
      () => parseAll(qianniu, doc, NOW).map((o) => o.orderId),
      (ids) => ids[0] === "3905200000000000006",
    );
    expect(page2).toEqual(["3905200000000000006", "3905200000000000007"]);
    click(dom, '[data-tab="NOT_PAID"]');
    const unpaid = await until(
      () => parseAll(qianniu, doc, NOW),
      (o) => o.length === 3,
    );
    expect(unpaid.map((o) => o.status)).toEqual(["unpaid", "unpaid", "unpaid"]);
    click(dom, '[data-tab="REFUND"]');
    await until(
      () => doc.querySelector(".sold_empty__2f0aQ")?.textContent ?? "",
      (t) => t.includes("没有符合条件的宝贝"),
    );
    expect(qianniu.findRows(doc)).toEqual([]);
  });
});

describe("JD old order list", () => {
  it("#order-shop-content blocks", async () => {
    const { orders } = await rendered(
      "jd-orderlist.html",
      "https://porder.shop.jd.com/order/orderlist/allOrders",
      jdOrderList,
      3,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      {
        platform: "jd",
        orderId: "287654321012",
        status: "unpaid",
        statusText: "等待付款",
        createdAt: at(2024, 5, 18, 14, 32, 7),
        amountCents: 12800,
        currency: "CNY",
        buyer: "jd_牛**",
        items: items("手工羊毛围巾 冬季加厚 燕麦色"),
        memo: "客户要求周末送达",
        flag: 1,
        closesAt: NOW + (23 * 60 + 59) * MIN,
      },
      {
        platform: "jd",
        orderId: "287654321013",
        status: "paid",
        statusText: "等待出库",
        createdAt: at(2024, 5, 18, 9, 5, 33),
        amountCents: 8580,
        currency: "CNY",
        buyer: "l***9",
        items: items("陶瓷马克杯 350ml 雾蓝", "软木杯垫 圆形"),
      },
      {
        platform: "jd",
        orderId: "287654321014",
        status: "closed",
        statusText: "已取消",
        createdAt: at(2024, 5, 17, 20),
        amountCents: 6600,
        currency: "CNY",
        buyer: "小***子",
        items: items("亚麻桌布 北欧风 140x180"),
      },
    ]);
  });
  it("the shopweb-table-wrapper variant, its iView pagination and tabs", async () => {
    const { dom, doc, orders } = await rendered(
      "jd-shopweb.html",
      "https://porder.shop.jd.com/order/orderlist/notPay",
      jdOrderList,
      2,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      {
        platform: "jd",
        orderId: "298765432101",
        status: "unpaid",
        statusText: "等待付款",
        createdAt: at(2024, 5, 18, 14, 32, 7),
        amountCents: 12800,
        currency: "CNY",
        buyer: "jd_牛**",
        items: items("手工羊毛围巾 冬季加厚"),
        closesAt: NOW + (23 * 60 + 10) * MIN,
      },
      {
        platform: "jd",
        orderId: "298765432102",
        status: "unpaid",
        statusText: "等待付款",
        createdAt: at(2024, 5, 18, 11),
        amountCents: 9900,
        currency: "CNY",
        buyer: "jd_t**8",
        items: items("香薰蜡烛 礼盒装"),
        memo: "已电话联系",
        closesAt: NOW + 20 * 60 * MIN,
      },
    ]);
    click(dom, "li.ivu-page-next");
    const page2 = await until(
      () => parseAll(jdOrderList, doc, NOW),
      (o) => o[0]?.orderId === "298765432103",
    );
    expect(page2).toEqual([
      {
        platform: "jd",
        orderId: "298765432103",
        status: "unpaid",
        statusText: "等待付款",
        createdAt: at(2024, 5, 17, 22, 45, 10),
        amountCents: 11800,
        currency: "CNY",
        buyer: "jd_z***u",
        items: items("竹制收纳盒 三件套"),
      },
    ]);
    click(dom, '[data-tab="allOrders"]');
    const all = await until(
      () => parseAll(jdOrderList, doc, NOW),
      (o) => o[0]?.orderId === "298765432101" && o.length === 2,
    );
    expect(all.map((o) => o.status)).toEqual(["unpaid", "unpaid"]);
  });
  it("the new micro-frontend list, read by text alone", async () => {
    const { orders } = await rendered(
      "jd-new.html",
      "https://shop.jd.com/jdm/trade/orders/order-list?tabType=all",
      jdNewList,
      3,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      {
        platform: "jd",
        orderId: "301234567890",
        status: "unpaid",
        statusText: "等待付款",
        createdAt: at(2024, 5, 18, 14, 32, 7),
        amountCents: 12800,
        currency: "CNY",
        buyer: "j***n",
        items: items("手工羊毛围巾 冬季加厚"),
        closesAt: NOW + (23 * 60 + 59) * MIN,
      },
      {
        platform: "jd",
        orderId: "301234567891",
        status: "paid",
        statusText: "等待出库",
        createdAt: at(2024, 5, 18, 12),
        amountCents: 8580,
        currency: "CNY",
        buyer: "m***7",
        items: items("陶瓷马克杯 350ml", "软木杯垫"),
        memo: "赠品已放",
      },
      {
        platform: "jd",
        orderId: "301234567892",
        status: "closed",
        statusText: "已取消",
        createdAt: at(2024, 5, 17, 23, 59, 59),
        amountCents: 6600,
        currency: "CNY",
        buyer: "q**3",
        items: items("亚麻桌布"),
      },
    ]);
  });
});

describe("Pinduoduo order list", () => {
  it("reads cells by their column headers; the order number gives the day when no date is shown", async () => {
    const { orders } = await rendered(
      "pdd.html",
      "https://mms.pinduoduo.com/orders/list?tab=0",
      pinduoduo,
      5,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      {
        platform: "pdd",
        orderId: "240518-123456789012345",
        status: "unpaid",
        statusText: "待支付",
        createdAt: at(2024, 5, 18, 14, 32, 7),
        amountCents: 12800,
        currency: "CNY",
        buyer: "小明***",
        items: items("手工羊毛围巾 冬季加厚"),
        closesAt: NOW + 24 * 60 * MIN,
      },
      // Only a clock time is shown: the day comes from the order number's YYMMDD prefix.
      {
        platform: "pdd",
        orderId: "240518-123456789012346",
        status: "paid",
        statusText: "待发货",
        createdAt: at(2024, 5, 18, 9, 5, 33),
        amountCents: 7980,
        currency: "CNY",
        buyer: "阿***花",
        items: items("陶瓷马克杯 350ml"),
        memo: "发顺丰",
      },
      {
        platform: "pdd",
        orderId: "240517-123456789012347",
        status: "paid",
        statusText: "已发货，待签收",
        createdAt: at(2024, 5, 17, 20),
        amountCents: 6600,
        currency: "CNY",
        buyer: "大***哥",
        items: items("亚麻桌布 北欧风"),
      },
      // No time at all: the order number's day, a lower bound.
      {
        platform: "pdd",
        orderId: "240516-123456789012348",
        status: "closed",
        statusText: "已取消",
        createdAt: at(2024, 5, 16),
        amountCents: 3500,
        currency: "CNY",
        buyer: "王***",
        items: items("纯棉浴巾"),
      },
      {
        platform: "pdd",
        orderId: "240518-123456789012349",
        status: "unpaid",
        statusText: "待支付",
        createdAt: at(2024, 5, 18, 16, 20),
        amountCents: 5900,
        currency: "CNY",
        buyer: "陈***",
        items: items("竹制收纳盒 三件套"),
        closesAt: NOW + (22 * 60 + 10) * MIN,
      },
    ]);
  });
  it("follows the 待支付 tab", async () => {
    const { dom, doc } = await rendered(
      "pdd.html",
      "https://mms.pinduoduo.com/orders/list?tab=0",
      pinduoduo,
      5,
    );
    click(dom, '[data-tab="1"]');
    const unpaid = await until(
      () => parseAll(pinduoduo, doc, NOW),
      (o) => o.length === 2,
    );
    expect(unpaid.map((o) => o.orderId)).toEqual([
      "240518-123456789012345",
      "240518-123456789012349",
    ]);
  });
});

describe("Douyin order list", () => {
  it("reads the rows under the Garfish root, dates with slashes, the 30-minute countdown; 下一页", async () => {
    const { dom, doc, orders } = await rendered(
      "douyin.html",
      "https://fxg.jinritemai.com/ffa/morder/order/list",
      douyin,
      3,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      {
        platform: "douyin",
        orderId: "4929876543210987654",
        status: "unpaid",
        statusText: "待支付",
        createdAt: at(2024, 5, 18, 14, 32, 7),
        amountCents: 12800,
        currency: "CNY",
        buyer: "抖音用户***8",
        items: items("手工羊毛围巾 冬季加厚"),
        closesAt: NOW + 30 * MIN,
      },
      {
        platform: "douyin",
        orderId: "4929876543210987655",
        status: "paid",
        statusText: "备货中",
        createdAt: at(2024, 5, 18, 13),
        amountCents: 7980,
        currency: "CNY",
        buyer: "小***鱼",
        items: items("陶瓷马克杯 350ml"),
        memo: "加急",
      },
      {
        platform: "douyin",
        orderId: "4929876543210987656",
        status: "closed",
        statusText: "已取消",
        createdAt: at(2024, 5, 17, 22, 10),
        amountCents: 6600,
        currency: "CNY",
        buyer: "用***1",
        items: items("亚麻桌布 北欧风"),
      },
    ]);
    click(dom, ".auxo-pagination-next");
    const page2 = await until(
      () => parseAll(douyin, doc, NOW),
      (o) => o.length === 2,
    );
    expect(page2.map((o) => [o.orderId, o.status, o.closesAt])).toEqual([
      ["4929876543210987657", "unpaid", NOW + 12 * MIN],
      ["4929876543210987658", "paid", undefined],
    ]);
  });
});

describe("Shopify admin orders", () => {
  // Shopify shows "Jul 20 at 4:34pm" without the year: this year's, unless that lies ahead.
  const JULY = at(2024, 7, 21, 10);
  for (const url of [
    "https://admin.shopify.com/store/demo-shop/orders",
    "https://demo-shop.myshopify.com/admin/orders",
  ]) {
    it(`reads the Polaris index table on ${new URL(url).hostname}`, async () => {
      const { orders } = await rendered("shopify.html", url, shopify, 5, JULY);
      expect(orders).toEqual<OrderSnapshot[]>([
        {
          platform: "shopify",
          orderId: "#1020",
          status: "unpaid",
          statusText: "Payment pending",
          createdAt: at(2024, 7, 20, 16, 34),
          amountCents: 96944,
          currency: "USD",
          buyer: "Jaydon Stanton",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1019",
          status: "paid",
          statusText: "Paid",
          createdAt: at(2024, 7, 20, 9, 5),
          amountCents: 120400,
          currency: "USD",
          buyer: "Kristin Watson",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1018",
          status: "closed",
          statusText: "Voided",
          createdAt: at(2024, 7, 19, 23, 59),
          amountCents: 4510,
          currency: "USD",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1017",
          status: "unpaid",
          statusText: "Payment pending",
          createdAt: at(2024, 7, 18, 13, 2),
          amountCents: 8800,
          currency: "USD",
          buyer: "Cody Fisher",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1016",
          status: "paid",
          statusText: "Partially refunded",
          createdAt: at(2024, 7, 18, 8, 30),
          amountCents: 1250,
          currency: "USD",
          buyer: "Esther Howard",
          items: [],
        },
      ]);
    });
  }
  it("follows the Unpaid view (a route change)", async () => {
    const { dom, doc } = await rendered(
      "shopify.html",
      "https://admin.shopify.com/store/demo-shop/orders",
      shopify,
      5,
      JULY,
    );
    click(dom, '[data-view="Unpaid"]');
    const unpaid = await until(
      () => parseAll(shopify, doc, JULY),
      (o) => o.length === 2,
    );
    expect(unpaid.map((o) => o.orderId)).toEqual(["#1020", "#1017"]);
    expect(dom.window.location.search).toBe("?financial_status=unpaid");
  });
});
