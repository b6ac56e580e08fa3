import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PlanSection } from "@/components/options/plan/PlanSection";
import type { EngineSettingsPatch } from "@/lib/messaging/settings-requests";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import { EngineSettingSchemas } from "@/lib/schemas/engine-settings";
import { formatOrderTime } from "@/lib/model/time-format";

afterEach(cleanup);

const MIN = 60_000;
const HOUR = 60 * MIN;
// 12:00 local: the 30-minute first nudge at 12:30 is outside quiet hours.
const PLACED = new Date(2026, 10, 23, 12, 0).getTime();

function setup(overrides: Partial<Parameters<typeof PlanSection>[0]> = {}) {
  const onSave = vi.fn(async (_patch: EngineSettingsPatch) => ({
    replanned: 4,
  }));
  render(
    <PlanSection
      locale="zh"
      initial={DEFAULT_ENGINE_SETTINGS}
      onSave={onSave}
      sampleAt={PLACED}
      {...overrides}
    />,
  );
  const form = screen.getByRole("form", { name: "催付计划" });
  const input = (name: string) =>
    form.querySelector(`[name="${name}"]`) as HTMLInputElement;
  const preview = () =>
    [...form.querySelectorAll('[data-testid="plan-preview"] li')].map(
      (li) => li.textContent,
    );
  return { onSave, form, input, preview };
}

