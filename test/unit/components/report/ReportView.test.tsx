import {
  cleanup,
  fireEvent,
  render,
  screen,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ReportView,
  type ReportViewProps,
} from "@/components/report/ReportView";
import {
  CURRENT,
  FIGURES,
  TEMPLATE_NAMES,
} from "@/test/fixtures/report-figures";

afterEach(cleanup);

function view(props: Partial<ReportViewProps> = {}) {
  const handlers = {
    onChoice: vi.fn(),
    onExportReport: vi.fn(),
    onExportLog: vi.fn(),
    onExportTeamLog: vi.fn(),
  };
  render(
    <ReportView
      locale="zh"
      choice={{ id: "7d", fromDay: "2026-12-01", toDay: "2026-12-07" }}
      figures={FIGURES}
      daily={FIGURES}
      templateNames={TEMPLATE_NAMES}
      team={false}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

/** A figure's row as its cells' text: label, this period, previous, change. */
const figure = (id: string) =>
  [
    ...screen
      .getByTestId("report-figures")
      .querySelector(`[data-figure="${id}"]`)!.children,
  ].map((cell) => cell.textContent);

describe("the report page", () => {
  it("says what recovered means, with the window's hours and the estimated payment times", () => {
    view();
    const definition = screen.getByTestId("report-definition");
    expect(definition.textContent).toContain("最后一次催付后 72 小时内");
    expect(screen.getByTestId("report-estimated").textContent).toContain(
      "其中 4 个订单的页面没有显示付款时间",
    );
  });

  it("leaves the estimate's note out when every payment time was on the page", () => {
    view({
      figures: { ...FIGURES, current: { ...CURRENT, paidTimeEstimated: 0 } },
    });
    expect(screen.queryByTestId("report-estimated")).toBeNull();
  });

  it("shows each figure beside the previous period's, with the change", () => {
    view();
    expect(figure("unpaidSeen")).toEqual([
      "看到的未付款订单",
      "120",
      "100",
      "+20",
    ]);
    expect(figure("recovered")).toEqual(["挽回订单", "30", "21", "+9"]);
    expect(figure("recoveryRate")).toEqual([
      "挽回率",
      "37.5%",
      "30%",
      "+7.5 个百分点",
    ]);
    expect(figure("recoveredAmount")).toEqual([
      "挽回金额",
      "¥12,345.50",
      "¥9,045.50",
      "+¥3,300.00",
    ]);
    expect(figure("paidByThemselves")).toEqual(["未催自付", "25", "28", "−3"]);
    expect(figure("skipped")).toEqual(["没有发出的催付", "9", "9", "0"]);
    expect(figure("skipped-quiet-hours")).toEqual([
      "其中：免打扰时段",
      "6",
      "9",
      "−3",
    ]);
    expect(figure("medianTimeToPay")).toEqual([
      "付款用时（中位数）",
      "3 小时 20 分钟",
      "4 小时 5 分钟",
      "−45 分钟",
    ]);
    // Fewer skipped is good news, more recovered too.
    const better = screen
      .getByTestId("report-figures")
      .querySelector('[data-figure="skipped-quiet-hours"] .change')!;
    expect(better.className).toContain("better");
    expect(
      screen
        .getByTestId("report-figures")
        .querySelector('[data-figure="paidByThemselves"] .change')!.className,
    ).toContain("worse");
    // More orders seen unpaid is neither.
    expect(
      screen
        .getByTestId("report-figures")
        .querySelector('[data-figure="unpaidSeen"] .change')!.className,
    ).toBe("change");
  });

  it("names the breakdowns' groups as the UI does: steps, channels, template names, platforms", () => {
    view();
    const names = (by: string) =>
      [
        ...document.querySelectorAll(`table[data-breakdown="${by}"] tbody th`),
      ].map((th) => th.textContent);
    expect(names("step")).toEqual(["首次催付", "关闭前催付"]);
    expect(names("channel")).toEqual(["旺旺/聊天", "短信"]);
    // A removed template keeps its id; a nudge without one says so.
    expect(names("template")).toEqual([
      "咨询未拍·首次",
      "custom-gone",
      "（未记录）",
    ]);
    expect(names("platform")).toEqual(["淘宝/天猫"]);
    const first = document.querySelector(
      'table[data-breakdown="step"] tr[data-key="first"]',
    )!;
    expect([...first.children].map((c) => c.textContent)).toEqual([
      "首次催付",
      "50",
      "20",
      "40%",
      "¥8,000.00",
    ]);
  });

  it("lists the reasons with their share, trend and what to do", () => {
    view();
    const row = (id: string) =>
      [
        ...screen
          .getByTestId("report-reasons")
          .querySelector(`[data-reason="${id}"]`)!.children,
      ].map((c) => c.textContent);
    expect(row("shipping-cost").slice(0, 4)).toEqual([
      "嫌运费贵",
      "6",
      "50%",
      "多 3",
    ]);
    expect(row("shipping-cost")[4]).toContain("别直接降价");
    expect(row("comparing")[3]).toBe("少 1");
    expect(row("balance")[3]).toBe("持平");
    expect(row("coupon")[3]).toBe("新出现");
    // A reason this version does not know is shown as stored, with no advice.
    expect(row("old-reason")).toEqual([
      "old-reason",
      "1",
      "8.3%",
      "新出现",
      "",
    ]);
  });

  it("draws each chart's data points, and the same figures in its table", () => {
    view();
    const chart = (id: string) =>
      document.querySelector(`[data-chart="${id}"]`)!;
    const daily = chart("daily");
    expect(daily.querySelectorAll('[data-point="amount"]')).toHaveLength(7);
    expect(daily.querySelectorAll('[data-point="rate"]')).toHaveLength(7);
    // The tallest bar is the day with the most money.
    const heights = [...daily.querySelectorAll('[data-point="amount"]')].map(
      (bar) => Number(bar.getAttribute("height")),
    );
    expect(heights.indexOf(Math.max(...heights))).toBe(5);
    expect(daily.querySelector("svg")!.getAttribute("aria-label")).toContain(
      "共挽回 ¥12,345.50",
    );
    const dailyRows = within(daily.querySelector("table")!).getAllByRole("row");
    expect(dailyRows).toHaveLength(8);
    expect([...dailyRows[6]!.children].map((c) => c.textContent)).toEqual([
      "12月6日",
      "¥2,800.00",
      "46.2%",
      "6",
      "13",
    ]);

    expect(
      chart("by-step").querySelectorAll('[data-point="step"]'),
    ).toHaveLength(2);
    expect(
      chart("by-template").querySelectorAll('[data-point="template"]'),
    ).toHaveLength(3);
    // Reasons stacked per day: one segment per reason heard that day.
    expect(
      chart("reasons").querySelectorAll('[data-point="reason"]'),
    ).toHaveLength(8);
    expect(chart("reasons").textContent).toContain("嫌运费贵");
  });

  it("leaves out a chart with nothing to draw", () => {
    view({
      figures: {
        ...FIGURES,
        reasons: [],
        breakdowns: { ...FIGURES.breakdowns, template: [] },
      },
    });
    expect(document.querySelector('[data-chart="reasons"]')).toBeNull();
    expect(document.querySelector('[data-chart="by-template"]')).toBeNull();
    expect(document.querySelector('[data-chart="by-step"]')).not.toBeNull();
    expect(screen.getByTestId("report-no-reasons")).toBeTruthy();
  });

  it("hands the range picked on, and shows the day fields for a chosen range", () => {
    const { onChoice } = view();
    fireEvent.click(screen.getByLabelText("最近 30 天"));
    expect(onChoice).toHaveBeenLastCalledWith({
      id: "30d",
      fromDay: "2026-12-01",
      toDay: "2026-12-07",
    });
    expect(screen.queryByLabelText("开始日期")).toBeNull();
    cleanup();
    const custom = view({
      choice: { id: "custom", fromDay: "2026-11-01", toDay: "2026-11-15" },
    });
    fireEvent.change(screen.getByLabelText("结束日期"), {
      target: { value: "2026-11-20" },
    });
    expect(custom.onChoice).toHaveBeenLastCalledWith({
      id: "custom",
      fromDay: "2026-11-01",
      toDay: "2026-11-20",
    });
  });

  it("says it is reading while the figures are not in yet, and offers no report to export", () => {
    view({ figures: undefined, daily: undefined });
    expect(screen.getAllByRole("status")[0]!.textContent).toBe("加载中…");
    expect(
      (
        screen.getByRole("button", {
          name: "导出报表（CSV）",
        }) as HTMLButtonElement
      ).disabled,
    ).toBe(true);
    expect(
      (screen.getByRole("button", { name: "复制日报" }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
  });

  it("exports the report and the range's nudge log", () => {
    const { onExportReport, onExportLog } = view();
    fireEvent.click(screen.getByRole("button", { name: "导出报表（CSV）" }));
    fireEvent.click(
      screen.getByRole("button", { name: "导出这段时间的催付记录（CSV）" }),
    );
    expect(onExportReport).toHaveBeenCalledTimes(1);
    expect(onExportLog).toHaveBeenCalledTimes(1);
  });

  it("shows nothing of the team without a roster (solo use)", () => {
    view();
    expect(
      screen.queryByRole("button", { name: "导出我的催付记录（给组长合并）" }),
    ).toBeNull();
    expect(
      screen.queryByRole("heading", { name: "合并同事的记录" }),
    ).toBeNull();
  });

  it("saves the range's own nudges for the lead, and says why not when it cannot", () => {
    const { onExportTeamLog } = view({
      team: true,
      exportNotice: "先在设置的“常规”里填上你的客服昵称",
    });
    expect(
      screen.getByRole("heading", { name: "合并同事的记录" }),
    ).toBeTruthy();
    fireEvent.click(
      screen.getByRole("button", { name: "导出我的催付记录（给组长合并）" }),
    );
    expect(onExportTeamLog).toHaveBeenCalledTimes(1);
    expect(
      screen
        .getByText("先在设置的“常规”里填上你的客服昵称")
        .getAttribute("role"),
    ).toBe("status");
  });

  it("copies the daily report's text, shown as it will be sent", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText },
      configurable: true,
    });
    view();
    const shown = screen.getByTestId("daily-text").textContent!;
    expect(shown.split("\n")[0]).toBe("【PayNudge 催付日报】12月1日");
    fireEvent.click(screen.getByRole("button", { name: "复制日报" }));
    await vi.waitFor(() =>
      expect(screen.getByTestId("daily-status").textContent).toBe(
        "已复制，可以粘贴到团队群里。",
      ),
    );
    expect(writeText).toHaveBeenCalledWith(shown);
  });
});
