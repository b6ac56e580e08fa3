import { act, cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOrderBadge } from "@/components/page/order-badge";
import { templatesFor } from "@/lib/templates/shipped";
import { dispatchTrusted } from "@/test/support/trusted-events";

/*
 * The in-page panel is a drawer docked to the window's left edge (issue 15): while it is open the
 * page's layout moves aside by its width (and gets its own padding back when it closes), so it
 * covers nothing of the page; the agent's Esc anywhere, or click outside it that is not on one of
 * the page's controls, closes it; a page script's made-up events do not.
 */

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  document.documentElement.removeAttribute("style");
});

function openBadge() {
  const row = document.createElement("div");
  row.innerHTML = '<p class="title">订单</p><a href="#chat">和我联系</a>';
  document.body.append(row);
  const onClose = vi.fn();
  const badge = createOrderBadge(document, "302234567890", "zh", vi.fn());
  row.append(badge.host);
  act(() =>
    badge.openPanel({
      order: { orderId: "302234567890", nudgeCount: 0 },
      templates: templatesFor({ locale: "zh", scenario: "first" }),
      values: {},
      locale: "zh",
      agent: "小美",
      onCopy: vi.fn(),
      onLog: vi.fn(),
      onCopyNote: vi.fn(),
      onClose,
    }),
  );
  return { badge, row, onClose };
}

describe("the in-page drawer", () => {
  it("docks to the left edge and moves the page aside while open, giving back the page's own padding", () => {
    document.documentElement.style.setProperty("padding-left", "12px");
    const { badge } = openBadge();
    const drawer = badge.root.querySelector<HTMLElement>(".panel")!;
    expect(drawer.hidden).toBe(false);
    expect(drawer.style.left).toBe("0px");
    expect(drawer.style.position).toBe("fixed");
    expect(
      document.documentElement.style.getPropertyValue("padding-left"),
    ).toBe("380px");
    act(() => badge.closePanel());
    expect(drawer.hidden).toBe(true);
    expect(
      document.documentElement.style.getPropertyValue("padding-left"),
    ).toBe("12px");
  });

  it("closes on the agent's Esc anywhere and click outside, not on the page's controls nor on made-up events", () => {
    const { badge, row, onClose } = openBadge();
    // A page script's events change nothing.
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    row
      .querySelector(".title")!
      .dispatchEvent(new MouseEvent("click", { bubbles: true }));
    expect(onClose).not.toHaveBeenCalled();
    // The agent opening the chat from the row keeps the drawer.
    dispatchTrusted(
      row.querySelector("a")!,
      new MouseEvent("click", { bubbles: true, composed: true }),
    );
    expect(onClose).not.toHaveBeenCalled();
    // A click on the page's text closes it; so does Esc.
    dispatchTrusted(
      row.querySelector(".title")!,
      new MouseEvent("click", { bubbles: true, composed: true }),
    );
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(badge.panelOpen).toBe(false);
    const again = openBadge();
    dispatchTrusted(
      document.body,
      new KeyboardEvent("keydown", { key: "Escape", bubbles: true }),
    );
    expect(again.onClose).toHaveBeenCalledTimes(1);
    expect(again.badge.panelOpen).toBe(false);
  });
});
