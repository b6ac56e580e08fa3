import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { qianniu } from "@/lib/platforms/taobao/qianniu";
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
