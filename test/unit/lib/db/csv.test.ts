import { describe, expect, it } from "vitest";
import { csvCell, nudgeLogCsv } from "@/lib/db/csv";
import type { StoredOrder } from "@/lib/model/order";

describe("nudge log CSV", () => {
  it("quotes cells that need it and defuses spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+86 138")).toBe("'+86 138");
    expect(csvCell(undefined)).toBe("");
  });

  it.each([
    [" =1+1", "' =1+1"],
    ["\u00a0=1+1", "'\u00a0=1+1"],
    ["\u3000@SUM(A1)", "'\u3000@SUM(A1)"],
    ["\n-2+3", `"'\n-2+3"`],
    ["\t=1", "'\t=1"],
  ])("defuses a formula behind leading white space: %j", (raw, cell) => {
    expect(csvCell(raw)).toBe(cell);
  });

  it.each([
    ["x;=1+1", `"x;'=1+1"`],
    ["x; +cmd", `"x; '+cmd"`],
    ["x,=1+1", `"x,'=1+1"`],
    ["a,b;\u3000@x", `"a,b;\u3000'@x"`],
  ])(
    "defuses a formula a spreadsheet could split off at ; or ,: %j",
    (raw, cell) => {
      expect(csvCell(raw)).toBe(cell);
    },
  );

  it("leaves ordinary text and numbers as they are", () => {
    expect(csvCell("晚上付款")).toBe("晚上付款");
    expect(csvCell("3905120000000000007")).toBe("3905120000000000007");
    expect(csvCell("a-b=c")).toBe("a-b=c");
    expect(csvCell(-5)).toBe("-5");
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
