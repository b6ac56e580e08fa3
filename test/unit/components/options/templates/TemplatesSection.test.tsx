import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleValues } from "@/components/options/sample-order";
import { TemplatesSection } from "@/components/options/templates/TemplatesSection";
import {
  DEFAULT_TEMPLATES,
  type MessageTemplate,
} from "@/lib/templates/shipped";
import { MessageTemplateSchema, mergeTemplates } from "@/lib/schemas/templates";

afterEach(cleanup);

const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const values = sampleValues(NOW, {
  agentName: "小美",
  shopNames: { taobao: "暖暖小铺" },
});

function setup(stored: MessageTemplate[] = [], locale: "zh" | "en" = "zh") {
  const props = {
    locale,
    entries: mergeTemplates(stored),
    sampleValues: values,
    onSave: vi.fn(async (_tpl: MessageTemplate) => undefined),
    onDelete: vi.fn(async (_id: string) => undefined),
    newId: () => "custom-new",
  };
  render(<TemplatesSection {...props} />);
  const section = screen.getByRole("region", {
    name: locale === "zh" ? "催付话术" : "Message templates",
  });
  const field = (name: string) =>
    section.querySelector(`[name="${name}"]`) as HTMLInputElement;
  const listed = () =>
    [...section.querySelectorAll("[data-template]")].map((li) =>
      li.getAttribute("data-template"),
    );
  return { props, section, field, listed };
}

