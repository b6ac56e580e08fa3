import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { pinduoduo } from "@/lib/platforms/pdd/orders";
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

const { rendered } = fixturePages();

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
