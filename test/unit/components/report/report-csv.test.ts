import { describe, expect, it } from "vitest";
import { reportCsv } from "@/components/report/report-csv";
import { FIGURES, TEMPLATE_NAMES } from "@/test/fixtures/report-figures";

const lines = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n");

describe("the report's CSV", () => {
  const csv = reportCsv("zh", FIGURES, TEMPLATE_NAMES);

  it("starts with a BOM, names the periods, and heads each table in Chinese", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines(csv)[0]).toBe(
      "PayNudge 催付报表,本期 12月1日 – 12月7日,上期 11月24日 – 11月30日",
    );
    expect(lines(csv)).toContain("指标,本期,上期,变化");
    expect(lines(csv)).toContain(
      "名称,催付订单,挽回订单,挽回率,挽回金额（元）,挽回金额（美元）",
    );
    expect(lines(csv)).toContain("原因,订单数,占比,上期订单数,怎么做");
  });

  it("writes every figure as a plain number a sheet can add, its unit in its label", () => {
    expect(lines(csv)).toContain("挽回金额（元）,12345.5,9045.5,3300");
    expect(lines(csv)).toContain("挽回率（%）,37.5,30,7.5");
    expect(lines(csv)).toContain("未催自付,25,28,-3");
    expect(lines(csv)).toContain("付款用时中位数（分钟）,200,245,-45");
    expect(lines(csv)).toContain("其中：买家已拒绝,1,0,1");
    const step = lines(csv).indexOf("按步骤");
    expect(lines(csv).slice(step, step + 4)).toEqual([
      "按步骤",
      "名称,催付订单,挽回订单,挽回率,挽回金额（元）,挽回金额（美元）",
      "首次催付,50,20,40.0%,8000.00,0.00",
      "关闭前催付,30,10,33.3%,4345.50,0.00",
    ]);
    expect(lines(csv)).toContain(
      "嫌运费贵,6,50.0%,3,别直接降价：可以换更快的快递，或提示再加一件用满减券，也可以送个小礼物。",
    );
  });

  it("defuses a template name a spreadsheet would run as a formula", () => {
    const hostile = reportCsv(
      "zh",
      FIGURES,
      new Map([["custom-gone", '=HYPERLINK("http://x","点我")']]),
    );
    expect(lines(hostile)).toContain(
      `"'=HYPERLINK(""http://x"",""点我"")",25,8,32.0%,4000.00,0.00`,
    );
  });
});
