import { afterEach, describe, expect, it, vi } from "vitest";
import type { ComposeContext } from "@/lib/messaging/compose-context";
import type { LogNudgeReply } from "@/lib/messaging/order-requests";
import type { StoredOrder } from "@/lib/model/order";
import type { OrderView } from "@/lib/model/order-view";
import type { Tracked } from "@/lib/page/order-badges";
import { panelControl } from "@/lib/page/panel-control";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { taobaoLegacy } from "@/lib/platforms/taobao/legacy";
import type { BadgeUi, PanelModel } from "@/lib/page/ui-port";
import { formatNote } from "@/lib/templates/notes";
import { bestMessage } from "@/lib/templates/render";
import { templatesFor } from "@/lib/templates/shipped";

/*
 * The badge's click and the panel's buttons, through the UI port alone (a stand-in badge): the
 * best message is copied at once unless a colleague's fresh note holds it back, the panel opens
 * with every template that fits, one panel at a time, and a logged nudge reaches the badge.
 */

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const MIN = 60_000;

function order(orderId: string, memo?: string): StoredOrder {
  return {
    key: `taobao:${orderId}`,
    platform: "taobao",
    orderId,
    status: "unpaid",
    createdAt: NOW - 30 * MIN,
    amountCents: 23900,
    buyer: "牛**",
    items: [{ title: "珊瑚绒四件套" }],
    pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    nudgeCount: 0,
    ...(memo ? { memo } : {}),
  };
}

function context(o: StoredOrder): ComposeContext {
  return {
    order: o,
    values: { buyer: "牛**", item: "珊瑚绒四件套", shop: "暖暖小铺" },
    templates: templatesFor({ locale: "zh", scenario: "first" }),
    locale: "zh",
    agent: "小美",
    step: "first",
    cooldownMs: 30 * MIN,
  };
}

function fakeBadge() {
  let open: PanelModel | undefined;
  const badge = {
    host: document.createElement("span"),
    update: vi.fn(),
    refresh: vi.fn(),
    setMemoNote: vi.fn(),
    copied: vi.fn(),
    copy: vi.fn(async () => true),
    openPanel: vi.fn((model: PanelModel) => {
      open = model;
    }),
    closePanel: vi.fn(() => {
      open = undefined;
    }),
    get panelOpen() {
      return open !== undefined;
    },
    remove: vi.fn(),
    model: () => open,
  } satisfies BadgeUi & { model(): PanelModel | undefined };
  return badge;
}

