import { describe, expect, it } from "vitest";
import {
  clipText,
  formatAmount,
  itemSummary,
  orderKey,
} from "@/lib/model/order";
import { OrderSnapshotSchema } from "@/lib/schemas/order";

describe("order model", () => {
  it("keeps 19-digit Taobao ids as exact strings", () => {
    const id = "3905120000000000007";
    const parsed = OrderSnapshotSchema.parse({
      platform: "taobao",
      orderId: id,
      status: "unpaid",
      items: [],
    });
    expect(parsed.orderId).toBe(id);
    expect(orderKey("taobao", id)).toBe("taobao:3905120000000000007");
    // The reason ids are strings: as a number this id would already be rounded.
    expect(String(Number(id))).not.toBe(id);
  });

  it("rejects ids that could smuggle markup or separators", () => {
    for (const orderId of ["<img>", "a b", "", "x".repeat(65), "1;2"]) {
      expect(
        OrderSnapshotSchema.safeParse({
          platform: "jd",
          orderId,
          status: "unpaid",
          items: [],
        }).success,
      ).toBe(false);
    }
  });

  it("rejects unknown platforms and statuses", () => {
    expect(
      OrderSnapshotSchema.safeParse({
        platform: "ebay",
        orderId: "1",
        status: "unpaid",
        items: [],
      }).success,
    ).toBe(false);
    expect(
      OrderSnapshotSchema.safeParse({
        platform: "jd",
        orderId: "1",
        status: "lost",
        items: [],
      }).success,
    ).toBe(false);
  });

  it("clips untrusted text: whitespace folded, long text cut with an ellipsis, empty is unknown", () => {
    expect(clipText("  牛**  \n ")).toBe("牛**");
    expect(clipText("   ")).toBeUndefined();
    expect(clipText(undefined)).toBeUndefined();
    const long = clipText("长".repeat(10_000), 20)!;
    expect(long).toHaveLength(20);
    expect(long.endsWith("…")).toBe(true);
  });

  it("formats amounts from integer cents", () => {
    expect(formatAmount(12800)).toBe("¥128.00");
    expect(formatAmount(96944, "USD")).toBe("$969.44");
    expect(formatAmount(5)).toBe("¥0.05");
    expect(formatAmount(undefined)).toBeUndefined();
  });

  it("summarises items", () => {
    expect(itemSummary([{ title: "马克杯" }])).toBe("马克杯");
    expect(
      itemSummary([{ title: "马克杯" }, { title: "勺" }, { title: "盖" }]),
    ).toBe("马克杯 等3件");
    expect(itemSummary([{ title: "Mug" }, { title: "Spoon" }], "en")).toBe(
      "Mug and 1 more",
    );
    expect(itemSummary([])).toBeUndefined();
  });
});
