import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleValues } from "@/components/options/sample-order";
import {
  TEMPLATE_UNDO_MS,
  TemplatesSection,
} from "@/components/options/templates/TemplatesSection";
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
  it("lists the UI language's templates at first, and filters by language, scenario and segment", () => {
    const { field, listed, section } = setup();
    const zh = DEFAULT_TEMPLATES.filter((t) => t.locale === "zh");
    const en = DEFAULT_TEMPLATES.filter((t) => t.locale === "en");
    expect(en.length).toBeGreaterThan(0);
    expect(field("filter-locale").value).toBe("zh");
    expect(listed()).toEqual(zh.map((t) => t.id));
    fireEvent.change(field("filter-locale"), { target: { value: "en" } });
    expect(listed()).toEqual(en.map((t) => t.id));
    fireEvent.change(field("filter-locale"), { target: { value: "" } });
    expect(listed()).toHaveLength(DEFAULT_TEMPLATES.length);
    fireEvent.change(field("filter-locale"), { target: { value: "zh" } });
    fireEvent.change(field("filter-scenario"), { target: { value: "final" } });
    expect(listed()).toEqual(
      zh.filter((t) => t.scenario === "final").map((t) => t.id),
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
    // The agent reads and writes variables by their Chinese names.
    expect(
      section.querySelector('[data-variable="orderTime"]')!.textContent,
    ).toBe("下单时间");
    expect(field("tpl-body").value).toBe("您好，{{买家}}，「{{商品}}");
    fireEvent.change(field("tpl-body"), {
      target: {
        value: "您好，{{buyer}}，「{{item}}」还在等您～{{payLink}} {{shop}}",
      },
    });
    expect(field("tpl-body").value).toBe(
      "您好，{{买家}}，「{{商品}}」还在等您～{{付款链接}} {{店铺}}",
    );
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
      expect(props.onDelete).toHaveBeenLastCalledWith("custom-1"),
    );

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

  it("shows the list's variables by their Chinese names, the stored keys unchanged", () => {
    const { section } = setup([
      {
        id: "custom-1",
        scenario: "first",
        segment: "any",
        channel: "chat",
        locale: "zh",
        name: "时间",
        body: "{{buyer}}，您{{orderTime}}的订单",
      },
    ]);
    const body = section.querySelector(
      '[data-template="custom-1"] .template-body',
    )!;
    expect(body.textContent).toBe("「买家」，您「下单时间」的订单");
    expect(body.textContent).not.toContain("orderTime");
  });

  it("deletes a template with an undo in its place for a few seconds, which saves it back", async () => {
    const { onSave, onDelete } = renderLive();
    const section = screen.getByRole("region", { name: "催付话术" });
    const ids = () =>
      [...section.querySelectorAll(".templates > li")].map(
        (li) =>
          li.getAttribute("data-template") ??
          `removed:${li.getAttribute("data-removed")}`,
      );
    const at = ids().indexOf("custom-1");
    const row = section.querySelector('[data-template="custom-1"]')!;
    fireEvent.click(within(row as HTMLElement).getByText("删除"));
    const undo = await within(section).findByRole("button", {
      name: "撤销删除「我的」",
    });
    expect(onDelete).toHaveBeenCalledWith("custom-1");
    // In the row's place, said, and focused (the delete button is gone). The focus moves in an
    // effect after the row is drawn, so on a busy machine a moment after the button appears.
    expect(ids()[at]).toBe("removed:custom-1");
    expect(undo.closest("li")!.textContent).toContain("已删除「我的」");
    await waitFor(() => expect(document.activeElement).toBe(undo));

    fireEvent.click(undo);
    await waitFor(() => expect(onSave).toHaveBeenCalledWith(MINE));
    await waitFor(() => expect(ids()).toContain("custom-1"));
    expect(ids()).not.toContain("removed:custom-1");
    expect(within(section).getByText("已撤销，「我的」已放回")).toBeTruthy();
  });

  it("the undo goes after a few seconds: the deletion stands", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const { onSave } = renderLive();
      const section = screen.getByRole("region", { name: "催付话术" });
      fireEvent.click(
        within(
          section.querySelector('[data-template="custom-1"]') as HTMLElement,
        ).getByText("删除"),
      );
      await within(section).findByRole("button", { name: "撤销删除「我的」" });
      expect(TEMPLATE_UNDO_MS).toBeGreaterThanOrEqual(3000);
      expect(TEMPLATE_UNDO_MS).toBeLessThanOrEqual(10_000);
      await act(() => vi.advanceTimersByTimeAsync(TEMPLATE_UNDO_MS + 10));
      expect(
        within(section).queryByRole("button", { name: "撤销删除「我的」" }),
      ).toBeNull();
      expect(section.querySelector("[data-removed]")).toBeNull();
      expect(section.querySelector('[data-template="custom-1"]')).toBeNull();
      expect(onSave).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});

const MINE: MessageTemplate = {
  id: "custom-1",
  scenario: "first",
  segment: "any",
  channel: "chat",
  locale: "zh",
  name: "我的",
  body: "{{buyer}}您好",
};

/** The section over a stored list that follows its writes, as the page's live query does. */
function renderLive() {
  const onSave = vi.fn(async (_tpl: MessageTemplate) => undefined);
  const onDelete = vi.fn(async (_id: string) => undefined);
  function Live() {
    const [stored, setStored] = useState<MessageTemplate[]>([MINE]);
    return (
      <TemplatesSection
        locale="zh"
        entries={mergeTemplates(stored)}
        sampleValues={values}
        newId={() => "custom-new"}
        onSave={async (tpl) => {
          await onSave(tpl);
          setStored((list) => [...list, tpl]);
        }}
        onDelete={async (id) => {
          await onDelete(id);
          setStored((list) => list.filter((t) => t.id !== id));
        }}
      />
    );
  }
  render(<Live />);
  return { onSave, onDelete };
}