describe("options: templates", () => {
  it("lists every template and filters by scenario and segment", () => {
    const { field, listed, section } = setup();
    expect(listed()).toHaveLength(DEFAULT_TEMPLATES.length);
    fireEvent.change(field("filter-scenario"), { target: { value: "final" } });
    expect(listed()).toEqual(
      DEFAULT_TEMPLATES.filter((t) => t.scenario === "final").map((t) => t.id),
    );
    fireEvent.change(field("filter-segment"), {
      target: { value: "high-value" },
    });
    expect(listed()).toEqual(["zh-final-high-value"]);
    expect(within(section).getByText("共 1 条")).toBeTruthy();
    fireEvent.change(field("filter-scenario"), {
      target: { value: "payment-help" },
    });
    expect(listed()).toEqual([]);
    expect(within(section).getByText("没有符合条件的话术。")).toBeTruthy();
  });

  it("creates a template with variable chips and a live preview on the sample order", async () => {
    const { field, section, props } = setup();
    fireEvent.change(field("filter-scenario"), {
      target: { value: "follow-up" },
    });
    fireEvent.click(within(section).getByText("新建话术"));
    expect(field("tpl-scenario").value).toBe("follow-up");
    fireEvent.change(field("tpl-name"), { target: { value: "我的二催" } });
    fireEvent.change(field("tpl-body"), { target: { value: "您好，" } });
    fireEvent.click(section.querySelector('[data-variable="buyer"]')!);
    fireEvent.change(field("tpl-body"), {
      target: { value: `${field("tpl-body").value}，「` },
    });
    (field("tpl-body") as unknown as HTMLTextAreaElement).setSelectionRange(
      999,
      999,
    );
    fireEvent.click(section.querySelector('[data-variable="item"]')!);
    expect(field("tpl-body").value).toBe("您好，{{buyer}}，「{{item}}");
    fireEvent.change(field("tpl-body"), {
      target: {
        value: "您好，{{buyer}}，「{{item}}」还在等您～{{payLink}} {{shop}}",
      },
    });
    const preview = within(section).getByTestId("tpl-preview");
    expect(preview.textContent).toBe(
      "您好，晴天***，「加厚珊瑚绒四件套」还在等您～https://pay.example.com/sample 暖暖小铺",
    );

    fireEvent.click(within(section).getByText("保存话术"));
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "话术已保存",
      ),
    );
    const saved = props.onSave.mock.calls[0]![0];
    expect(saved).toEqual({
      id: "custom-new",
      scenario: "follow-up",
      segment: "any",
      channel: "chat",
      locale: "zh",
      name: "我的二催",
      body: "您好，{{buyer}}，「{{item}}」还在等您～{{payLink}} {{shop}}",
    });
    expect(MessageTemplateSchema.safeParse(saved).success).toBe(true);
    expect(section.querySelector("form")).toBeNull();
  });

  it("shows an unknown variable as an error in place, at once, and does not save", async () => {
    const { field, section, props } = setup();
    fireEvent.click(within(section).getByText("新建话术"));
    fireEvent.change(field("tpl-name"), { target: { value: "错的" } });
    fireEvent.change(field("tpl-body"), {
      target: { value: "您好{{buyer}}，送您{{coupon}}" },
    });
    const alert = within(section).getByRole("alert");
    expect(alert.textContent).toBe(
      "未知变量：{{coupon}}。只能用上方按钮里的变量。",
    );
    expect(field("tpl-body").getAttribute("aria-invalid")).toBe("true");
    fireEvent.click(within(section).getByText("保存话术"));
    await new Promise((r) => setTimeout(r, 10));
    expect(props.onSave).not.toHaveBeenCalled();
    fireEvent.change(field("tpl-body"), { target: { value: "您好{{buyer}}" } });
    expect(within(section).queryByRole("alert")).toBeNull();
  });

  it("checks an SMS for shop, item, time and a technique, and shows its length and segment count", async () => {
    const { field, section, props } = setup();
    fireEvent.click(within(section).getByText("新建话术"));
    fireEvent.change(field("tpl-name"), { target: { value: "短信" } });
    fireEvent.change(field("tpl-channel"), { target: { value: "sms" } });
    fireEvent.change(field("tpl-body"), {
      target: { value: "【{{shop}}】您拍的{{item}}还没付款哦" },
    });
    const check = within(section).getByTestId("sms-check");
    const marks = [...check.querySelectorAll("li")].map((li) => [
      li.textContent,
      li.getAttribute("data-ok"),
    ]);
    expect(marks).toEqual([
      ["✓ 店铺名", "true"],
      ["✓ 商品", "true"],
      ["✗ 下单时间", "false"],
      ["✗ 一个技巧（库存/截止/优先/核对等）", "false"],
      ["✗ 退订提示", "false"],
    ]);
    // 【暖暖小铺】您拍的加厚珊瑚绒四件套还没付款哦: 22 characters, one message.
    expect(within(section).getByTestId("sms-length").textContent).toBe(
      "22 字，按 1 条短信计费",
    );
    fireEvent.click(within(section).getByText("保存话术"));
    expect((await within(section).findByRole("alert")).textContent).toBe(
      "短信必须包含：下单时间、一个技巧（库存/截止/优先/核对等）",
    );
    expect(props.onSave).not.toHaveBeenCalled();

    const long = `【{{shop}}】您{{orderTime}}拍的{{item}}库存不多，今天付款今天发，地址尺码有疑问请联系客服确认，我们会尽快为您处理。拒收请回复R`;
    fireEvent.change(field("tpl-body"), { target: { value: long } });
    expect(within(section).queryByRole("alert")).toBeNull();
    expect(
      [...check.querySelectorAll("li")].every(
        (li) => li.getAttribute("data-ok") === "true",
      ),
    ).toBe(true);
    expect(within(section).getByTestId("sms-length").textContent).toMatch(
      /^7\d 字，按 2 条短信计费$/,
    );
    fireEvent.click(within(section).getByText("保存话术"));
    await waitFor(() => expect(props.onSave).toHaveBeenCalledTimes(1));
  });

  it("edits a shipped template as an override, and restores or deletes the seller’s ones", async () => {
    const shipped = DEFAULT_TEMPLATES.find((t) => t.id === "zh-final")!;
    const { field, section, props } = setup([
      { ...shipped, body: "{{buyer}}，订单{{timeLeft}}后关闭。" },
      {
        id: "custom-1",
        scenario: "first",
        segment: "new",
        channel: "chat",
        locale: "zh",
        name: "我的",
        body: "{{buyer}}您好",
      },
    ]);
    const row = (id: string) =>
      section.querySelector(`[data-template="${id}"]`) as HTMLElement;
    expect(row("custom-1").getAttribute("data-origin")).toBe("custom");
    expect(within(row("zh-final")).getByText("已修改")).toBeTruthy();
    expect(within(row("zh-first-new")).queryByText("恢复默认")).toBeNull();
    expect(within(row("zh-first-new")).queryByText("删除")).toBeNull();

    fireEvent.click(within(row("zh-final")).getByText("恢复默认"));
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "已恢复默认话术",
      ),
    );
    expect(props.onDelete).toHaveBeenCalledWith("zh-final");
    fireEvent.click(within(row("custom-1")).getByText("删除"));
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "话术已删除",
      ),
    );
    expect(props.onDelete).toHaveBeenLastCalledWith("custom-1");

    fireEvent.click(within(row("zh-first-new")).getByText("编辑"));
    expect(field("tpl-name").value).toBe("首次催付·新客");
    fireEvent.change(field("tpl-body"), {
      target: { value: "欢迎{{buyer}}！" },
    });
    fireEvent.click(within(section).getByText("保存话术"));
    await waitFor(() => expect(props.onSave).toHaveBeenCalledTimes(1));
    expect(props.onSave.mock.calls[0]![0]).toMatchObject({
      id: "zh-first-new",
      segment: "new",
      body: "欢迎{{buyer}}！",
    });
  });

  it("requires a name and a body, in English too", async () => {
    const { section, props } = setup([], "en");
    fireEvent.click(within(section).getByText("New template"));
    fireEvent.click(within(section).getByText("Save template"));
    const alerts = (await within(section).findAllByRole("alert")).map(
      (a) => a.textContent,
    );
    expect(alerts).toEqual(["Give it a name", "Write the text"]);
    expect(props.onSave).not.toHaveBeenCalled();
  });
});
