import { describe, expect, it } from "vitest";
import { csvCell, nudgeLogCsv } from "../../lib/nudge-csv";
import type { StoredOrder } from "../../lib/order";

describe("nudge log CSV", () => {
  it("quotes cells that need it and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+86 138")).toBe("'+86 138");
    expect(csvCell(undefined)).toBe("");
  });

  it("writes one row per nudge, oldest first, with the order’s buyer", () => {
    const order = {
      key: "taobao:1",
      platform: "taobao",
      orderId: "1",
      buyer: "牛**",
    } as StoredOrder;
    const at = new Date(2026, 10, 23, 14, 5).getTime();
    const csv = nudgeLogCsv(
      [
        {
          orderKey: "taobao:1",
          at: at + 60_000,
          channel: "sms",
          agent: "阿华",
        },
        {
          orderKey: "taobao:1",
          at,
          channel: "chat",
          agent: "阿华",
          outcome: "will-pay",
          note: "晚上付款",
        },
      ],
      new Map([["taobao:1", order]]),
    );
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "time,platform,order,buyer,channel,step,template,agent,outcome,reason,note",
    );
    expect(lines[1]).toBe(
      "2026-11-23 14:05:00,taobao,1,牛**,chat,,,阿华,will-pay,,晚上付款",
    );
    expect(lines[2]).toContain(",sms,");
  });
});
