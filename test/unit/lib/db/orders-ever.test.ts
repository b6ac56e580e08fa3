import { describe, expect, it } from "vitest";
import { hasSeenAnyOrder } from "@/lib/db/orders-ever";
import { PayNudgeDB } from "@/lib/db/schema";

describe("has PayNudge seen an order", () => {
  it("no before any order is stored, yes after one (whatever its status)", async () => {
    const db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    expect(await hasSeenAnyOrder(db)).toBe(false);
    await db.orders.add({
      key: "pdd:1",
      platform: "pdd",
      orderId: "1",
      status: "paid",
      items: [],
      pageUrl: "https://mms.pinduoduo.com/orders/list",
      firstSeenAt: 1,
      lastSeenAt: 1,
      nudgeCount: 0,
    });
    expect(await hasSeenAnyOrder(db)).toBe(true);
  });
});
