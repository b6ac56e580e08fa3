import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { genericAdapter } from "@/lib/platforms/generic/adapter";
import { jdNewList, jdOrderList } from "@/lib/platforms/jd/order-lists";
import {
  at,
  click,
  fixturePages,
  items,
  MIN,
  NOW,
  parseAll,
} from "@/test/support/platform-fixture";
import { until } from "@/test/support/until";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

const { load, rendered } = fixturePages();

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

describe("JD rows whose 订单详情 links also carry orderId= (issue 14)", () => {
  const url = "https://porder.shop.jd.com/order/orderlist/allOrders";
  const expected = [
    ["311000000001", "unpaid", "等待付款"],
    ["311000000002", "paid", "等待出库"],
    ["311000000003", "unpaid", "等待付款"],
    ["311000000004", "closed", "已取消"],
    ["311000000005", "unpaid", "等待付款"],
  ];

  it("an id link is the one showing the order number: one row per order, its status seen", async () => {
    const { doc, orders } = await rendered(
      "jd-detail-links.html",
      url,
      jdOrderList,
      5,
    );
    expect(orders.map((o) => [o.orderId, o.status, o.statusText])).toEqual(
      expected,
    );
    expect(orders[0]).toMatchObject({
      createdAt: at(2024, 5, 18, 14, 32, 7),
      amountCents: 12800,
      buyer: "jd_牛**",
      closesAt: NOW + (23 * 60 + 59) * MIN,
    });
    // Each row is its order's whole block, and its badge goes beside the id link, never a 详情 link.
    const rows = jdOrderList.findRows(doc);
    expect(rows.map((row) => row.tagName)).toEqual([
      "TBODY",
      "TBODY",
      "TBODY",
      "TBODY",
      "DIV",
    ]);
    for (const row of rows)
      expect(jdOrderList.badgeSlot(row).parent.className).toBe("number");
  });

  it("the generic reader is not fooled by the detail links either", () => {
    const doc = load("jd-detail-links.html", url);
    const fallback = genericAdapter("jd");
    expect(
      parseAll(fallback, doc, NOW).map((o) => [
        o.orderId,
        o.status,
        o.statusText,
      ]),
    ).toEqual(expected);
  });
});
