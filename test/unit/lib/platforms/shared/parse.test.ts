import { describe, expect, it } from "vitest";
import {
  closesAtFrom,
  dateFromPddOrderId,
  flagFromText,
  orderTotal,
  parseDateTime,
  parseFen,
  parseTimeLeft,
  pddCreatedAt,
} from "@/lib/platforms/shared/parse";
import { at, MIN, NOW } from "@/test/support/platform-fixture";

describe("shared parsers", () => {
  it("PDD order numbers carry their day", () => {
    expect(dateFromPddOrderId("240518-123456789012345")).toBe(at(2024, 5, 18));
    expect(dateFromPddOrderId("241341-123456789012345")).toBeUndefined();
    expect(dateFromPddOrderId("3905123456789012345")).toBeUndefined();
    expect(pddCreatedAt("240518-123456789012345", "成交时间：09:05", NOW)).toBe(
      at(2024, 5, 18, 9, 5),
    );
    // Today's order with no time shown: unknown (first seen stands in), never midnight.
    expect(pddCreatedAt("240518-123456789012345", "", NOW)).toBeUndefined();
  });
  it("every date format of the platforms", () => {
    expect(parseDateTime("下单时间：2024-05-18 14:32:07", NOW)).toBe(
      at(2024, 5, 18, 14, 32, 7),
    );
    expect(parseDateTime("2024/05/18 14:32:07", NOW)).toBe(
      at(2024, 5, 18, 14, 32, 7),
    );
    expect(parseDateTime("Jul 20 at 4:34pm", at(2024, 7, 21))).toBe(
      at(2024, 7, 20, 16, 34),
    );
    expect(parseDateTime("2024-02-31 25:61:99", NOW)).toBeUndefined();
  });
  it("countdowns become a deadline, rounded to the minute", () => {
    expect(parseTimeLeft("剩余2天23小时59分自动关闭")).toBe(
      (2 * 24 * 60 + 23 * 60 + 59) * MIN,
    );
    expect(parseTimeLeft("剩余 23:59:59")).toBe(
      (23 * 3600 + 59 * 60 + 59) * 1000,
    );
    expect(parseTimeLeft("29分59秒后订单将自动关闭")).toBe(29 * MIN + 59_000);
    expect(parseTimeLeft("剩余付款时间 00:29:59")).toBe(29 * MIN + 59_000);
    expect(parseTimeLeft("交易成功")).toBeUndefined();
    expect(closesAtFrom("剩余29分59秒", NOW)).toBe(NOW + 30 * MIN);
    expect(closesAtFrom("剩余29分31秒", NOW)).toBe(
      closesAtFrom("剩余29分58秒", NOW),
    );
  });
  it("flags, fen, labelled totals", () => {
    expect(flagFromText("memo-mod__flag___3kPq1 flag-purple")).toBe(6);
    expect(flagFromText("//img.alicdn.com/flag_1.png")).toBe(1);
    expect(flagFromText("红旗")).toBe(1);
    expect(flagFromText("")).toBeUndefined();
    expect(parseFen("12800")).toBe(12800);
    expect(parseFen("128.00")).toBeUndefined();
    expect(orderTotal("单价 ¥39.90 x2 实付款：¥79.80 (含运费¥0.00)")).toEqual({
      cents: 7980,
      currency: "CNY",
    });
    expect(orderTotal("$969.44")).toEqual({ cents: 96944, currency: "USD" });
  });
});
