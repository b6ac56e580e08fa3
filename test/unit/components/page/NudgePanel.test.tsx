import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  mountNudgePanel,
  NudgePanel,
  type NudgePanelProps,
} from "@/components/page/NudgePanel";
import { NUDGE_PANEL_CSS } from "@/components/page/nudge-panel.css";
import { templatesFor } from "@/lib/templates/shipped";
import { colleagueWarning, parseNotes } from "@/lib/templates/notes";
import type { StoredOrder } from "@/lib/model/order";
import type { ChatInsert } from "@/lib/messaging/workspace-requests";
import { renderTemplate, type TemplateValues } from "@/lib/templates/render";
import { trustedFire } from "@/test/support/trusted-events";

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const MIN = 60_000;

const order: StoredOrder = {
  key: "taobao:3905120000000000007",
  platform: "taobao",
  orderId: "3905120000000000007",
  status: "unpaid",
  createdAt: new Date(2026, 10, 23, 14, 5).getTime(),
  amountCents: 23900,
  buyer: "牛**",
  items: [{ title: "珊瑚绒四件套" }],
  pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  nudgeCount: 0,
};

const values: TemplateValues = {
  shop: "暖暖小铺",
  buyer: "牛**",
  item: "珊瑚绒四件套",
  orderTime: "11-23 14:05",
  amount: "¥239.00",
  timeLeft: "2天23小时",
  agent: "阿华",
};

const templates = templatesFor({
  locale: "zh",
  scenario: "first",
  consulted: false,
});

afterEach(cleanup);

function setup(extra: Partial<NudgePanelProps> = {}) {
  const props: NudgePanelProps = {
    order,
    templates,
    values,
    locale: "zh",
    agent: "小美",
    step: "first",
    clock: () => NOW,
    onCopy: vi.fn(() => true),
    onInsert: vi.fn(() => true),
    onLog: vi.fn(async () => ({ nudgeCount: 1 })),
    onCopyNote: vi.fn(),
    onInsertNote: vi.fn(),
    ...extra,
  };
  const view = render(<NudgePanel {...props} />);
  const preview = () =>
    view.container.querySelector("[data-paynudge-preview]")!;
  const note = () =>
    view.container.querySelector("[data-paynudge-note]")!.textContent;
  return { props, view, preview, note };
}

const button = (name: string) =>
  screen.getByRole("button", { name }) as HTMLButtonElement;

/** The agent's click that a copy receives as its proof. */
const agentClick = expect.objectContaining({ type: "click", isTrusted: true });

