import {
  mountNudgePanel,
  type MountedNudgePanel,
  type NudgePanelProps,
} from "@/components/page/NudgePanel";

const PANEL_WIDTH = 380;
const GAP = 4;

/** The nudge panel's place under a badge. */
export interface PanelBox {
  /** The box, for the badge's root. */
  readonly element: HTMLElement;
  readonly open: boolean;
  /** Shows the panel with `props`, or re-renders it when it is shown. */
  show(props: NudgePanelProps): void;
  hide(): void;
}

/**
 * A box fixed to the viewport, so a table cell with overflow:hidden cannot clip the panel, and
 * kept next to `anchor` (the badge's host) while the page scrolls or resizes.
 */
export function panelBox(doc: Document, anchor: Element): PanelBox {
  const element = doc.createElement("div");
  element.className = "panel";
  element.hidden = true;
  const win = doc.defaultView ?? window;
  let panel: MountedNudgePanel | undefined;
  // The whole panel stays inside the viewport: below the badge when it fits, else clamped
  // upwards. Anchored but never partly off-screen, so scrolling to reach a button cannot chase it.
  const place = () => {
    const rect = anchor.getBoundingClientRect();
    const height = element.getBoundingClientRect().height;
    const left = Math.max(
      8,
      Math.min(rect.left, win.innerWidth - PANEL_WIDTH - 8),
    );
    const top = Math.max(
      8,
      Math.min(rect.bottom + GAP, win.innerHeight - height - 8),
    );
    element.style.left = `${left}px`;
    element.style.top = `${top}px`;
  };
  const resizes =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(place)
      : undefined;

  return {
    element,
    get open() {
      return panel !== undefined;
    },
    show(props) {
      if (panel) panel.update(props);
      else {
        panel = mountNudgePanel(element, props);
        resizes?.observe(element);
        win.addEventListener("scroll", place, { capture: true, passive: true });
        win.addEventListener("resize", place, { passive: true });
      }
      element.hidden = false;
      place();
    },
    hide() {
      if (!panel) return;
      panel.unmount();
      panel = undefined;
      element.hidden = true;
      resizes?.disconnect();
      win.removeEventListener("scroll", place, true);
      win.removeEventListener("resize", place);
    },
  };
}
