import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReportSection } from "@/components/options/ReportSection";
import type { NudgeReport } from "@/lib/db/report";

afterEach(cleanup);

const REPORT: NudgeReport = {
  from: 0,
  to: 1,
  nudges: 5,
  orders: 3,
  paid: 1,
  byChannel: { chat: 3, sms: 1, phone: 1, button: 0 },
  outcomes: [
    { id: "will-pay", count: 1 },
    { id: "none", count: 2 },
  ],
  reasons: [
    { id: "shipping-cost", count: 2 },
    { id: "comparing", count: 1 },
  ],
};

describe("options page: nudge report", () => {
  it("sums the period up, lists answers and the reasons heard with what to do about each", () => {
    render(
      <ReportSection
        locale="zh"
        range="today"
        report={REPORT}
        onRange={() => undefined}
      />,
    );
    expect(screen.getByTestId("report-summary").textContent).toBe(
      "催付 5 次，涉及 3 个订单，其中 1 个已付款",
    );
    expect(screen.getByTestId("report-channels").textContent).toBe(
      "旺旺/聊天 3 · 短信 1 · 电话 1",
    );
    const outcomes = screen.getByTestId("report-outcomes");
    expect(
      [...outcomes.querySelectorAll("tr")].map((r) => r.textContent),
    ).toEqual(["会付款1", "未记录反馈2"]);
    const shipping = screen
      .getByTestId("report-reasons")
      .querySelector('[data-reason="shipping-cost"]')!;
    expect(shipping.querySelector("th")?.textContent).toBe("嫌运费贵");
    expect(shipping.querySelector("td")?.textContent).toBe("2");
    expect(shipping.textContent).toContain("别直接降价");
    // The full report has its own page.
    expect(
      screen.getByRole("link", { name: /^打开完整报表/ }).getAttribute("href"),
    ).toBe("/report.html");
  });

  it("says when nothing was logged, and switches between today and the last 7 days", () => {
    const onRange = vi.fn();
    render(
      <ReportSection
        locale="en"
        range="today"
        report={{
          ...REPORT,
          nudges: 0,
          orders: 0,
          paid: 0,
          outcomes: [],
          reasons: [],
        }}
        onRange={onRange}
      />,
    );
    expect(screen.getByTestId("report-summary").textContent).toBe(
      "No nudges logged in this period yet.",
    );
    fireEvent.click(screen.getByLabelText("Last 7 days"));
    expect(onRange).toHaveBeenCalledWith("week");
  });
});
