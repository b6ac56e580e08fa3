import { toContent } from "@/lib/messaging/messengers";
import {
  isRevealOrder,
  type RevealAnswer,
  type RevealOrder,
} from "@/lib/messaging/reveal-requests";
import { deepQueryAll, parentAcross } from "@/lib/platforms/shared/shadow";

/*
 * 打开订单页 lands on the order itself: the background asks the order script of the tab it brought
 * to the front (lib/messaging/reveal-requests.ts) to scroll to the order's row and highlight it.
 * The row is found through its badge (the host carries data-paynudge-order), in open shadow roots
 * too. The highlight is an outline PayNudge sets on the row's own inline style for a few seconds,
 * then puts back as it was: the page's classes are never touched, and nothing is added to the page.
 */

/** How long the row stays outlined. */
export const HIGHLIGHT_MS = 4000;
/**
 * A frame without the order answers after this pause. The message reaches every frame of the tab
 * (Qianniu keeps the list in a frame) and the sender takes the first answer, so the frame that
 * shows the order must answer first.
 */
export const ABSENT_PAUSE_MS = 300;
/** A hidden tab (brought to the front just now) is scrolled once it shows, within this long. */
const VISIBLE_WAIT_MS = 5000;

/** PayNudge's outline: the brand orange, outside the row so nothing inside moves. */
const OUTLINE: ReadonlyArray<readonly [string, string]> = [
  ["outline-style", "solid"],
  ["outline-width", "3px"],
  ["outline-color", "#ff5000"],
  ["outline-offset", "2px"],
];

interface RevealOptions {
  /** The order row holding a badge (the adapter knows); absent: the badge's own parent. */
  rowOf?: (badge: Element) => Element | undefined;
  highlightMs?: number;
  absentPauseMs?: number;
}

/** The badge of `orderId` on the page, in open shadow roots too. */
function badgeOf(doc: Document, orderId: string): Element | undefined {
  // Compared, not put into the selector: an id never becomes CSS.
  return deepQueryAll(doc, "[data-paynudge-order]").find(
    (el) => el.getAttribute("data-paynudge-order") === orderId,
  );
}

/** Resolves once `doc` is shown (at once when it is), or after VISIBLE_WAIT_MS. */
function whenVisible(doc: Document, signal: AbortSignal): Promise<void> {
  if (doc.visibilityState !== "hidden") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      doc.removeEventListener("visibilitychange", onChange);
      resolve();
    };
    const onChange = () => {
      if (doc.visibilityState !== "hidden") done();
    };
    const timer = setTimeout(done, VISIBLE_WAIT_MS);
    doc.addEventListener("visibilitychange", onChange);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Sets PayNudge's outline on `row`; the function returned puts back each property as it was,
 * unless the page set it to something else meanwhile (then the page's value stays).
 */
function outline(row: HTMLElement | SVGElement): () => void {
  const style = row.style;
  const hadStyle = row.hasAttribute("style");
  const before = OUTLINE.map(([name]) => ({
    name,
    value: style.getPropertyValue(name),
    priority: style.getPropertyPriority(name),
  }));
  // Important, so that a page rule such as `outline: none !important` cannot hide it.
  for (const [name, value] of OUTLINE)
    style.setProperty(name, value, "important");
  // As the browser keeps them (a colour reads back as rgb()).
  const mine = OUTLINE.map(([name]) => style.getPropertyValue(name));
  return () => {
    for (const [i, [name]] of OUTLINE.entries()) {
      if (style.getPropertyValue(name) !== mine[i]) continue;
      const was = before[i]!;
      if (was.value) style.setProperty(name, was.value, was.priority);
      else style.removeProperty(name);
    }
    if (!hadStyle && !row.getAttribute("style")) row.removeAttribute("style");
  };
}

const hasStyle = (el: Element): el is HTMLElement | SVGElement =>
  "style" in el && typeof (el as HTMLElement).style?.setProperty === "function";

/**
 * Answers the background's revealOrder for `doc`: whether it shows the order, and when asked,
 * scrolls its row to the middle of the view (smoothly unless the agent asks for reduced motion)
 * and outlines it for HIGHLIGHT_MS. Stops, and restores a row still outlined, on `signal`.
 */
export function orderRevealer(
  doc: Document,
  signal: AbortSignal,
  opts: RevealOptions = {},
): (request: RevealOrder) => Promise<RevealAnswer> {
  const highlightMs = opts.highlightMs ?? HIGHLIGHT_MS;
  const absentPauseMs = opts.absentPauseMs ?? ABSENT_PAUSE_MS;
  /** Ends the highlight on show now (a second reveal, or the script stopping). */
  let endHighlight: (() => void) | undefined;
  signal.addEventListener("abort", () => endHighlight?.(), { once: true });

  function highlight(row: Element): void {
    endHighlight?.();
    const reduce =
      doc.defaultView?.matchMedia?.("(prefers-reduced-motion: reduce)")
        .matches ?? false;
    row.scrollIntoView({
      behavior: reduce ? "auto" : "smooth",
      block: "center",
      inline: "nearest",
    });
    if (!hasStyle(row)) return;
    const restore = outline(row);
    const timer = setTimeout(() => end(), highlightMs);
    const end = () => {
      clearTimeout(timer);
      restore();
      if (endHighlight === end) endHighlight = undefined;
    };
    endHighlight = end;
  }

  return async ({ orderId, show }) => {
    const badge = badgeOf(doc, orderId);
    if (!badge) {
      await new Promise((resolve) => setTimeout(resolve, absentPauseMs));
      return "absent";
    }
    if (!show) return "here";
    const row = opts.rowOf?.(badge) ?? parentAcross(badge) ?? badge;
    // Answered at once; the scroll waits until the tab is in front, so the agent sees it.
    void whenVisible(doc, signal).then(() => {
      if (!signal.aborted && row.isConnected) highlight(row);
    });
    return "shown";
  };
}

/**
 * The order script's listener for revealOrder (runtime messages reach a content script from the
 * extension alone), until `signal`; what it is sent is checked first.
 */
export function answerReveals(
  doc: Document,
  signal: AbortSignal,
  opts: RevealOptions,
): void {
  const reveal = orderRevealer(doc, signal, opts);
  const stop = toContent.onMessage("revealOrder", ({ data }) =>
    isRevealOrder(data) ? reveal(data) : ("absent" as const),
  );
  signal.addEventListener("abort", stop, { once: true });
}
