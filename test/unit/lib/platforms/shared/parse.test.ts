import { describe, expect, it } from "vitest";
import {
  closesAtFrom,
  dateFromPddOrderId,
  flagFromText,
  longestFirst,
  orderTotal,
  parseDateTime,
  parseFen,
  parseMoney,
  parseTimeLeft,
  pddCreatedAt,
  statusFromText,
  statusFromWords,
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
  it("Chinese and Japanese admin dates, with and without the year, 12-hour clocks included", () => {
    const dec7 = at(2026, 12, 7, 10);
    expect(parseDateTime("12月6日 14:03", dec7)).toBe(at(2026, 12, 6, 14, 3));
    expect(parseDateTime("12月6日 下午2:03", dec7)).toBe(
      at(2026, 12, 6, 14, 3),
    );
    expect(parseDateTime("12月6日 上午12:30", dec7)).toBe(
      at(2026, 12, 6, 0, 30),
    );
    expect(parseDateTime("12月6日 下午12:30", dec7)).toBe(
      at(2026, 12, 6, 12, 30),
    );
    // Japanese 12-hour clocks run 0–11: 午後0:03 is three minutes past noon.
    expect(parseDateTime("12月6日 午後0:03", dec7)).toBe(
      at(2026, 12, 6, 12, 3),
    );
    expect(parseDateTime("12月6日(日) 09:05", dec7)).toBe(
      at(2026, 12, 6, 9, 5),
    );
    expect(parseDateTime("2026年12月6日 下午2:03", dec7)).toBe(
      at(2026, 12, 6, 14, 3),
    );
    expect(parseDateTime("2026年12月6日 14:03", dec7)).toBe(
      at(2026, 12, 6, 14, 3),
    );
    // A day ahead of today is last year's (the admin leaves this year out).
    expect(parseDateTime("12月30日 08:30", dec7)).toBe(at(2025, 12, 30, 8, 30));
    expect(parseDateTime("今天 09:05", dec7)).toBe(at(2026, 12, 7, 9, 5));
    expect(parseDateTime("昨天 下午1:02", dec7)).toBe(at(2026, 12, 6, 13, 2));
    expect(parseDateTime("昨日 13:02", dec7)).toBe(at(2026, 12, 6, 13, 2));
    expect(parseDateTime("2月30日 14:03", dec7)).toBeUndefined();
    expect(parseDateTime("12月6日 下午13:03", dec7)).toBeUndefined();
    expect(parseDateTime("12月6日 24:03", dec7)).toBeUndefined();
  });
  it("money in the admins' languages: US$ and CN¥ anywhere, other dollars and yen never read as ours", () => {
    expect(parseMoney("¥128.00")).toEqual({ cents: 12800, currency: "CNY" });
    expect(parseMoney("￥128")).toEqual({ cents: 12800, currency: "CNY" });
    expect(parseMoney("US$1,280.50")).toEqual({
      cents: 128050,
      currency: "USD",
    });
    expect(parseMoney("CN¥1,280.50")).toEqual({
      cents: 128050,
      currency: "CNY",
    });
    expect(parseMoney("NT$1,280.50")).toBeUndefined();
    expect(parseMoney("HK$88")).toBeUndefined();
    expect(parseMoney("CA$88")).toBeUndefined();
    expect(parseMoney("JP¥1,281")).toBeUndefined();
    // A Japanese interface's bare yen is yen: left out; yuan still named as such.
    expect(parseMoney("￥12,800", { bareYenIsYuan: false })).toBeUndefined();
    expect(parseMoney("¥12,800", { bareYenIsYuan: false })).toBeUndefined();
    expect(parseMoney("CN¥128.00", { bareYenIsYuan: false })).toEqual({
      cents: 12800,
      currency: "CNY",
    });
    expect(parseMoney("$30.00", { bareYenIsYuan: false })).toEqual({
      cents: 3000,
      currency: "USD",
    });
    // A label run on into the sign still reads ("Total$88" has no currency letters before it).
    expect(orderTotal("实付款¥79.80")).toEqual({
      cents: 7980,
      currency: "CNY",
    });
    expect(parseMoney("Total$88")).toEqual({ cents: 8800, currency: "USD" });
  });
  it("status words: the whole text first, else the longest word inside", () => {
    expect(statusFromText("Unpaid")).toBe("unpaid");
    expect(statusFromText("Paid")).toBe("paid");
    const words = longestFirst([
      ["支払い済", "paid"],
      ["一部返金済み", "paid"],
      ["返金済み", "closed"],
      ["保留中", "unpaid"],
    ]);
    expect(statusFromWords("返金済み", words)).toBe("closed");
    expect(statusFromWords(" 一部返金済み ", words)).toBe("paid");
    expect(statusFromWords("決済保留中", words)).toBe("unpaid");
    expect(statusFromWords("Zahlung ausstehend", words)).toBe("other");
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
