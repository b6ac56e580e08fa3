import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { douyin } from "@/lib/platforms/douyin/orders";
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
