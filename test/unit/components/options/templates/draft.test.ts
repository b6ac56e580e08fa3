import { describe, expect, it } from "vitest";
import {
  blankTemplate,
  filterEntries,
  insertVariable,
  shownBodyError,
  smsMarks,
  templateErrors,
  templateToSave,
} from "@/components/options/templates/draft";
import { TEMPLATE_BODY_MAX, type TemplateEntry } from "@/lib/db/templates";
import { smsCheck } from "@/lib/templates/render";
import type { MessageTemplate } from "@/lib/templates/shipped";

const tpl = (patch: Partial<MessageTemplate> = {}): MessageTemplate => ({
  id: "custom-1",
  scenario: "first",
  segment: "any",
  channel: "chat",
  locale: "zh",
  name: "我的",
  body: "{{buyer}}您好",
  ...patch,
});

describe("a template draft", () => {
  it("can be saved with a name and a body of known variables", () => {
    expect(templateErrors(tpl(), "zh")).toEqual({});
  });

  it("needs a name and a body", () => {
    expect(templateErrors(tpl({ name: " ", body: "" }), "en")).toEqual({
      name: "Give it a name",
      body: "Write the text",
    });
  });

  it("names every unknown variable, in the seller's language", () => {
    const body = "{{buyer}}，送您{{coupon}}和{{gift}}";
    expect(templateErrors(tpl({ body }), "zh").body).toBe(
      "未知变量：{{coupon}}、{{gift}}。只能用上方按钮里的变量。",
    );
    expect(templateErrors(tpl({ body }), "en").body).toContain(
      "{{coupon}}, {{gift}}",
    );
  });

  it("asks an SMS for what it lacks of shop, item, time and a technique", () => {
    const sms = tpl({
      channel: "sms",
      body: "【{{shop}}】您拍的{{item}}还没付款哦",
    });
    expect(templateErrors(sms, "zh").body).toBe(
      "短信必须包含：下单时间、一个技巧（库存/截止/优先/核对等）",
    );
    const complete = tpl({
      channel: "sms",
      body: "【{{shop}}】您{{orderTime}}拍的{{item}}库存不多，今天付款今天发",
    });
    expect(templateErrors(complete, "zh")).toEqual({});
    // The same body is fine for chat.
    expect(templateErrors({ ...sms, channel: "chat" }, "zh")).toEqual({});
  });

  it("lists the SMS checks with the opt-out last", () => {
    const marks = smsMarks("zh", smsCheck("【{{shop}}】{{item}} 拒收请回复R"));
    expect(marks.map((m) => m.ok)).toEqual([true, true, false, false, true]);
    expect(marks[4]!.label).toBe("退订提示");
  });

  it("shows an unknown variable at once, other body errors once saving was tried", () => {
    const unknown = tpl({ body: "{{coupon}}" });
    const empty = tpl({ body: "" });
    expect(shownBodyError(unknown, templateErrors(unknown, "zh"), false)).toBe(
      templateErrors(unknown, "zh").body,
    );
    expect(
      shownBodyError(empty, templateErrors(empty, "zh"), false),
    ).toBeUndefined();
    expect(shownBodyError(empty, templateErrors(empty, "zh"), true)).toBe(
      "请填写内容",
    );
  });

  it("is saved trimmed, without an empty order kind", () => {
    const saved = templateToSave(
      tpl({ name: " 我的 ", body: " {{buyer}}您好\n", orderKind: undefined }),
    );
    expect(saved).toEqual(tpl());
    expect(saved).not.toHaveProperty("orderKind");
    expect(templateToSave(tpl({ orderKind: "silent" })).orderKind).toBe(
      "silent",
    );
  });

  it("takes a variable over the selection, the caret after it", () => {
    expect(insertVariable("您好，！", 3, 3, "{{买家}}")).toEqual({
      body: "您好，{{买家}}！",
      caret: 9,
    });
    expect(insertVariable("您好，某某！", 3, 5, "{{buyer}}").body).toBe(
      "您好，{{buyer}}！",
    );
    const full = "x".repeat(TEMPLATE_BODY_MAX);
    expect(insertVariable(full, 0, 0, "{{shop}}").body).toHaveLength(
      TEMPLATE_BODY_MAX,
    );
  });

  it("starts a new template on the scenario, segment and language the list shows", () => {
    expect(
      blankTemplate(
        "custom-2",
        { scenario: "final", segment: "", locale: "" },
        "en",
      ),
    ).toEqual({
      id: "custom-2",
      scenario: "final",
      segment: "any",
      channel: "chat",
      locale: "en",
      name: "",
      body: "",
    });
    expect(
      blankTemplate(
        "custom-3",
        { scenario: "", segment: "new", locale: "" },
        "zh",
      ),
    ).toMatchObject({ scenario: "first", segment: "new", locale: "zh" });
    expect(
      blankTemplate(
        "custom-4",
        { scenario: "", segment: "", locale: "en" },
        "zh",
      ),
    ).toMatchObject({ locale: "en" });
  });

  it("filters the list by scenario, segment and language", () => {
    const entry = (
      id: string,
      patch: Partial<MessageTemplate>,
    ): TemplateEntry => ({
      template: tpl({ id, ...patch }),
      origin: "custom",
    });
    const entries = [
      entry("a", { scenario: "first", segment: "new" }),
      entry("b", { scenario: "final", segment: "new" }),
      entry("c", { scenario: "final", segment: "any" }),
      entry("d", { scenario: "final", segment: "any", locale: "en" }),
    ];
    const ids = (
      scenario: "" | "final",
      segment: "" | "new",
      locale: "" | "zh" | "en" = "zh",
    ) =>
      filterEntries(entries, { scenario, segment, locale }).map(
        (e) => e.template.id,
      );
    expect(ids("", "")).toEqual(["a", "b", "c"]);
    expect(ids("final", "")).toEqual(["b", "c"]);
    expect(ids("", "new")).toEqual(["a", "b"]);
    expect(ids("final", "new")).toEqual(["b"]);
    expect(ids("", "", "en")).toEqual(["d"]);
    expect(ids("final", "", "")).toEqual(["b", "c", "d"]);
  });
});
