import { act, cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { NudgePanelProps } from "@/components/page/NudgePanel";
import { createOrderBadge } from "@/components/page/order-badge";
import { templatesFor } from "@/lib/templates/shipped";
import type { OrderView } from "@/lib/model/order-view";
import { dispatchTrusted, trustedFire } from "@/test/support/trusted-events";

/*
 * What the seller's page can see of a badge, and what it can make it do: the three documented
 * test hooks on the host and nothing else, a closed root, and no action without the agent's own
 * input. The badge hands its root only to its caller (`badge.root`), which is how these tests and
 * the order watcher reach inside.
 */

const NOW = Date.now();
const view: OrderView = {
  key: "taobao:3905120000000000007",
  orderId: "3905120000000000007",
  status: "unpaid",
  nextDueAt: NOW - 60_000,
  nudgeCount: 1,
  nextStep: "follow-up",
  nextChannel: "chat",
  deadlineAt: NOW + 3 * 3_600_000,
  lastNudgeAt: NOW - 3_600_000,
  lastAgent: "小美",
};

const panelProps = (): NudgePanelProps => ({
  order: { orderId: view.orderId, nudgeCount: 1, buyer: "牛**" },
  templates: templatesFor({ locale: "zh", scenario: "first" }),
  values: { buyer: "牛**" },
  locale: "zh",
  agent: "小美",
  onCopy: vi.fn(),
  onLog: vi.fn(),
  onCopyNote: vi.fn(),
});

function makeBadge() {
  const onActivate = vi.fn();
  const badge = createOrderBadge(document, view.orderId, "zh", onActivate);
  document.body.append(badge.host);
  badge.update(view, NOW);
  const button = badge.root.querySelector("button")!;
  return { badge, onActivate, button };
}

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe("what the page can read of a badge", () => {
  it("only the three test hooks on the host; the root is closed", () => {
    const { badge } = makeBadge();
    expect(badge.host.shadowRoot).toBeNull();
    expect(badge.host.getAttributeNames().sort()).toEqual([
      "data-paynudge-due",
      "data-paynudge-order",
      "data-paynudge-state",
    ]);
    expect(badge.host.getAttribute("data-paynudge-state")).toBe("due");
    expect(badge.host.getAttribute("data-paynudge-due")).toBe(
      String(view.nextDueAt),
    );
    // No expando a page script could read on the host element either.
    expect(Object.keys(badge.host)).toEqual([]);
    expect(badge.host.childNodes).toHaveLength(0);
    expect(badge.host.textContent).toBe("");
    // The badge still shows its state inside, where only its caller looks.
    expect(badge.root.querySelector("button")!.textContent).toContain(
      "该催付了",
    );
  });

  it("keeps the open panel and its choices out of the page's reach", () => {
    const { badge } = makeBadge();
    act(() => badge.openPanel(panelProps()));
    expect(badge.host.getAttributeNames()).toHaveLength(3);
    expect(badge.host.shadowRoot).toBeNull();
    expect(document.querySelector("[data-paynudge-panel], select")).toBeNull();
    expect(badge.root.querySelector("[data-paynudge-panel]")).not.toBeNull();
    act(() => badge.closePanel());
  });
});

describe("what the page can make a badge do", () => {
  it("nothing with a script's click, on the host or (given the root) on the button", () => {
    const { badge, onActivate, button } = makeBadge();
    badge.host.click();
    badge.host.dispatchEvent(
      new MouseEvent("click", { bubbles: true, composed: true }),
    );
    button.click();
    button.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    button.dispatchEvent(
      new KeyboardEvent("keydown", { key: "Enter", bubbles: true }),
    );
    expect(onActivate).not.toHaveBeenCalled();
  });

  it("opens for the agent's click, with that click as the clipboard's proof", () => {
    const { onActivate, button } = makeBadge();
    trustedFire.click(button);
    expect(onActivate).toHaveBeenCalledOnce();
    const cause = onActivate.mock.calls[0]![0] as MouseEvent;
    expect(cause.isTrusted).toBe(true);
    expect(cause.type).toBe("click");
  });

  it("keeps even the agent's click from the row's own handlers", () => {
    const { badge, button } = makeBadge();
    const row = vi.fn();
    document.body.addEventListener("click", row);
    dispatchTrusted(
      button,
      new MouseEvent("click", { bubbles: true, composed: true }),
    );
    expect(row).not.toHaveBeenCalled();
    document.body.removeEventListener("click", row);
    badge.remove();
  });
});

describe("what a badge says after copying", () => {
  const labelOf = (badge: ReturnType<typeof makeBadge>["badge"]) =>
    badge.root.querySelector("button > span")!;
  const settingsOf = (badge: ReturnType<typeof makeBadge>["badge"]) =>
    badge.root.querySelector<HTMLButtonElement>("button.settings");

  it("a complete message: copied, in the success flash, no settings offered", () => {
    const { badge } = makeBadge();
    badge.copied(true, []);
    expect(labelOf(badge).textContent).toBe("已复制");
    expect(labelOf(badge).className).toBe("flash");
    expect(settingsOf(badge)).toBeNull();
  });

  it("a message with values missing: a warning naming them, and the settings offered", () => {
    const openSettings = vi.fn();
    const badge = createOrderBadge(
      document,
      view.orderId,
      "zh",
      vi.fn(),
      openSettings,
    );
    document.body.append(badge.host);
    badge.update(view, NOW);
    badge.copied(true, ["shop", "payLink"]);
    expect(labelOf(badge).textContent).toBe("已复制，但缺少：店铺、付款链接");
    expect(labelOf(badge).className).toBe("flash warn");
    const settings = settingsOf(badge)!;
    expect(settings.textContent).toBe("去设置");
    // A page script's click does nothing; the agent's opens the settings.
    settings.click();
    expect(openSettings).not.toHaveBeenCalled();
    trustedFire.click(settings);
    expect(openSettings).toHaveBeenCalledOnce();
    expect(settingsOf(badge)).toBeNull();
  });

  it("a later complete copy takes the warning away", () => {
    const badge = createOrderBadge(
      document,
      view.orderId,
      "zh",
      vi.fn(),
      vi.fn(),
    );
    document.body.append(badge.host);
    badge.update(view, NOW);
    badge.copied(true, ["shop"]);
    expect(settingsOf(badge)).not.toBeNull();
    badge.copied(true, []);
    expect(settingsOf(badge)).toBeNull();
    expect(labelOf(badge).textContent).toBe("已复制");
  });

  it("a failed copy says so, whatever was missing", () => {
    const { badge } = makeBadge();
    badge.copied(false, ["shop"]);
    expect(labelOf(badge).textContent).toBe("复制失败");
  });
});
