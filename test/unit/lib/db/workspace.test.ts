import { beforeEach, describe, expect, it } from "vitest";
import { PayNudgeDB } from "@/lib/db/schema";
import { passes, searchOrders, SEARCH_LIMIT } from "@/lib/db/workspace";
import type { StoredOrder } from "@/lib/model/order";

/*
 * The workspace's search (issue 15): an order by its number, buyer or item among every order kept,
 * most recently seen first, at most a page of them; and its platform and shop filters.
 */

const NOW = new Date(2026, 11, 7, 12, 0).getTime();

function order(
  id: string,
  extra: Partial<StoredOrder> = {},
  seenAt = NOW,
): StoredOrder {
  return {
    key: `${extra.platform ?? "taobao"}:${id}`,
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    items: [],
    pageUrl: "https://trade.taobao.com/",
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    nudgeCount: 0,
    ...extra,
  };
}

let db: PayNudgeDB;
beforeEach(async () => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await db.orders.bulkPut([
    order("3905000000000000001", {
      buyer: "青***柚",
      items: [{ title: "真丝眼罩 助眠" }],
      shopName: "暖暖小铺",
    }),
    order(
      "3905000000000000002",
      { buyer: "t**y", items: [{ title: "Silk Mask" }] },
      NOW + 1,
    ),
    order(
      "3905000000000000003",
      {
        platform: "jd",
        buyer: "青***柚",
        items: [{ title: "保温杯" }],
      },
      NOW + 2,
    ),
  ]);
});

const ids = (orders: StoredOrder[]) => orders.map((o) => o.orderId);

describe("searching the workspace", () => {
  it("finds by buyer, by the order number's digits and by item words (any case), last seen first", async () => {
    expect(ids(await searchOrders(db, "青***柚"))).toEqual([
      "3905000000000000003",
      "3905000000000000001",
    ]);
    expect(ids(await searchOrders(db, "0002"))).toEqual([
      "3905000000000000002",
    ]);
    expect(ids(await searchOrders(db, "silk mask"))).toEqual([
      "3905000000000000002",
    ]);
    // Every word must be found.
    expect(ids(await searchOrders(db, "青***柚 眼罩"))).toEqual([
      "3905000000000000001",
    ]);
    expect(await searchOrders(db, "   ")).toEqual([]);
    expect(await searchOrders(db, "没有这个")).toEqual([]);
  });

  it("keeps to the platform and shop chosen", async () => {
    expect(ids(await searchOrders(db, "青***柚", { platform: "jd" }))).toEqual([
      "3905000000000000003",
    ]);
    expect(
      ids(await searchOrders(db, "青***柚", { shop: "暖暖小铺" })),
    ).toEqual(["3905000000000000001"]);
    const one = (await db.orders.get("taobao:3905000000000000001"))!;
    expect(passes(one, {})).toBe(true);
    expect(passes(one, { platform: "taobao", shop: "暖暖小铺" })).toBe(true);
    expect(passes(one, { shop: "别的店" })).toBe(false);
  });

  it("stops at a page of results", async () => {
    await db.orders.bulkPut(
      Array.from({ length: SEARCH_LIMIT + 10 }, (_, i) =>
        order(`4000${String(i).padStart(8, "0")}`, { buyer: "同一个买家" }),
      ),
    );
    expect(await searchOrders(db, "同一个买家")).toHaveLength(SEARCH_LIMIT);
  });
});