describe("nudge panel: the message", () => {
  it("lists the templates best first and previews the first one filled in", () => {
    const { preview } = setup();
    const options = within(screen.getByLabelText("话术")).getAllByRole(
      "option",
    );
    expect(options.map((o) => o.getAttribute("value"))).toEqual(
      templates.map((t) => t.id),
    );
    expect((screen.getByLabelText("话术") as HTMLSelectElement).value).toBe(
      "zh-first-silent",
    );
    expect(preview().textContent).toBe(
      renderTemplate(templates[0]!.body, values, "zh").text,
    );
    expect(preview().textContent).toContain("珊瑚绒四件套");
  });

  it("updates the preview when another template is chosen", () => {
    const { preview } = setup();
    trustedFire.change(screen.getByLabelText("话术"), {
      target: { value: "zh-first-returning" },
    });
    expect(preview().textContent).toBe(
      "牛**，谢谢又来支持暖暖小铺！您11-23 14:05拍的「珊瑚绒四件套」还没付款哦，老顾客的订单付款后我们优先打包发出～",
    );
  });

  it("marks a variable without a value visibly, and says how many are missing", () => {
    const { preview } = setup({
      values: { ...values, agent: undefined },
      templates: templatesFor({
        locale: "zh",
        scenario: "first",
        consulted: true,
      }),
    });
    const marks = preview().querySelectorAll("mark[data-missing]");
    expect(
      [...marks].map((m) => [m.getAttribute("data-missing"), m.textContent]),
    ).toEqual([["agent", "【未填:客服】"]]);
    expect(
      screen.getByText("有 1 项没有取到值（已标出），发送前请补全。"),
    ).toBeTruthy();
  });

  it("copies the rendered text with its template id", async () => {
    const { props } = setup();
    trustedFire.change(screen.getByLabelText("话术"), {
      target: { value: "zh-first-returning" },
    });
    trustedFire.click(button("复制话术"));
    expect(props.onCopy).toHaveBeenCalledExactlyOnceWith(
      renderTemplate(
        templates.find((t) => t.id === "zh-first-returning")!.body,
        values,
        "zh",
      ).text,
      "zh-first-returning",
      agentClick,
    );
    expect((await screen.findByRole("status")).textContent).toBe("已复制");
  });

  it("reports a failed copy", async () => {
    setup({ onCopy: vi.fn(async () => false) });
    trustedFire.click(button("复制话术"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("复制失败"),
    );
  });

  it("inserts into the chat box, and explains when none is open", () => {
    const { props } = setup();
    trustedFire.click(button("插入聊天框"));
    expect(props.onInsert).toHaveBeenCalledExactlyOnceWith(
      renderTemplate(templates[0]!.body, values, "zh").text,
      templates[0]!.id,
    );
    cleanup();
    const closed = setup({ canInsertMessage: false });
    expect(button("插入聊天框").disabled).toBe(true);
    expect(
      screen.getByText("页面上没有打开的聊天框，请复制后粘贴。"),
    ).toBeTruthy();
    expect(closed.props.onInsert).not.toHaveBeenCalled();
  });

  it("says whose chat is open when it is another buyer's, inserting nothing; copy still works", async () => {
    const { props, view } = setup({
      onInsert: vi.fn(async () => ({
        status: "other-buyer" as const,
        chatBuyer: "<b>小***</b>",
        orderBuyer: "牛**",
      })),
    });
    trustedFire.click(button("插入聊天框"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "当前聊天是买家「<b>小***</b>」，不是本订单的买家「牛**」，未插入。可复制话术后发给本订单的买家。",
    );
    // The page's nickname stays text.
    expect(view.container.querySelector("b")).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("");
    expect(button("复制话术").disabled).toBe(false);
    trustedFire.click(button("复制话术"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("已复制"),
    );
    expect(props.onCopy).toHaveBeenCalledOnce();
  });

  it("inserts with a visible warning when the open chat's buyer is unknown, and without one when it is the order's", async () => {
    const onInsert = vi.fn(async (): Promise<ChatInsert> => ({
      status: "unsure",
    }));
    setup({ onInsert });
    trustedFire.click(button("插入聊天框"));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "未能确认聊天对象，请核对买家后再发送。",
    );
    expect(screen.getByRole("status").textContent).toBe("已插入");
    onInsert.mockResolvedValueOnce({ status: "inserted" });
    trustedFire.click(button("插入聊天框"));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(screen.getByRole("status").textContent).toBe("已插入");
  });

  it("shows buyer data as text, never as markup", () => {
    const { view, preview } = setup({
      values: { ...values, buyer: "<img src=x onerror=alert(1)>" },
      order: { ...order, buyer: "<b>x</b>" },
    });
    expect(view.container.querySelector("img, b")).toBeNull();
    expect(preview().textContent).toContain("<img src=x onerror=alert(1)>");
    expect(screen.getByRole("heading").textContent).toBe("催付 · <b>x</b>");
  });
});

describe("nudge panel: outcome, reason and note", () => {
  it("logs channel, step, template, agent, time, outcome and reason", () => {
    const { props } = setup();
    trustedFire.change(screen.getByLabelText("催付方式"), {
      target: { value: "phone" },
    });
    trustedFire.click(screen.getByLabelText("付款遇到问题"));
    trustedFire.change(screen.getByLabelText("未付原因"), {
      target: { value: "payment-method" },
    });
    expect(screen.getByText(/^建议：/).textContent).toContain("其他付款方式");
    trustedFire.click(button("记录本次催付"));
    expect(props.onLog).toHaveBeenCalledExactlyOnceWith({
      at: NOW,
      channel: "phone",
      step: "first",
      templateId: "zh-first-silent",
      agent: "小美",
      outcome: "payment-trouble",
      reason: "payment-method",
      when: undefined,
      note: "11-23 15:00 小美 第1次 支付遇到问题（缺少支付方式）",
    });
  });

  it("takes the channel from the chosen template, and the step from it when none is given", () => {
    const { props } = setup({
      step: undefined,
      templates: templatesFor({
        locale: "zh",
        scenario: "follow-up",
        channel: "sms",
      }),
    });
    expect((screen.getByLabelText("催付方式") as HTMLSelectElement).value).toBe(
      "sms",
    );
    trustedFire.change(screen.getByLabelText("话术"), {
      target: { value: "zh-final" },
    });
    expect((screen.getByLabelText("催付方式") as HTMLSelectElement).value).toBe(
      "chat",
    );
    trustedFire.click(button("记录本次催付"));
    expect(props.onLog).toHaveBeenCalledWith(
      expect.objectContaining({
        step: "final",
        channel: "chat",
        templateId: "zh-final",
        outcome: undefined,
      }),
    );
  });

  it("keeps the note preview in step with the outcome", () => {
    const { props, note } = setup();
    expect(note()).toBe("11-23 15:00 小美 第1次 已留言");
    trustedFire.change(screen.getByLabelText("催付方式"), {
      target: { value: "sms" },
    });
    expect(note()).toBe("11-23 15:00 小美 第1次 已发短信");
    trustedFire.click(screen.getByLabelText("会付款"));
    expect(note()).toBe("11-23 15:00 小美 第1次 答应付款");
    trustedFire.change(screen.getByLabelText("预计付款"), {
      target: { value: "evening" },
    });
    expect(note()).toBe("11-23 15:00 小美 第1次 晚上付款");
    trustedFire.click(screen.getByLabelText("不想要了"));
    expect(screen.queryByLabelText("预计付款")).toBeNull();
    trustedFire.change(screen.getByLabelText("未付原因"), {
      target: { value: "shipping-cost" },
    });
    expect(note()).toBe("11-23 15:00 小美 第1次 不想要了（嫌运费贵）");
    trustedFire.click(button("复制备注"));
    expect(props.onCopyNote).toHaveBeenCalledExactlyOnceWith(
      "11-23 15:00 小美 第1次 不想要了（嫌运费贵）",
      agentClick,
    );
    trustedFire.click(button("写入备注栏"));
    expect(props.onInsertNote).toHaveBeenCalledExactlyOnceWith(
      "11-23 15:00 小美 第1次 不想要了（嫌运费贵）",
    );
  });

  it("counts on from the order and the memo", () => {
    const { note } = setup({ order: { ...order, nudgeCount: 3 } });
    expect(note()).toMatch(/ 第4次 /);
  });

  it("closes with Escape or the close button", () => {
    const onClose = vi.fn();
    setup({ onClose });
    trustedFire.keyDown(screen.getByLabelText("未付原因"), { key: "Escape" });
    trustedFire.click(button("关闭"));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it("reaches every control with the keyboard: only native, focusable controls", () => {
    const { view } = setup();
    const controls = view.container.querySelectorAll("button, select, input");
    expect(controls.length).toBeGreaterThan(10);
    for (const el of controls)
      expect(el.getAttribute("tabindex")).not.toBe("-1");
    expect(
      view.container.querySelectorAll('[onclick], div[role="button"]'),
    ).toHaveLength(0);
  });
});

describe("nudge panel: events a page script makes", () => {
  it("choose, copy, insert, log and close nothing", async () => {
    const onClose = vi.fn();
    const { props, preview, note } = setup({ onClose });
    const before = { preview: preview().textContent, note: note() };
    fireEvent.change(screen.getByLabelText("话术"), {
      target: { value: "zh-first-returning" },
    });
    fireEvent.change(screen.getByLabelText("催付方式"), {
      target: { value: "phone" },
    });
    fireEvent.click(screen.getByLabelText("不想要了"));
    fireEvent.change(screen.getByLabelText("未付原因"), {
      target: { value: "shipping-cost" },
    });
    for (const name of [
      "复制话术",
      "插入聊天框",
      "记录本次催付",
      "复制备注",
      "写入备注栏",
      "关闭",
    ])
      fireEvent.click(button(name));
    fireEvent.keyDown(screen.getByLabelText("未付原因"), { key: "Escape" });
    await new Promise((r) => setTimeout(r, 0));
    expect(props.onCopy).not.toHaveBeenCalled();
    expect(props.onInsert).not.toHaveBeenCalled();
    expect(props.onLog).not.toHaveBeenCalled();
    expect(props.onCopyNote).not.toHaveBeenCalled();
    expect(props.onInsertNote).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    // The controlled choices snap back: nothing the note or the log would carry changed.
    expect(preview().textContent).toBe(before.preview);
    expect(note()).toBe(before.note);
    expect((screen.getByLabelText("话术") as HTMLSelectElement).value).toBe(
      "zh-first-silent",
    );
    expect((screen.getByLabelText("未付原因") as HTMLSelectElement).value).toBe(
      "",
    );
    expect(
      (screen.getByLabelText("不想要了") as HTMLInputElement).checked,
    ).toBe(false);
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("cannot lift the colleague hold", () => {
    const warning = colleagueWarning(
      parseNotes("11-23 14:05 阿华 第2次 晚上付款", NOW),
      { self: "小美", now: NOW, cooldownMs: 2 * 60 * MIN },
    )!;
    setup({ warning });
    fireEvent.click(button("仍要再催一次"));
    expect(button("复制话术").disabled).toBe(true);
    expect(button("记录本次催付").disabled).toBe(true);
  });
});

describe("nudge panel: a colleague already reminded this buyer", () => {
  const notes = parseNotes(
    "顾客要求发顺丰\n11-23 14:05 阿华 第2次 晚上付款",
    NOW,
  );

  it("says who reminded when, and asks before a second nudge inside the cooldown", () => {
    const warning = colleagueWarning(notes, {
      self: "小美",
      now: NOW,
      cooldownMs: 2 * 60 * MIN,
    })!;
    const { props, note } = setup({ warning });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("阿华 14:05 已催付");
    expect(alert.textContent).toContain("第2次 · 晚上付款");
    expect(alert.textContent).toContain("16:05 以后再催更合适");
    for (const name of [
      "复制话术",
      "插入聊天框",
      "记录本次催付",
      "复制备注",
      "写入备注栏",
    ]) {
      expect(button(name).disabled, name).toBe(true);
      trustedFire.click(button(name));
    }
    expect(props.onCopy).not.toHaveBeenCalled();
    expect(props.onLog).not.toHaveBeenCalled();
    // The next note carries on from the colleague's count.
    expect(note()).toBe("11-23 15:00 小美 第3次 已留言");

    trustedFire.click(button("仍要再催一次"));
    expect(button("复制话术").disabled).toBe(false);
    trustedFire.click(button("复制话术"));
    expect(props.onCopy).toHaveBeenCalledOnce();
    expect(screen.queryByRole("button", { name: "仍要再催一次" })).toBeNull();
  });

  it("informs without blocking once the cooldown is over", () => {
    const warning = colleagueWarning(notes, {
      self: "小美",
      now: NOW,
      cooldownMs: 30 * MIN,
    })!;
    setup({ warning });
    expect(screen.getByRole("alert").textContent).toContain(
      "阿华 14:05 已催付",
    );
    expect(screen.queryByRole("button", { name: "仍要再催一次" })).toBeNull();
    expect(button("复制话术").disabled).toBe(false);
  });

  it("tells agents their own note from another machine apart, with the date when not today", () => {
    const earlier = parseNotes("11-22 20:10 小美 第1次 未回复", NOW);
    setup({
      warning: colleagueWarning(earlier, {
        self: "小美",
        now: NOW,
        cooldownMs: 60 * MIN,
      }),
    });
    expect(screen.getByRole("alert").textContent).toContain(
      "你（小美）11-22 20:10 已催付",
    );
  });

  it("speaks English for English stores", () => {
    const warning = colleagueWarning(notes, {
      self: "Mia",
      now: NOW,
      cooldownMs: 2 * 60 * MIN,
    })!;
    setup({
      locale: "en",
      templates: templatesFor({ locale: "en", scenario: "first" }),
      warning,
    });
    expect(screen.getByRole("alert").textContent).toContain(
      "Reminded by 阿华 at 14:05",
    );
    expect(button("Copy message").disabled).toBe(true);
    expect(
      screen.getByLabelText("Will pay", { selector: "input" }),
    ).toBeTruthy();
  });
});

describe("nudge panel styles", () => {
  it("ship as a plain CSS string scoped to the panel", () => {
    expect(NUDGE_PANEL_CSS).toContain(".pn-panel");
    expect(NUDGE_PANEL_CSS).toContain(".pn-missing");
    expect(NUDGE_PANEL_CSS).not.toMatch(/(^|\n)\s*(body|html|\*)\s*[{,]/);
  });
});

describe("mounting the panel in a badge’s shadow root", () => {
  it("renders with its styles inside the shadow root, keeps state on update, and cleans up", () => {
    const host = document.createElement("div");
    document.body.append(host);
    // Closed, as the badge's: the panel needs no more than the reference its mounter holds.
    const shadow = host.attachShadow({ mode: "closed" });
    const onCopy = vi.fn();
    const props: NudgePanelProps = {
      order,
      templates,
      values,
      locale: "zh",
      agent: "小美",
      clock: () => NOW,
      onCopy,
      onLog: vi.fn(),
      onCopyNote: vi.fn(),
    };
    let mounted!: ReturnType<typeof mountNudgePanel>;
    act(() => {
      mounted = mountNudgePanel(shadow, props);
    });
    expect(shadow.querySelector("style")!.textContent).toBe(NUDGE_PANEL_CSS);
    expect(document.querySelector("[data-paynudge-panel]")).toBeNull();
    const select = shadow.querySelector("select")!;
    act(() => {
      trustedFire.change(select, { target: { value: "zh-first-returning" } });
    });
    act(() => mounted.update({ ...props, clock: () => NOW + MIN }));
    expect(shadow.querySelector("select")!.value).toBe("zh-first-returning");
    expect(shadow.querySelector("[data-paynudge-note]")!.textContent).toBe(
      "11-23 15:01 小美 第1次 已留言",
    );
    act(() => {
      trustedFire.click(
        [...shadow.querySelectorAll("button")].find(
          (b) => b.textContent === "复制话术",
        )!,
      );
    });
    expect(onCopy).toHaveBeenCalledWith(
      expect.stringContaining("老顾客"),
      "zh-first-returning",
      agentClick,
    );
    act(() => mounted.update({ ...props, order: { ...order, orderId: "2" } }));
    expect(shadow.querySelector("select")!.value).toBe(templates[0]!.id);
    act(() => mounted.unmount());
    expect(shadow.childNodes).toHaveLength(0);
    host.remove();
  });
});

describe("nudge panel: one log per nudge", () => {
  const logged = (view: ReturnType<typeof setup>["view"]) =>
    view.container.querySelector("[data-paynudge-logged]")?.textContent;
  const refusal = (view: ReturnType<typeof setup>["view"]) =>
    view.container.querySelector("[data-paynudge-duplicate]")?.textContent;

  it("after a log shows what was logged, and offers only an explicit 再记一次 that logs the same step again", async () => {
    const { props, view, note } = setup();
    trustedFire.click(button("记录本次催付"));
    await waitFor(() => expect(logged(view)).toBe("已记录：第1次 · 15:00"));
    expect(screen.queryByRole("button", { name: "记录本次催付" })).toBeNull();
    expect(screen.getByRole("status").textContent).toBe("已记录");
    // The note shown is the one logged: copied or written into the memo now, it matches the log.
    expect(note()).toBe("11-23 15:00 小美 第1次 已留言");

    trustedFire.click(button("再记一次"));
    await waitFor(() => expect(logged(view)).toBe("已记录：第2次 · 15:00"));
    expect(props.onLog).toHaveBeenCalledTimes(2);
    expect(props.onLog).toHaveBeenLastCalledWith(
      expect.objectContaining({
        again: true,
        step: "first",
        note: "11-23 15:00 小美 第2次 已留言",
      }),
    );
    expect(vi.mocked(props.onLog).mock.calls[0]![0]).not.toHaveProperty(
      "again",
    );
    expect(note()).toBe("11-23 15:00 小美 第2次 已留言");
  });

  it("sends one log while one is on its way, and ignores the second click of a double click", async () => {
    let land: (answer: { nudgeCount: number }) => void = () => undefined;
    const onLog = vi.fn(
      () =>
        new Promise<{ nudgeCount: number }>((resolve) => {
          land = resolve;
        }),
    );
    const { view } = setup({ onLog });
    const log = button("记录本次催付");
    trustedFire.click(log, { detail: 1 });
    trustedFire.click(log, { detail: 1 });
    expect(log.disabled).toBe(true);
    expect(onLog).toHaveBeenCalledOnce();
    await act(async () => land({ nudgeCount: 1 }));
    expect(logged(view)).toBe("已记录：第1次 · 15:00");
    // The double click's second click lands on 再记一次 once the first has been logged.
    trustedFire.click(button("再记一次"), { detail: 2 });
    expect(onLog).toHaveBeenCalledOnce();
  });

  it("says when the step was already logged (another tab), and 再记一次 counts that nudge too", async () => {
    const onLog = vi
      .fn<NudgePanelProps["onLog"]>()
      .mockResolvedValueOnce({ nudgeCount: 1, duplicateAt: NOW - 2 * MIN })
      .mockResolvedValue({ nudgeCount: 2 });
    const { view } = setup({ onLog });
    trustedFire.click(button("记录本次催付"));
    await waitFor(() => expect(refusal(view)).toContain("14:58"));
    expect(refusal(view)).toContain("没有重复记录");
    expect(logged(view)).toBeUndefined();
    expect(screen.getByRole("status").textContent).toBe("");

    trustedFire.click(button("再记一次"));
    await waitFor(() => expect(logged(view)).toBe("已记录：第2次 · 15:00"));
    expect(onLog).toHaveBeenLastCalledWith(
      expect.objectContaining({ again: true, step: "first" }),
    );
    expect(refusal(view)).toBeUndefined();
  });

  it("says a failed log failed and lets the agent try again", async () => {
    const onLog = vi
      .fn<NudgePanelProps["onLog"]>()
      .mockRejectedValueOnce(new Error("gone"))
      .mockResolvedValue({ nudgeCount: 1 });
    const { view } = setup({ onLog });
    trustedFire.click(button("记录本次催付"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("记录失败，请重试"),
    );
    trustedFire.click(button("记录本次催付"));
    await waitFor(() => expect(logged(view)).toBe("已记录：第1次 · 15:00"));
    expect(vi.mocked(onLog).mock.calls[1]![0]).not.toHaveProperty("again");
  });

  it("moves on to the next step's best template when the order's step changes", () => {
    const { props, view } = setup();
    trustedFire.change(screen.getByLabelText("话术"), {
      target: { value: templates[1]!.id },
    });
    const next = templatesFor({ locale: "zh", scenario: "follow-up" });
    view.rerender(<NudgePanel {...props} step="follow-up" templates={next} />);
    expect((screen.getByLabelText("话术") as HTMLSelectElement).value).toBe(
      next[0]!.id,
    );
  });
});

describe("nudge panel: a colleague's order (team mode)", () => {
  const theirs = { name: "阿强", mine: false, takenOver: false };

  it("holds every action until the agent takes it over, then offers the takeover note for the memo", async () => {
    const onTakeOver = vi.fn(async () => ({
      name: "小美",
      mine: true,
      takenOver: false,
    }));
    const { props } = setup({ owner: theirs, onTakeOver });
    expect(screen.getByRole("alert").textContent).toMatch(/^这是阿强的订单/);
    expect(button("记录本次催付").disabled).toBe(true);
    expect(button("复制话术").disabled).toBe(true);
    // A script's click does nothing: only the agent's own takes the order over.
    fireEvent.click(button("由我接手"));
    expect(onTakeOver).not.toHaveBeenCalled();
    trustedFire.click(button("由我接手"));
    await waitFor(() =>
      expect(
        document.querySelector("[data-paynudge-takeover-note]")?.textContent,
      ).toBe("11-23 15:00 小美 接手"),
    );
    expect(button("记录本次催付").disabled).toBe(false);
    trustedFire.click(
      within(
        document.querySelector(
          '[data-paynudge-takeover="done"]',
        ) as HTMLElement,
      ).getByRole("button", { name: "复制备注" }),
    );
    await waitFor(() =>
      expect(props.onCopyNote).toHaveBeenCalledWith(
        "11-23 15:00 小美 接手",
        agentClick,
      ),
    );
  });

  it("stays held and says so when the takeover fails", async () => {
    setup({
      owner: theirs,
      onTakeOver: vi.fn(async () => {
        throw new Error("refused");
      }),
    });
    trustedFire.click(button("由我接手"));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("接手失败，请重试"),
    );
    expect(button("记录本次催付").disabled).toBe(true);
  });

  it("shows nothing of it on the agent's own order", () => {
    setup({
      owner: { name: "小美", mine: true, takenOver: false },
      onTakeOver: vi.fn(),
    });
    expect(document.querySelector("[data-paynudge-takeover]")).toBeNull();
    expect(button("记录本次催付").disabled).toBe(false);
  });
});
