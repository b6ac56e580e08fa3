import { describe, expect, it } from "vitest";
import { bestTemplate, dailyReportText } from "@/components/report/daily-text";
import type { ReportFigures } from "@/lib/model/report";
import {
  CURRENT,
  EMPTY_PERIOD,
  FIGURES,
  FIRST_DAY,
  PREVIOUS,
  TEMPLATE_NAMES,
} from "@/test/fixtures/report-figures";

const DAY = 86_400_000;
/** The fixture's figures read as one day's: 7 December, the 6th before it. */
const DAY_FIGURES: ReportFigures = {
  ...FIGURES,
  current: {
    ...CURRENT,
    period: { from: FIRST_DAY + 6 * DAY, to: FIRST_DAY + 7 * DAY },
  },
  previous: {
    ...PREVIOUS,
    period: { from: FIRST_DAY + 5 * DAY, to: FIRST_DAY + 6 * DAY },
  },
};

describe("the daily report's text", () => {
  it("sums the day up for the team chat: figures, change, top reasons with advice, best template", () => {
    expect(
      dailyReportText("zh", DAY_FIGURES, TEMPLATE_NAMES).split("\n"),
    ).toEqual([
      "【PayNudge 催付日报】12月7日",
      "催付 80 单，挽回 30 单，挽回率 37.5%，挽回金额 ¥12,345.50",
      "较前一天：挽回 +9 单，金额 +¥3,300.00，挽回率 +7.5 个百分点",
      "未催自付 25 单；付款用时中位数 3 小时 20 分钟",
      "主要未付原因：",
      "1. 嫌运费贵 6 单（50%）——别直接降价：可以换更快的快递，或提示再加一件用满减券，也可以送个小礼物。",
      "2. 还在比价 3 单（25%）——先拉近关系，讲清今天付款今天发、活动快结束，不去拼价格。",
      "3. 账户余额不足 1 单（8.3%）——强调商品本身的价值，温和提一句订单保留到什么时候。",
      "效果最好的话术：咨询未拍·首次（挽回 18 单，挽回率 45%）",
    ]);
  });

  it("says a fall with a minus sign, and leaves out the template and reasons when there are none", () => {
    const text = dailyReportText(
      "zh",
      {
        ...DAY_FIGURES,
        current: {
          ...DAY_FIGURES.current,
          recovered: 15,
          recoveredCents: { CNY: 800_000, USD: 0 },
          recoveryRate: 0.25,
        },
        reasons: [],
        breakdowns: { ...FIGURES.breakdowns, template: [] },
      },
      TEMPLATE_NAMES,
    );
    expect(text).toContain(
      "较前一天：挽回 −6 单，金额 −¥1,045.50，挽回率 −5 个百分点",
    );
    expect(text).toContain("未记录未付原因。");
    expect(text).not.toContain("话术");
  });

  it("leaves the rate's change out when the day before nudged nothing", () => {
    const text = dailyReportText(
      "zh",
      {
        ...DAY_FIGURES,
        previous: { ...EMPTY_PERIOD, period: DAY_FIGURES.previous.period },
      },
      TEMPLATE_NAMES,
    );
    expect(text.split("\n")[2]).toBe("较前一天：挽回 +30 单，金额 +¥12,345.50");
  });

  it("says when nothing happened that day", () => {
    expect(
      dailyReportText(
        "zh",
        { ...DAY_FIGURES, current: EMPTY_PERIOD, reasons: [] },
        TEMPLATE_NAMES,
      ),
    ).toBe("【PayNudge 催付日报】12月7日\n这一天还没有催付或付款的记录。");
  });

  it("is written in English for an English UI", () => {
    expect(dailyReportText("en", DAY_FIGURES, TEMPLATE_NAMES)).toContain(
      "Nudged 80, recovered 30, rate 37.5%, amount CN¥12,345.50",
    );
  });
});

describe("the best template", () => {
  it("recovered most, the better rate between equals, never an unrecorded one", () => {
    const row = (key: string, recovered: number, recoveryRate: number) => ({
      key,
      nudged: 10,
      recovered,
      recoveryRate,
      recoveredCents: { CNY: 0, USD: 0 },
    });
    expect(
      bestTemplate([
        row("", 9, 0.9),
        row("a", 4, 0.4),
        row("b", 4, 0.5),
        row("c", 3, 1),
      ])?.key,
    ).toBe("b");
    expect(bestTemplate([row("a", 0, 0)])).toBeUndefined();
  });
});