describe("options: nudge plan", () => {
  it("shows the stored plan and the plan of a sample order", () => {
    const { input, preview } = setup();
    expect(input("step-1-offset").value).toBe("30");
    expect(input("quiet-0-from").value).toBe("02:00");
    expect(input("quiet-0-to").value).toBe("09:00");
    expect(input("phone-2-to").value).toBe("21:00");
    expect(input("highValue").value).toBe("500");
    expect(input("close-taobao").value).toBe("72");
    expect(input("close-douyin").value).toBe("0.5");
    expect(input("close-shopify").value).toBe("");
    expect(preview()[0]).toBe(
      `${formatOrderTime(PLACED + 30 * MIN)} · 首次催付 · 旺旺/聊天`,
    );
  });

  it("updates the sample plan live as a step changes, and saves the new settings", async () => {
    const { input, preview, onSave, form } = setup();
    fireEvent.change(input("step-1-offset"), { target: { value: "45" } });
    expect(preview()[0]).toBe(
      `${formatOrderTime(PLACED + 45 * MIN)} · 首次催付 · 旺旺/聊天`,
    );
    fireEvent.change(input("step-1-channel"), { target: { value: "sms" } });
    expect(preview()[0]).toContain("首次催付 · 短信");

    fireEvent.change(input("capCount"), { target: { value: "2" } });
    fireEvent.change(input("highValue"), { target: { value: "800" } });
    fireEvent.change(input("close-douyin"), { target: { value: "" } });
    fireEvent.click(within(form).getByText("保存"));
    await waitFor(() =>
      expect(within(form).getByRole("status").textContent).toBe(
        "已保存，4 个未付订单的计划已更新",
      ),
    );

    const patch = onSave.mock.calls[0]![0];
    expect(patch.steps?.find((s) => s.id === "first")).toMatchObject({
      offsetMs: 45 * MIN,
      channel: "sms",
      promo: { scenario: "promo-low-stock", channel: "chat" },
    });
    expect(patch.buyerCap).toEqual({ count: 2, windowMs: 24 * HOUR });
    expect(patch.highValueCents).toBe(80_000);
    expect(patch.closeAfterMs).toMatchObject({
      taobao: 72 * HOUR,
      douyin: null,
      shopify: null,
    });
    expect(patch.quietHours).toEqual([{ from: 120, to: 540 }]);
    // What the page sends is what the background accepts.
    for (const [key, value] of Object.entries(patch)) {
      expect(
        EngineSettingSchemas[
          key as keyof typeof EngineSettingSchemas
        ].safeParse(value).success,
      ).toBe(true);
    }
  });

  it("edits windows, steps and promotions", async () => {
    const { input, onSave, form, preview } = setup();
    // A quiet stretch over the sample's first nudge moves it to the end of the stretch.
    fireEvent.change(input("quiet-0-from"), { target: { value: "12:00" } });
    fireEvent.change(input("quiet-0-to"), { target: { value: "13:15" } });
    expect(preview()[0]).toBe(
      `${formatOrderTime(PLACED + 75 * MIN)} · 首次催付 · 旺旺/聊天`,
    );
    fireEvent.click(within(form).getAllByText("添加时段")[1]!);
    fireEvent.change(input("phone-3-from"), { target: { value: "21:30" } });
    fireEvent.change(input("phone-3-to"), { target: { value: "22:00" } });
    fireEvent.click(within(form).getByText("添加步骤"));
    fireEvent.change(input("step-5-offset"), { target: { value: "600" } });
    fireEvent.change(input("step-5-only"), { target: { value: "high-value" } });
    fireEvent.click(within(form).getByText("添加大促"));
    fireEvent.change(input("promo-0-label"), { target: { value: "双11" } });
    fireEvent.change(input("promo-0-from"), {
      target: { value: "2026-11-10" },
    });
    fireEvent.change(input("promo-0-to"), { target: { value: "2026-11-12" } });
    fireEvent.click(within(form).getByText("保存"));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const patch = onSave.mock.calls[0]![0];
    expect(patch.quietHours).toEqual([{ from: 720, to: 795 }]);
    expect(patch.channelWindows?.phone).toHaveLength(4);
    expect(patch.channelWindows?.phone?.[3]).toEqual({ from: 1290, to: 1320 });
    expect(patch.steps).toHaveLength(6);
    expect(patch.steps?.[5]).toMatchObject({
      id: "step-6",
      offsetMs: 600 * MIN,
      only: "high-value",
      anchor: "order",
    });
    expect(patch.promotions).toEqual([
      { from: "2026-11-10", to: "2026-11-12", label: "双11" },
    ]);
  });

  it.each([
    ["quiet-0-to", "25:00", "时间格式应为 HH:MM（00:00–24:00）"],
    ["quiet-0-to", "02:00", "开始和结束不能相同"],
    ["step-0-offset", "-5", "请输入不小于 0 的数字"],
    ["capCount", "2.5", "请输入 0–100 的整数"],
    ["highValue", "abc", "请输入不小于 0 的数字"],
    ["close-jd", "x", "请输入不小于 0 的数字"],
  ])(
    "refuses %s = %s with an error in place and saves nothing",
    async (name, value, message) => {
      const { input, onSave, form } = setup();
      fireEvent.change(input(name), { target: { value } });
      expect(within(form).queryByText(message)).toBeNull();
      fireEvent.click(within(form).getByText("保存"));
      const alert = await within(form).findByRole("alert");
      expect(alert.textContent).toBe(message);
      // The message sits in the row of the field it is about.
      expect(
        alert.parentElement!.contains(input(name)) ||
          alert.previousElementSibling?.contains(input(name)),
      ).toBe(true);
      expect(within(form).getByRole("status").textContent).toBe(
        "有错误未修正，没有保存：请先修正标出的项目",
      );
      expect(within(form).getByRole("status").className).toContain("error");
      expect(onSave).not.toHaveBeenCalled();
      expect(within(form).queryByTestId("plan-preview")).toBeNull();
    },
  );

  it("refuses a promotion whose end is before its start, and an empty step list", async () => {
    const { input, onSave, form } = setup();
    fireEvent.click(within(form).getByText("添加大促"));
    fireEvent.change(input("promo-0-from"), {
      target: { value: "2026-11-12" },
    });
    fireEvent.change(input("promo-0-to"), { target: { value: "2026-11-10" } });
    for (let i = 0; i < DEFAULT_ENGINE_SETTINGS.steps.length; i++) {
      fireEvent.click(
        within(form.querySelector("[data-step]") as HTMLElement).getByText(
          "删除",
        ),
      );
    }
    fireEvent.click(within(form).getByText("保存"));
    const alerts = (await within(form).findAllByRole("alert")).map(
      (a) => a.textContent,
    );
    expect(alerts).toEqual([
      "至少保留一个步骤",
      "请填写日期，开始不能晚于结束",
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows why saving failed, in English too", async () => {
    render(
      <PlanSection
        locale="en"
        initial={DEFAULT_ENGINE_SETTINGS}
        sampleAt={PLACED}
        onSave={async () => Promise.reject(new Error("offline"))}
      />,
    );
    fireEvent.click(screen.getByText("Save"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe(
        "Could not save: offline",
      ),
    );
    expect(
      screen.getByText("Quiet hours (no nudges; moved to after)"),
    ).toBeTruthy();
  });

  it("a refused save marks its fields, brings the first into view and focuses it, the error beside it", async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const onDirty = vi.fn();
    const { form, input, onSave } = setup({ onDirty });
    expect(onDirty).toHaveBeenLastCalledWith(false);
    fireEvent.change(input("capCount"), { target: { value: "abc" } });
    fireEvent.change(input("highValue"), { target: { value: "很多" } });
    expect(onDirty).toHaveBeenLastCalledWith(true);
    // Nothing is marked before the seller tries to save.
    expect(input("capCount").getAttribute("aria-invalid")).toBeNull();
    fireEvent.click(within(form).getByText("保存"));
    await waitFor(() => expect(document.activeElement).toBe(input("capCount")));
    expect(scrolled).toEqual([input("capCount")]);
    expect(input("capCount").getAttribute("aria-invalid")).toBe("true");
    expect(input("highValue").getAttribute("aria-invalid")).toBe("true");
    expect(input("step-0-offset").getAttribute("aria-invalid")).toBeNull();
    // The error follows its field.
    const label = input("highValue").closest("label")!;
    expect(label.nextElementSibling?.getAttribute("role")).toBe("alert");
    expect(label.nextElementSibling?.textContent).toBeTruthy();
    expect(input("highValue").getAttribute("aria-describedby")).toBe(
      label.nextElementSibling!.id,
    );
    expect(onSave).not.toHaveBeenCalled();

    // Fixed and saved: nothing marked, and nothing unsaved any more.
    fireEvent.change(input("capCount"), { target: { value: "3" } });
    fireEvent.change(input("highValue"), { target: { value: "800" } });
    fireEvent.click(within(form).getByText("保存"));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(onDirty).toHaveBeenLastCalledWith(false));
    expect(form.querySelector('[aria-invalid="true"]')).toBeNull();
  });
});
