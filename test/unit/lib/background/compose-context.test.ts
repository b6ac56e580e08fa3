import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { composeContext } from "@/lib/background/compose-context";
import { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const page = "https://myseller.taobao.com/home.htm/trade-platform/tp/sold";

function order(id: string, extra: Partial<StoredOrder> = {}): StoredOrder {
  return {
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    createdAt: NOW - 90 * MIN,
    buyer: "牛**",
    items: [{ title: "加厚珊瑚绒四件套" }],
    pageUrl: page,
    firstSeenAt: NOW - 90 * MIN,
    lastSeenAt: NOW,
    nudgeCount: 1,
    nextStep: "follow-up",
    nextScenario: "follow-up",
    nextChannel: "chat",
    ...extra,
  };
}

let db: PayNudgeDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await db.orders.put(order("1"));
});

const best = async () =>
  (await composeContext(db, "taobao:1", NOW)).templates[0]?.id;

describe("the words the panel offers first", () => {
  it("answer the reason the buyer gave last", async () => {
    await db.nudges.bulkAdd([
      {
        orderKey: "taobao:1",
        at: NOW - 60 * MIN,
        channel: "chat",
        reason: "comparing",
      },
      {
        orderKey: "taobao:1",
        at: NOW - 30 * MIN,
        channel: "chat",
        reason: "shipping-cost",
      },
      {
        orderKey: "taobao:1",
        at: NOW - 20 * MIN,
        channel: "chat",
        outcome: "no-answer",
      },
      {
        orderKey: "taobao:2",
        at: NOW - 10 * MIN,
        channel: "chat",
        reason: "coupon",
      },
    ]);
    expect(await best()).toBe("zh-follow-up-shipping-cost");
  });

  it("stay the step's general text when no reason was logged, or none written for it", async () => {
    expect(await best()).toBe("zh-follow-up");
    await db.nudges.add({
      orderKey: "taobao:1",
      at: NOW - 30 * MIN,
      channel: "chat",
      reason: "wrong-order",
    });
    expect(await best()).toBe("zh-follow-up");
  });

  it("stay the step's text when the reason's text is for another channel", async () => {
    await db.orders.update("taobao:1", { nextChannel: "sms" });
    await db.nudges.add({
      orderKey: "taobao:1",
      at: NOW - 30 * MIN,
      channel: "chat",
      reason: "coupon",
    });
    expect(await best()).toBe("zh-follow-up-sms");
  });
});

describe("a returning buyer", () => {
  beforeEach(async () => {
    await db.orders.update("taobao:1", {
      nextStep: "first",
      nextScenario: "first",
    });
  });

  it("gets the returning-buyer text after a paid order of theirs in the same shop", async () => {
    await db.orders.put(order("0", { status: "paid", nudgeCount: 0 }));
    expect(await best()).toBe("zh-first-returning");
  });

  it("counts an order the agent marked paid while the page still shows it unpaid", async () => {
    await db.orders.put(order("0", { manualStatus: "paid" }));
    expect(await best()).toBe("zh-first-returning");
  });

  it("is not one for an unpaid order, another buyer, platform or shop, or this order itself", async () => {
    await db.orders.bulkPut([
      order("a", { status: "closed" }),
      order("b", { status: "paid", buyer: "马**" }),
      {
        ...order("c", { status: "paid" }),
        key: "jd:c",
        platform: "jd",
        pageUrl: "https://order.shop.jd.com/order/orderlist",
      },
      order("d", {
        status: "paid",
        pageUrl: "https://other-shop.example/orders",
      }),
      order("e", { status: "paid", shopName: "别家店" }),
    ]);
    await db.orders.update("taobao:1", { shopName: "暖暖家居" });
    expect(await best()).toBe("default-first-zh");
    // Its own paid state does not make the buyer a returning one either.
    await db.orders.update("taobao:1", { manualStatus: "paid" });
    expect(await best()).toBe("default-first-zh");
  });

  it("matches the shop by name when both pages showed one", async () => {
    await db.orders.put(
      order("0", {
        status: "paid",
        shopName: "暖暖家居",
        pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      }),
    );
    await db.orders.update("taobao:1", { shopName: "暖暖家居" });
    expect(await best()).toBe("zh-first-returning");
  });
});
