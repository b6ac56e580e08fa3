import { describe, expect, it } from "vitest";
import { PLATFORMS } from "@/lib/model/platforms";
import {
  ADAPTERS,
  adaptersFor,
  isKnownHost,
  matchPattern,
} from "@/lib/platforms";

/** Order lists of each adapter, by its id. */
const KNOWN_URLS: Record<string, string[]> = {
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

describe("every adapter knows its own URLs and no other", () => {
  for (const [id, list] of Object.entries(KNOWN_URLS)) {
    it(id, () => {
      for (const url of list)
        expect(adaptersFor(new URL(url)).map((a) => a.id)[0]).toBe(id);
    });
  }
  it("lists the order lists of every adapter but the demo shop's", () => {
    expect(
      ADAPTERS.map((a) => a.id)
        .filter((id) => id !== "demo-shop")
        .sort(),
    ).toEqual(Object.keys(KNOWN_URLS).sort());
  });
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

describe("the table of platforms", () => {
  it("match patterns as Chrome reads them", () => {
    expect(
      matchPattern(
        "https://*.myshopify.com/admin/*",
        new URL("https://demo.myshopify.com/admin/orders"),
      ),
    ).toBe(true);
    expect(
      matchPattern(
        "https://trade.taobao.com/trade/itemlist/list_sold_items*",
        new URL(
          "https://trade.taobao.com/trade/itemlist/list_sold_items.htm?isFrame=true",
        ),
      ),
    ).toBe(true);
    expect(
      matchPattern(
        "https://mms.pinduoduo.com/*",
        new URL("https://erp.example.com/"),
      ),
    ).toBe(false);
  });
  it("every order list an adapter knows lies inside its own platform's match patterns", () => {
    for (const [id, list] of Object.entries(KNOWN_URLS)) {
      for (const url of list) {
        const [adapter] = adaptersFor(new URL(url));
        expect(adapter?.id, url).toBe(id);
        const patterns: readonly string[] =
          PLATFORMS[adapter!.platform].matches;
        expect(
          patterns.some((pattern) => matchPattern(pattern, new URL(url))),
          url,
        ).toBe(true);
        expect(isKnownHost(new URL(url)), url).toBe(true);
      }
    }
    expect(isKnownHost(new URL("https://erp.example.com/orders"))).toBe(false);
  });
});
