import { describe, expect, it } from "vitest";
import { csvCell, nudgeLogCsv, textCell } from "@/lib/db/csv";
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

  it("writes one row per nudge, oldest first, headed and worded as the UI says them", () => {
    const order = {
      key: "taobao:3905120000000000007",
      platform: "taobao",
      orderId: "3905120000000000007",
      status: "paid",
      buyer: "牛**",
      nudgeCount: 1,
    } as StoredOrder;
    const at = new Date(2026, 10, 23, 14, 5).getTime();
    const csv = nudgeLogCsv(
      [
        {
          orderKey: order.key,
          at: at + 60_000,
          channel: "sms",
          agent: "阿华",
        },
        {
          orderKey: order.key,
          at,
          channel: "chat",
          step: "first",
          agent: "阿华",
          outcome: "will-pay",
          reason: "coupon",
          note: "晚上付款",
        },
      ],
      new Map([[order.key, order]]),
      "zh",
      at + 120_000,
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "时间,平台,订单号,买家,催付方式,催付步骤,话术,客服,买家回复,未付原因,备注,订单当前状态",
    );
    expect(lines[1]).toBe(
      '2026-11-23 14:05:00,淘宝/天猫,"\t3905120000000000007",牛**,旺旺/聊天,首次催付,,阿华,会付款,在等优惠券,晚上付款,已付款',
    );
    expect(lines[2]).toContain(",短信,");
    expect(lines.at(-1)).toBe("");
  });

  it("in English when the UI is, and an unknown code as it is stored", () => {
    const csv = nudgeLogCsv(
      [
        {
          orderKey: "jd:9",
          at: 0,
          channel: "phone",
          step: "custom-step",
          outcome: "shrugged",
          templateId: "custom-1",
        },
      ],
      new Map(),
      "en",
      0,
      new Map([["custom-1", "My follow-up"]]),
    );
    const [head, row] = csv.slice(1).split("\r\n");
    expect(head).toMatch(/^Time,Platform,Order number,Buyer,/);
    expect(row).toMatch(
      /,JD,"\t9",,Phone,custom-step,My follow-up,,shrugged,,,$/,
    );
  });
});

describe("a 19-digit order number stays text in Excel and WPS", () => {
  it("digits alone get a leading tab inside quotes: the exact bytes", () => {
    const bytes = new TextEncoder().encode(textCell("3905120000000000007"));
    expect([...bytes.slice(0, 2)]).toEqual([0x22, 0x09]);
    expect(new TextDecoder().decode(bytes)).toBe('"\t3905120000000000007"');
  });

  it("anything but digits is defused as any other cell, never given a tab", () => {
    expect(textCell("=1+1")).toBe("'=1+1");
    expect(textCell("-3905120000000000007")).toBe("'-3905120000000000007");
    expect(textCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(textCell("+86 138")).toBe("'+86 138");
    expect(textCell("12,=3")).toBe(`"12,'=3"`);
    expect(textCell("250101-12345")).toBe("250101-12345");
    expect(textCell(undefined)).toBe("");
  });

  it("the file starts with the UTF-8 BOM that Excel needs for Chinese", () => {
    const bytes = new TextEncoder().encode(nudgeLogCsv([], new Map(), "zh", 0));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
