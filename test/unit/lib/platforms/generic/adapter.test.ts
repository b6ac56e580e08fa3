import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { OrderSnapshotSchema } from "@/lib/schemas/order";
import { adaptersFor, GENERIC_ADAPTER } from "@/lib/platforms";
import { genericAdapter, orderIdIn } from "@/lib/platforms/generic/adapter";
import { taobaoLegacy } from "@/lib/platforms/taobao/legacy";
import {
  at,
  fixturePages,
  items,
  MIN,
  NOW,
  parseAll,
} from "@/test/support/platform-fixture";
import { until } from "@/test/support/until";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

const { load } = fixturePages();

const UNKNOWN_LAYOUT: Omit<OrderSnapshot, "platform">[] = [
  {
    orderId: "7000123456789",
    status: "unpaid",
    statusText: "待付款",
    createdAt: at(2024, 5, 18, 14, 32, 7),
    amountCents: 12800,
    currency: "CNY",
    buyer: "牛**",
    items: items("手工羊毛围巾 冬季加厚"),
    memo: "答应下班后付款",
    flag: 6,
    closesAt: NOW + 135 * MIN,
  },
  // The waybill number 75123456789012 in this card is not taken for a second order.
  {
    orderId: "7000123456790",
    status: "paid",
    statusText: "已发货",
    createdAt: at(2024, 5, 18, 10),
    amountCents: 7980,
    currency: "CNY",
    buyer: "l***9",
    items: items("陶瓷马克杯 350ml"),
  },
  {
    orderId: "7000123456791",
    status: "closed",
    statusText: "已关闭",
    createdAt: at(2024, 5, 17, 9, 15),
    amountCents: 6600,
    currency: "CNY",
    buyer: "小***子",
    items: items("亚麻桌布 北欧风"),
  },
  // A flat table: the header row holds the number, the next row the rest.
  {
    orderId: "7000123456792",
    status: "unpaid",
    statusText: "未付款",
    createdAt: at(2024, 5, 18, 16, 20),
    amountCents: 5900,
    currency: "CNY",
    buyer: "z***u",
    items: items("竹制收纳盒 三件套"),
  },
  {
    orderId: "7000123456793",
    status: "paid",
    statusText: "交易成功",
    createdAt: at(2024, 5, 16, 8),
    amountCents: 9000,
    currency: "CNY",
    buyer: "王**",
    items: items("棉麻抱枕套"),
  },
];

describe("the generic adapter (text only)", () => {
  it("reads a layout no adapter knows, on a granted site", () => {
    const doc = load("generic-unknown.html", "https://erp.example.com/orders");
    const [adapter] = adaptersFor(new URL("https://erp.example.com/orders"), {
      granted: true,
    });
    expect(adapter).toBe(GENERIC_ADAPTER);
    expect(parseAll(adapter!, doc, NOW)).toEqual(
      UNKNOWN_LAYOUT.map((o) => ({ platform: "generic", ...o })),
    );
  });

  it("takes over on a known platform URL when the platform selectors find nothing, labelled with the platform", () => {
    const doc = load(
      "generic-unknown.html",
      "https://mms.pinduoduo.com/orders/list",
    );
    const [pdd, fallback] = adaptersFor(
      new URL("https://mms.pinduoduo.com/orders/list"),
    );
    expect(pdd!.findRows(doc)).toEqual([]);
    expect(parseAll(fallback!, doc, NOW)).toEqual(
      UNKNOWN_LAYOUT.map((o) => ({ platform: "pdd", ...o })),
    );
  });

  it("finds the same unpaid orders as each platform adapter on its fixture", async () => {
    const cases: [string, string, number][] = [
      [
        "taobao-legacy.html",
        "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
        4,
      ],
      [
        "jd-orderlist.html",
        "https://porder.shop.jd.com/order/orderlist/allOrders",
        3,
      ],
      ["douyin.html", "https://fxg.jinritemai.com/ffa/morder/order/list", 3],
      ["pdd.html", "https://mms.pinduoduo.com/orders/list", 5],
      ["shopify.html", "https://admin.shopify.com/store/demo/orders", 5],
    ];
    for (const [name, url, count] of cases) {
      const doc = load(name, url);
      const [own, fallback] = adaptersFor(new URL(url));
      // The single-page fixtures render late.
      const mine = await until(
        () => parseAll(own!, doc, NOW),
        (list) => list.length === count,
      );
      const generic = parseAll(fallback!, doc, NOW);
      expect(mine.length, name).toBe(count);
      const unpaid = (list: OrderSnapshot[]) =>
        list.filter((o) => o.status === "unpaid").map((o) => o.orderId);
      expect(unpaid(generic), name).toEqual(unpaid(mine));
      expect(
        generic.map((o) => o.orderId),
        name,
      ).toEqual(mine.map((o) => o.orderId));
    }
  }, 20_000);

  it("does not take phone numbers, waybills or item ids for orders", () => {
    expect(orderIdIn("13812345678")).toBeUndefined();
    expect(orderIdIn("75123456789012", "运单号")).toBeUndefined();
    expect(orderIdIn("商品ID：612345678901")).toBeUndefined();
    expect(orderIdIn("订单号：13812345678")).toBe("13812345678");
    expect(orderIdIn("#1020")).toBe("#1020");
    expect(orderIdIn("订单号 240518-123456789012345")).toBe(
      "240518-123456789012345",
    );
    expect(
      orderIdIn("x".repeat(10_000) + "3905123456789012345"),
    ).toBeUndefined();
  });

  it("survives hostile text: every row kept, nothing parsed as markup, long text clipped, bad dates unknown", () => {
    const doc = load(
      "xss.html",
      "https://trade.tmall.com/trade/itemlist/list_sold_items.htm",
    );
    const before = doc.querySelectorAll("*").length;
    const orders = parseAll(taobaoLegacy, doc, NOW);
    // The third row's "order number" is markup, not a number: it cannot be keyed and is skipped.
    expect(orders.map((o) => o.orderId)).toEqual([
      "3905999999999990001",
      "3905999999999990002",
    ]);
    for (const order of orders)
      expect(OrderSnapshotSchema.safeParse(order).success).toBe(true);
    expect(orders[0]!.buyer).toBe('<img src=x onerror="window.__pwned=1">');
    expect(orders[1]!.createdAt).toBeUndefined();
    expect(orders[1]!.amountCents).toBeUndefined();
    expect(orders[1]!.items[0]!.title.length).toBe(500);
    expect(orders[1]!.items[0]!.quantity).toBeUndefined();
    expect(orders[1]!.buyer!.length).toBe(200);
    expect(doc.querySelectorAll("*").length).toBe(before);
    expect(
      (doc.defaultView as unknown as { __pwned?: number }).__pwned,
    ).toBeUndefined();
    // The generic adapter on the same page, in bounded time.
    const started = performance.now();
    const generic = parseAll(genericAdapter("taobao"), doc, NOW);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(generic.map((o) => o.orderId)).toEqual([
      "3905999999999990001",
      "3905999999999990002",
    ]);
  });
});
