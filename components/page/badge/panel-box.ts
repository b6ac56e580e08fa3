import {
  mountNudgePanel,
  type MountedNudgePanel,
  type NudgePanelProps,
} from "@/components/page/NudgePanel";

const PANEL_WIDTH = 380;
const GAP = 4;

/** The nudge panel's place under a badge. */
export interface PanelBox {
  readonly open: boolean;
  /** Shows the panel with `props`, or re-renders it when it is shown. */
  show(props: NudgePanelProps): void;
  hide(): void;
}

/**
 * A box in the badge's root (`root`), fixed to the viewport so a table cell with overflow:hidden
 * cannot clip the panel, and kept next to `anchor` (the badge's host) while the page scrolls or
 * resizes. Made when the panel first opens: most badges of a long list never open one.
 */
export function panelBox(
  doc: Document,
  root: ShadowRoot,
  anchor: Element,
): PanelBox {
  const win = doc.defaultView ?? window;
  let box: { element: HTMLElement; resizes?: ResizeObserver } | undefined;
  let panel: MountedNudgePanel | undefined;
  // The whole panel stays inside the viewport: below the badge when it fits, else clamped
  // upwards. Anchored but never partly off-screen, so scrolling to reach a button cannot chase it.
  const place = () => {
    if (!box) return;
    const rect = anchor.getBoundingClientRect();
    const height = box.element.getBoundingClientRect().height;
    const left = Math.max(
      8,
      Math.min(rect.left, win.innerWidth - PANEL_WIDTH - 8),
    );
    const top = Math.max(
      8,
      Math.min(rect.bottom + GAP, win.innerHeight - height - 8),
    );
    box.element.style.left = `${left}px`;
    box.element.style.top = `${top}px`;
  };
  /**
   * The shadow roots the badge sits in (its row inside a web component): a scroll inside one is
   * not composed, so the window never hears of it and the panel must listen there too.
   */
  let scrollRoots: ShadowRoot[] = [];
  function rootsAbove(): ShadowRoot[] {
    const roots: ShadowRoot[] = [];
    for (
      let at = anchor.getRootNode();
      at.nodeType === 11 && (at as ShadowRoot).host;
      at = (at as ShadowRoot).host.getRootNode()
    )
      roots.push(at as ShadowRoot);
    return roots;
  }
  function made() {
    if (box) return box;
    const element = doc.createElement("div");
    element.className = "panel";
    element.hidden = true;
    root.append(element);
    box = { element };
    if (typeof ResizeObserver === "function")
      box.resizes = new ResizeObserver(place);
    return box;
  }

  return {
    get open() {
      return panel !== undefined;
    },
    show(props) {
      const { element, resizes } = made();
      if (panel) panel.update(props);
      else {
        panel = mountNudgePanel(element, props);
        resizes?.observe(element);
        win.addEventListener("scroll", place, { capture: true, passive: true });
        scrollRoots = rootsAbove();
        for (const root of scrollRoots)
          root.addEventListener("scroll", place, {
            capture: true,
            passive: true,
          });
        win.addEventListener("resize", place, { passive: true });
      }
      element.hidden = false;
      place();
    },
    hide() {
      if (!panel || !box) return;
      panel.unmount();
      panel = undefined;
      box.element.hidden = true;
      box.resizes?.disconnect();
      win.removeEventListener("scroll", place, true);
      for (const root of scrollRoots)
        root.removeEventListener("scroll", place, true);
      scrollRoots = [];
      win.removeEventListener("resize", place);
    },
  };
}
