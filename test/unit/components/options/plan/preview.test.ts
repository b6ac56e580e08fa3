import { describe, expect, it } from "vitest";
import { previewPlan, sampleTime } from "@/components/options/plan/preview";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";

const MIN = 60_000;
const HOUR = 60 * MIN;
// 12:00 local: outside the default quiet hours.
const PLACED = new Date(2026, 10, 23, 12, 0).getTime();

describe("the plan's preview on a sample order", () => {
  it("places the sample on the current minute", () => {
    expect(sampleTime(PLACED + 59_999)).toBe(PLACED);
  });

  it("is a Taobao order closing after Taobao's close delay", () => {
    const { order } = previewPlan(DEFAULT_ENGINE_SETTINGS, PLACED, "silent");
    expect(order.closesAt).toBe(PLACED + 72 * HOUR);
    const none = previewPlan(
      {
        ...DEFAULT_ENGINE_SETTINGS,
        closeAfterMs: {
          ...DEFAULT_ENGINE_SETTINGS.closeAfterMs,
          taobao: undefined,
        },
      },
      PLACED,
      "silent",
    );
    expect(none.order.closesAt).toBeUndefined();
  });

  it("plans the steps each kind of order gets", () => {
    const ids = (kind: "silent" | "consulted" | "high-value") =>
      previewPlan(DEFAULT_ENGINE_SETTINGS, PLACED, kind).steps.map((s) => s.id);
    expect(ids("silent")).toContain("first");
    expect(ids("silent")).not.toContain("consulted-now");
    expect(ids("consulted")).toContain("consulted-now");
    expect(ids("consulted")).not.toContain("first");
    expect(ids("high-value")).toContain("phone");
    expect(ids("silent")).not.toContain("phone");
    const first = previewPlan(DEFAULT_ENGINE_SETTINGS, PLACED, "silent")
      .steps[0]!;
    expect(first.at).toBe(PLACED + 30 * MIN);
  });

  it("makes the high-value sample reach the seller's high-value line", () => {
    const settings = { ...DEFAULT_ENGINE_SETTINGS, highValueCents: 1_000_000 };
    expect(previewPlan(settings, PLACED, "high-value").order.amountCents).toBe(
      1_000_000,
    );
    expect(previewPlan(settings, PLACED, "silent").order.amountCents).toBe(
      9900,
    );
  });

  it("shows a step the soft window moves at the moment it will really go out", () => {
    const placed = new Date(2026, 10, 23, 16, 45).getTime();
    const first = (on: boolean) =>
      previewPlan(
        {
          ...DEFAULT_ENGINE_SETTINGS,
          softWindow: { ...DEFAULT_ENGINE_SETTINGS.softWindow, on },
        },
        placed,
        "silent",
      ).steps.find((s) => s.id === "first")!;
    // Due 30 minutes after the order, at 17:15: inside 17:00–19:00, so it goes at 19:00.
    expect(first(true).at).toBe(new Date(2026, 10, 23, 19, 0).getTime());
    expect(first(false).at).toBe(placed + 30 * MIN);
  });
});
