import { act, cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createOrderBadge } from "@/components/page/order-badge";
import { templatesFor } from "@/lib/templates/shipped";

/*
 * The nudge panel is fixed to the viewport and kept under its badge while the page scrolls. A row
 * inside a web component (issue 14) scrolls inside a shadow root, whose scroll events never reach
 * the window: the panel follows them there too.
 */

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

const rect = (top: number) => new DOMRect(20, top, 60, 20);

describe("the panel under a badge inside a shadow root", () => {
  it("follows a scroll inside the component's root, and stops when closed", () => {
    const app = document.createElement("x-order-list");
    const root = app.attachShadow({ mode: "open" });
    root.innerHTML = '<div class="scroller"><div class="row"></div></div>';
    document.body.append(app);
    const badge = createOrderBadge(document, "302234567890", "zh", vi.fn());
    root.querySelector(".row")!.append(badge.host);
    const box = vi
      .spyOn(badge.host, "getBoundingClientRect")
      .mockReturnValue(rect(100));
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
      }),
    );
    const panel = badge.root.querySelector<HTMLElement>(".panel")!;
    expect(panel.style.top).toBe("124px");
    // The component's own scroller moves the row up; its scroll event stays in the shadow root.
    box.mockReturnValue(rect(40));
    const scroll = new Event("scroll", { bubbles: false, composed: false });
    root.querySelector(".scroller")!.dispatchEvent(scroll);
    expect(panel.style.top).toBe("64px");
    act(() => badge.closePanel());
    box.mockReturnValue(rect(10));
    root.querySelector(".scroller")!.dispatchEvent(new Event("scroll"));
    expect(panel.style.top).toBe("64px");
  });
});
