import { describe, expect, it } from "vitest";
import { MAX_BATCH_ORDERS, parseOrdersSeen } from "@/lib/schemas/orders-seen";

const good = {
  platform: "taobao",
  orderId: "3905120000000000007",
  status: "unpaid",
  items: [{ title: "杯子" }],
};

describe("the content → background contract", () => {
  it("keeps valid orders and drops malformed ones without losing the batch", () => {
    const batch = parseOrdersSeen({
      pageUrl: "https://trade.taobao.com/x",
      orders: [
        good,
        { ...good, orderId: "<b>" },
        "junk",
        null,
        { ...good, orderId: "2", createdAt: "yesterday" },
      ],
    });
    expect(batch.orders.map((o) => o.orderId)).toEqual(["3905120000000000007"]);
    expect(batch.rejected).toBe(4);
  });

  it("rejects a malformed envelope outright", () => {
    expect(() => parseOrdersSeen({ orders: [] })).toThrow();
    expect(() =>
      parseOrdersSeen({ pageUrl: "not a url", orders: [] }),
    ).toThrow();
    expect(() =>
      parseOrdersSeen({ pageUrl: "https://a.b/", orders: "x" }),
    ).toThrow();
    expect(() => parseOrdersSeen(undefined)).toThrow();
  });

  it("rejects oversized text instead of storing it", () => {
    const batch = parseOrdersSeen({
      pageUrl: "https://a.b/",
      orders: [{ ...good, buyer: "x".repeat(10_000) }],
    });
    expect(batch.orders).toEqual([]);
    expect(batch.rejected).toBe(1);
  });

  it("stores a batch past its bound up to the bound and counts the rest, never refusing it whole", () => {
    const rows = Array.from({ length: MAX_BATCH_ORDERS + 37 }, (_, i) => ({
      ...good,
      orderId: String(i + 1),
    }));
    const batch = parseOrdersSeen({ pageUrl: "https://a.b/", orders: rows });
    expect(batch.orders).toHaveLength(MAX_BATCH_ORDERS);
    expect(batch.orders.at(-1)?.orderId).toBe(String(MAX_BATCH_ORDERS));
    expect(batch.skipped).toBe(37);
    expect(batch.rejected).toBe(0);
  });
});
