import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { replanEveryOpenOrder } from "@/lib/background/replan-all";
import { PayNudgeDB } from "@/lib/db/schema";
import { handleOrdersSeen } from "@/test/support/seen";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";

let db: PayNudgeDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await handleOrdersSeen(
    db,
    {
      pageUrl: page,
      orders: [
        {
          platform: "taobao",
          orderId: "1",
          status: "unpaid",
          createdAt: NOW - 10 * MIN,
          buyer: "买家1",
          items: [{ title: "商品1" }],
        },
        {
          platform: "taobao",
          orderId: "2",
          status: "paid",
          createdAt: NOW - 50 * MIN,
          buyer: "买家2",
          items: [{ title: "商品2" }],
        },
      ],
    },
    NOW,
  );
});

describe("re-planning every open order (a new version, new settings)", () => {
  it("replaces a plan an older engine stored with the plan of now, and leaves paid orders alone", async () => {
    const fresh = await db.orders.get("taobao:1");
    expect(fresh?.nextDueAt).toBeTypeOf("number");
    // As an older version might have left it: a fractional due moment, a re-plan far away.
    await db.orders.update("taobao:1", {
      nextDueAt: NOW + 5 * MIN + 0.5,
      replanAt: NOW + 30 * 24 * 60 * MIN,
    });
    const paidBefore = await db.orders.get("taobao:2");

    const { replanned } = await replanEveryOpenOrder(db, NOW);

    expect(replanned).toBe(1);
    const after = await db.orders.get("taobao:1");
    expect(after?.nextDueAt).toBe(fresh?.nextDueAt);
    expect(after?.replanAt).toBe(fresh?.replanAt);
    expect(await db.orders.get("taobao:2")).toEqual(paidBefore);
  });

  it("changes nothing when every stored plan is already the plan of now", async () => {
    const before = await db.orders.toArray();
    expect((await replanEveryOpenOrder(db, NOW)).replanned).toBe(0);
    expect(await db.orders.toArray()).toEqual(before);
  });
});
