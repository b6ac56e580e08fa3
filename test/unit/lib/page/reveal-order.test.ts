import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ABSENT_PAUSE_MS,
  HIGHLIGHT_MS,
  orderRevealer,
} from "@/lib/page/reveal-order";

/*
 * 打开订单页's last step in the page (issue 15): the order script finds the order's row through its
 * badge (in an open shadow root too), scrolls it to the middle of the view and outlines it for a
 * few seconds, then puts the row's own style back; an order the page does not show is answered so.
 */

const HIGHLIGHT = HIGHLIGHT_MS;
const PAUSE = ABSENT_PAUSE_MS;

/** A list of order rows, each holding a badge host as the order script puts it there. */
function listWith(ids: readonly string[], root: ParentNode = document.body) {
  const rows = ids.map((id) => {
    const row = document.createElement("div");
    row.className = "trade-order-main";
    row.setAttribute("style", "color: red");
    const cell = document.createElement("span");
    const badge = document.createElement("paynudge-badge");
    badge.setAttribute("data-paynudge-order", id);
    cell.append(badge);
    row.append(cell);
    row.scrollIntoView = vi.fn();
    root.append(row);
    return row;
  });
  return rows;
}

const rowOf = (badge: Element) =>
  badge.closest(".trade-order-main") ?? undefined;

let abort: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
  abort = new AbortController();
});
afterEach(() => {
  abort.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const reveal = () =>
  orderRevealer(document, abort.signal, {
    rowOf,
    highlightMs: HIGHLIGHT,
    absentPauseMs: PAUSE,
  });

describe("revealing an order's row", () => {
  it("scrolls the order's row to the middle, smoothly, outlines it, and restores its style afterwards", async () => {
    const rows = listWith(["111", "222", "333"]);
    const row = rows[1]!;
    expect(await reveal()({ orderId: "222", show: true })).toBe("shown");
    await vi.advanceTimersByTimeAsync(0);
    expect(row.scrollIntoView).toHaveBeenCalledWith(
      expect.objectContaining({ behavior: "smooth", block: "center" }),
    );
    expect(rows[0]!.scrollIntoView).not.toHaveBeenCalled();
    expect(row.style.getPropertyValue("outline-style")).toBe("solid");
    expect(row.style.getPropertyPriority("outline-style")).toBe("important");
    expect(rows[0]!.style.getPropertyValue("outline-style")).toBe("");
    // The page's classes are its own.
    expect(row.className).toBe("trade-order-main");

    await vi.advanceTimersByTimeAsync(HIGHLIGHT - 10);
    expect(row.style.getPropertyValue("outline-style")).toBe("solid");
    await vi.advanceTimersByTimeAsync(20);
    expect(row.getAttribute("style")).toBe("color: red;");
  });

  it("puts back the row's own outline, and leaves a row without a style attribute without one", async () => {
    const [own, bare] = listWith(["111", "222"]);
    own!.style.setProperty("outline-style", "dotted");
    own!.style.setProperty("outline-color", "blue");
    bare!.removeAttribute("style");
    const answer = reveal();
    await answer({ orderId: "111", show: true });
    await answer({ orderId: "222", show: true });
    await vi.advanceTimersByTimeAsync(0);
    // A second reveal ends the first one's highlight at once.
    expect(own!.style.getPropertyValue("outline-style")).toBe("dotted");
    expect(own!.style.getPropertyValue("outline-color")).toBe("blue");
    expect(bare!.style.getPropertyValue("outline-color")).toBe(
      "rgb(255, 80, 0)",
    );
    await vi.advanceTimersByTimeAsync(HIGHLIGHT);
    expect(bare!.hasAttribute("style")).toBe(false);
  });

  it("finds a row inside an open shadow root", async () => {
    const host = document.createElement("order-table");
    document.body.append(host);
    const shadow = host.attachShadow({ mode: "open" });
    listWith(["111"]);
    const [inner] = listWith(["999"], shadow);
    expect(await reveal()({ orderId: "999", show: true })).toBe("shown");
    await vi.advanceTimersByTimeAsync(0);
    expect(inner!.scrollIntoView).toHaveBeenCalled();
    expect(inner!.style.getPropertyValue("outline-style")).toBe("solid");
  });

  it("only says whether the page shows the order when not asked to show it", async () => {
    const [row] = listWith(["111"]);
    expect(await reveal()({ orderId: "111", show: false })).toBe("here");
    await vi.advanceTimersByTimeAsync(0);
    expect(row!.scrollIntoView).not.toHaveBeenCalled();
    expect(row!.style.getPropertyValue("outline-style")).toBe("");
  });

  it("answers that the order is not on the page, after a pause that lets a frame showing it answer first", async () => {
    listWith(["111"]);
    let answer: string | undefined;
    void reveal()({ orderId: "222", show: true }).then((a) => (answer = a));
    await vi.advanceTimersByTimeAsync(PAUSE - 10);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(20);
    expect(answer).toBe("absent");
  });

  it("jumps without smooth scrolling when the agent asks for reduced motion", async () => {
    vi.stubGlobal(
      "matchMedia",
      (query: string) => ({ matches: query.includes("reduce") }) as never,
    );
    const [row] = listWith(["111"]);
    await reveal()({ orderId: "111", show: true });
    await vi.advanceTimersByTimeAsync(0);
    expect(row!.scrollIntoView).toHaveBeenCalledWith(
      expect.objectContaining({ behavior: "auto", block: "center" }),
    );
  });

  it("waits until a hidden tab shows before scrolling, so the agent sees the highlight", async () => {
    let state: DocumentVisibilityState = "hidden";
    vi.spyOn(document, "visibilityState", "get").mockImplementation(
      () => state,
    );
    const [row] = listWith(["111"]);
    expect(await reveal()({ orderId: "111", show: true })).toBe("shown");
    await vi.advanceTimersByTimeAsync(1000);
    expect(row!.scrollIntoView).not.toHaveBeenCalled();
    state = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    await vi.advanceTimersByTimeAsync(0);
    expect(row!.scrollIntoView).toHaveBeenCalled();
    expect(row!.style.getPropertyValue("outline-style")).toBe("solid");
  });

  it("takes its outline away when the order script stops", async () => {
    const [row] = listWith(["111"]);
    await reveal()({ orderId: "111", show: true });
    await vi.advanceTimersByTimeAsync(0);
    abort.abort();
    expect(row!.getAttribute("style")).toBe("color: red;");
  });
});
