import { describe, expect, it } from "vitest";
import {
  applyPatch,
  draftErrors,
  fromDraft,
  newStep,
  toDraft,
  type PlanDraft,
} from "@/components/options/plan/draft";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import { EngineSettingSchemas } from "@/lib/schemas/engine-settings";

const MIN = 60_000;
const HOUR = 60 * MIN;
const base = DEFAULT_ENGINE_SETTINGS;
const draft = (patch: Partial<PlanDraft> = {}): PlanDraft => ({
  ...toDraft(base),
  ...patch,
});

describe("the plan's draft", () => {
  it("shows the stored settings in the seller's units and saves them back unchanged", () => {
    const d = toDraft(base);
    expect(d.steps.find((s) => s.id === "first")?.offsetMin).toBe("30");
    expect(d.quietHours).toEqual([{ from: "02:00", to: "09:00" }]);
    expect(d.capHours).toBe("24");
    expect(d.highValue).toBe("500");
    expect(d.closeHours.taobao).toBe("72");
    expect(d.closeHours.douyin).toBe("0.5");
    expect(d.closeHours.shopify).toBe("");
    expect(draftErrors(d, "zh")).toEqual({});
    expect(applyPatch(base, fromDraft(d, base))).toEqual(base);
  });

  it("turns typed text into what the background accepts", () => {
    const patch = fromDraft(
      draft({
        capCount: "2",
        capHours: "1.5",
        highValue: "88.8",
        closeHours: { ...toDraft(base).closeHours, taobao: "", jd: " 24 " },
        phoneWindows: [],
        promotions: [
          { from: "2026-11-10", to: "2026-11-12", label: "  双11 " },
          { from: "2026-12-12", to: "2026-12-12", label: " " },
        ],
      }),
      base,
    );
    expect(patch.buyerCap).toEqual({ count: 2, windowMs: 1.5 * HOUR });
    expect(patch.highValueCents).toBe(8880);
    expect(patch.closeAfterMs).toMatchObject({ taobao: null, jd: 24 * HOUR });
    // No windows for a channel: it may be used at any (non-quiet) time.
    expect(patch.channelWindows).not.toHaveProperty("phone");
    expect(patch.channelWindows?.sms).toEqual([{ from: 480, to: 1260 }]);
    expect(patch.promotions).toEqual([
      { from: "2026-11-10", to: "2026-11-12", label: "双11" },
      { from: "2026-12-12", to: "2026-12-12" },
    ]);
    for (const [key, value] of Object.entries(patch))
      expect(
        EngineSettingSchemas[
          key as keyof typeof EngineSettingSchemas
        ].safeParse(value).success,
      ).toBe(true);
    // A platform without a close delay resolves to none.
    expect(applyPatch(base, patch).closeAfterMs.taobao).toBeUndefined();
  });

  it("the soft window: on 17:00–19:00 by default, switched off or moved, start before end", () => {
    expect(toDraft(base)).toMatchObject({
      softOn: true,
      soft: { from: "17:00", to: "19:00" },
    });
    const patch = fromDraft(
      draft({ softOn: false, soft: { from: "16:30", to: "18:00" } }),
      base,
    );
    expect(patch.softWindow).toEqual({ on: false, from: 990, to: 1080 });
    expect(
      EngineSettingSchemas.softWindow.safeParse(patch.softWindow).success,
    ).toBe(true);
    expect(
      draftErrors(draft({ soft: { from: "19:00", to: "17:00" } }), "zh"),
    ).toEqual({ soft: "开始要早于结束（不跨零点）" });
    expect(
      draftErrors(draft({ soft: { from: "17:00", to: "17:00" } }), "zh"),
    ).toEqual({ soft: "开始和结束不能相同" });
    expect(
      draftErrors(draft({ soft: { from: "7pm", to: "19:00" } }), "en"),
    ).toHaveProperty("soft");
    // The stored check refuses a window that wraps or is empty.
    expect(
      EngineSettingSchemas.softWindow.safeParse({
        on: true,
        from: 1140,
        to: 1020,
      }).success,
    ).toBe(false);
  });

  it("names every field that cannot be saved, and only those", () => {
    const d = draft();
    const errors = draftErrors(
      {
        ...d,
        steps: d.steps.map((s, i) => (i === 1 ? { ...s, offsetMin: "-5" } : s)),
        quietHours: [{ from: "25:00", to: "09:00" }],
        smsWindows: [{ from: "08:00", to: "08:00" }],
        promotions: [{ from: "2026-11-12", to: "2026-11-10", label: "" }],
        capCount: "2.5",
        capHours: "x",
        highValue: "",
        closeHours: { ...d.closeHours, jd: "9999" },
      },
      "en",
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        "step-1-offset",
        "quiet-0",
        "sms-0",
        "promo-0",
        "capCount",
        "capHours",
        "highValue",
        "close-jd",
      ].sort(),
    );
    expect(draftErrors(draft({ steps: [] }), "zh")).toEqual({
      steps: "至少保留一个步骤",
    });
  });

  it("adds a step under an id no other step has", () => {
    const steps = toDraft(base).steps;
    expect(newStep(steps)).toMatchObject({
      id: "step-6",
      scenario: "follow-up",
      channel: "chat",
      anchor: "order",
      offsetMin: "120",
      only: "",
    });
    const taken = ["a", "b", "step-4"].map((id) => ({ ...steps[0]!, id }));
    expect(newStep(taken).id).toBe("step-5");
  });
});
