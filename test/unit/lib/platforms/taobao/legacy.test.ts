import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { taobaoLegacy } from "@/lib/platforms/taobao/legacy";
import { at, fixturePages, MIN, NOW } from "@/test/support/platform-fixture";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

const { rendered } = fixturePages();

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