function setup(contexts: Record<string, ComposeContext>) {
  const controller = new AbortController();
  const entries = new Map<
    string,
    Tracked & { badge: ReturnType<typeof fakeBadge> }
  >();
  for (const key of Object.keys(contexts))
    entries.set(key, {
      row: document.createElement("div"),
      badge: fakeBadge(),
      fingerprint: "x",
    });
  const logged: OrderView = {
    key: "taobao:1",
    orderId: "1",
    status: "unpaid",
    nudgeCount: 1,
    lastNudgeAt: NOW,
  };
  const opts = {
    doc: document,
    badges: { get: (key: string) => entries.get(key) },
    signal: controller.signal,
    now: () => NOW,
    panelFor: vi.fn(async (key: string) => contexts[key]!),
    logNudge: vi.fn(async (): Promise<LogNudgeReply> => logged),
    editorsOf: (): PlatformAdapter | undefined => undefined,
    onLogged: vi.fn(),
  };
  const panel = panelControl(opts);
  const click = () => new MouseEvent("click");
  return { panel, entries, opts, controller, click, logged };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe("the badge's click", () => {
  it("copies the best message at once and opens the panel with every template that fits", async () => {
    const ctx = context(order("1"));
    const { panel, entries, click } = setup({ "taobao:1": ctx });
    const badge = entries.get("taobao:1")!.badge;
    const cause = click();
    await panel.activate("taobao:1", cause);
    expect(badge.copy).toHaveBeenCalledWith(bestMessage(ctx).text, cause);
    expect(badge.copied).toHaveBeenCalledWith(true, bestMessage(ctx).missing);
    const model = badge.model()!;
    expect(model.templates).toEqual(ctx.templates);
    expect(model.agent).toBe("小美");
    expect(model.step).toBe("first");
    // No chat box or memo field on this page: the panel says so instead of inserting.
    expect(model.canInsertMessage).toBe(false);
    expect(model.canInsertNote).toBe(false);
  });

  it("holds the copy back when a colleague reminded the buyer minutes ago, and still opens the panel", async () => {
    const memo = formatNote({
      at: NOW - 5 * MIN,
      agent: "阿华",
      count: 1,
      feedback: "已催付",
    });
    const { panel, entries, click } = setup({
      "taobao:1": context(order("1", memo)),
    });
    const badge = entries.get("taobao:1")!.badge;
    await panel.activate("taobao:1", click());
    expect(badge.copy).not.toHaveBeenCalled();
    expect(badge.model()!.warning).toMatchObject({
      agent: "阿华",
      insideCooldown: true,
    });
  });

  it("keeps one panel open at a time, and a second click closes it", async () => {
    const { panel, entries, click } = setup({
      "taobao:1": context(order("1")),
      "taobao:2": context(order("2")),
    });
    const [one, two] = [
      entries.get("taobao:1")!.badge,
      entries.get("taobao:2")!.badge,
    ];
    await panel.activate("taobao:1", click());
    await panel.activate("taobao:2", click());
    expect(one.panelOpen).toBe(false);
    expect(two.panelOpen).toBe(true);
    await panel.activate("taobao:2", click());
    expect(two.panelOpen).toBe(false);
  });

  it("says the copy failed when the background cannot prepare the message", async () => {
    const { panel, entries, opts, click } = setup({
      "taobao:1": context(order("1")),
    });
    opts.panelFor.mockRejectedValueOnce(new Error("gone"));
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    await panel.activate("taobao:1", click());
    error.mockRestore();
    const badge = entries.get("taobao:1")!.badge;
    expect(badge.copied).toHaveBeenCalledWith(false);
    expect(badge.panelOpen).toBe(false);
  });
});

describe("the panel's buttons", () => {
  it("copy through the badge, and a logged nudge reaches the badge and its clock", async () => {
    const { panel, entries, opts, click, logged } = setup({
      "taobao:1": context(order("1")),
    });
    const badge = entries.get("taobao:1")!.badge;
    await panel.activate("taobao:1", click());
    const model = badge.model()!;
    const cause = click();
    await model.onCopyNote("note", cause);
    expect(badge.copy).toHaveBeenLastCalledWith("note", cause);
    await model.onLog({
      at: NOW,
      channel: "chat",
      step: "first",
      agent: "小美",
      note: "11-23 15:00 小美 第1次 已催付",
    });
    expect(opts.logNudge).toHaveBeenCalledWith({
      key: "taobao:1",
      at: NOW,
      channel: "chat",
      step: "first",
      agent: "小美",
      note: "11-23 15:00 小美 第1次 已催付",
    });
    expect(badge.update).toHaveBeenCalledWith(logged, NOW);
    expect(entries.get("taobao:1")!.view).toBe(logged);
    expect(opts.onLogged).toHaveBeenCalledOnce();
  });

  it("the open panel learns of the memo field the agent opened, and inserts the note there", async () => {
    const { panel, entries, click } = setup({
      "taobao:1": context(order("1")),
    });
    const badge = entries.get("taobao:1")!.badge;
    await panel.activate("taobao:1", click());
    expect(badge.model()!.canInsertNote).toBe(false);
    const memo = document.createElement("textarea");
    memo.className = "note-textarea";
    document.body.append(memo);
    panel.refresh();
    const model = badge.model()!;
    expect(model.canInsertNote).toBe(true);
    expect(model.onInsertNote!("11-23 15:00 小美 第1次")).toBe(true);
    expect(memo.value).toBe("11-23 15:00 小美 第1次");
  });
});

describe("one log per nudge", () => {
  it("moves the open panel on to the order's next step once the nudge is logged", async () => {
    const { panel, entries, opts, click } = setup({
      "taobao:1": context(order("1")),
    });
    const badge = entries.get("taobao:1")!.badge;
    await panel.activate("taobao:1", click());
    opts.panelFor.mockResolvedValueOnce({
      ...context({ ...order("1"), nudgeCount: 1 }),
      step: "follow-up",
      templates: templatesFor({ locale: "zh", scenario: "follow-up" }),
    });
    const answer = await badge.model()!.onLog({
      at: NOW,
      channel: "chat",
      step: "first",
      note: "11-23 15:00 小美 第1次 已催付",
    });
    expect(answer).toEqual({ nudgeCount: 1 });
    expect(badge.model()!.step).toBe("follow-up");
    expect(badge.model()!.templates[0]!.scenario).toBe("follow-up");
  });

  it("passes the agent's 再记一次 on, and hands a refusal back to the panel with the badge brought up to date", async () => {
    const { panel, entries, opts, click, logged } = setup({
      "taobao:1": context(order("1")),
    });
    const badge = entries.get("taobao:1")!.badge;
    await panel.activate("taobao:1", click());
    const entry = {
      at: NOW,
      channel: "chat" as const,
      step: "first",
      note: "11-23 15:00 小美 第1次 已催付",
    };
    opts.logNudge.mockResolvedValueOnce({
      ...logged,
      duplicate: { at: NOW - 2 * MIN, step: "first" },
    });
    const panelReads = opts.panelFor.mock.calls.length;
    expect(await badge.model()!.onLog(entry)).toEqual({
      nudgeCount: 1,
      duplicateAt: NOW - 2 * MIN,
    });
    expect(badge.update).toHaveBeenLastCalledWith(logged, NOW);
    expect(entries.get("taobao:1")!.view).toEqual(logged);
    // Nothing was logged: the panel stays on its step.
    expect(opts.panelFor.mock.calls.length).toBe(panelReads);

    await badge.model()!.onLog({ ...entry, again: true });
    expect(opts.logNudge).toHaveBeenLastCalledWith({
      key: "taobao:1",
      ...entry,
      again: true,
    });
  });
});

describe("the right buyer's chat", () => {
  /** The demo shop's chat window: the buyer in its header, the input below. */
  function chatWindow(buyer: string | undefined) {
    const box = document.createElement("div");
    const name = document.createElement("span");
    name.className = "chat-buyer";
    if (buyer !== undefined) name.textContent = buyer;
    const input = document.createElement("div");
    input.setAttribute("contenteditable", "true");
    input.setAttribute("aria-label", "输入消息");
    box.append(name, input);
    document.body.append(box);
    return input;
  }

  async function openPanel(withChatBuyer = true) {
    const { panel, entries, opts, click } = setup({
      "taobao:1": context(order("1")),
    });
    // The panel asks for the page's adapter on each insert.
    const adapter: PlatformAdapter = withChatBuyer
      ? { ...taobaoLegacy, chatBuyer: [".chat-buyer"] }
      : taobaoLegacy;
    opts.editorsOf = () => adapter;
    const badge = entries.get("taobao:1")!.badge;
    await panel.activate("taobao:1", click());
    return badge.model()!;
  }

  it("refuses to put the message into another buyer's chat, naming both buyers", async () => {
    const input = chatWindow("小***");
    const model = await openPanel();
    expect(await model.onInsert!("亲，牛**您好", "t")).toEqual({
      status: "other-buyer",
      chatBuyer: "小***",
      orderBuyer: "牛**",
    });
    expect(input.textContent).toBe("");
  });

  it("inserts into the order's buyer's chat, the masked nickname matched by its visible characters", async () => {
    const input = chatWindow("牛奶糖");
    const model = await openPanel();
    expect(await model.onInsert!("亲，牛**您好", "t")).toEqual({
      status: "inserted",
    });
    expect(input.textContent).toBe("亲，牛**您好");
  });

  it("inserts with a warning when the page does not show whose chat is open", async () => {
    const blank = chatWindow("");
    expect(await (await openPanel()).onInsert!("第一条", "t")).toEqual({
      status: "unsure",
    });
    expect(blank.textContent).toBe("第一条");
    document.body.replaceChildren();
    const unknown = chatWindow("小***");
    // The adapter does not say where the chat's buyer is: unknown, even though the page shows one.
    expect(await (await openPanel(false)).onInsert!("第二条", "t")).toEqual({
      status: "unsure",
    });
    expect(unknown.textContent).toBe("第二条");
  });
});
