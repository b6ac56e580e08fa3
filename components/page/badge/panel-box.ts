import {
  mountNudgePanel,
  type MountedNudgePanel,
  type NudgePanelProps,
} from "@/components/page/NudgePanel";

const PANEL_WIDTH = 380;

/** Where the page's own controls are: a click there is the agent working with the page. */
const PAGE_CONTROLS =
  'a, button, input, textarea, select, label, [contenteditable], [role="button"], [role="dialog"], dialog';

/** The nudge panel's place: a drawer docked to the window's left edge. */
export interface PanelBox {
  readonly open: boolean;
  /** Shows the panel with `props`, or re-renders it when it is shown. */
  show(props: NudgePanelProps): void;
  hide(): void;
}

/**
 * The in-page panel, where the browser has no side panel (or the seller chose the page): a drawer
 * docked to the window's left edge, in the badge's root (`root`), so it never sits over the order's
 * row, its chat link or the platform's dialogs: while it is open the page's own layout is moved
 * aside by its width (a padding on the root element, put back when it closes), and the left is the
 * side the platforms keep free of their floating chat windows (docked bottom right). It takes the focus when it
 * opens, and closes on Esc anywhere and on a click outside it that is not on one of the page's own
 * controls (the agent opening the chat or the memo dialog keeps it open). Made when the panel first
 * opens: most badges of a long list never open one.
 */
export function panelBox(
  doc: Document,
  root: ShadowRoot,
  anchor: Element,
): PanelBox {
  let element: HTMLElement | undefined;
  let panel: MountedNudgePanel | undefined;
  let props: NudgePanelProps | undefined;
  let listening: AbortController | undefined;
  /** The root element's own padding before the drawer narrowed it, put back on close. */
  let padding: { value: string; priority: string } | undefined;

  function made(): HTMLElement {
    if (element) return element;
    element = doc.createElement("div");
    element.className = "panel drawer";
    element.hidden = true;
    element.setAttribute("role", "complementary");
    // Inline: the drawer's place is the box's, whatever the badge's sheet says of a panel.
    element.style.cssText = `position: fixed; top: 0; left: 0; bottom: 0; right: auto; width: ${PANEL_WIDTH}px; max-width: 100vw; overflow: auto; z-index: 2147483647; box-shadow: 4px 0 16px rgba(0, 0, 0, 0.18); background: #fff;`;
    root.append(element);
    return element;
  }

  function narrowPage() {
    const style = doc.documentElement.style;
    padding = {
      value: style.getPropertyValue("padding-left"),
      priority: style.getPropertyPriority("padding-left"),
    };
    style.setProperty("padding-left", `${PANEL_WIDTH}px`, "important");
  }

  function widenPage() {
    if (!padding) return;
    const style = doc.documentElement.style;
    if (padding.value)
      style.setProperty("padding-left", padding.value, padding.priority);
    else style.removeProperty("padding-left");
    padding = undefined;
  }

  /** Closes as the panel's own close button does: the badge and its caller hear of it. */
  const close = () => props?.onClose?.();

  function listen() {
    listening = new AbortController();
    const opts = { capture: true, signal: listening.signal };
    doc.addEventListener(
      "keydown",
      (event) => {
        if (event.isTrusted && event.key === "Escape") close();
      },
      opts,
    );
    // On the click, not the press: the page widens as the drawer goes, and the press's target would
    // move from under the pointer before the click lands (another order's badge, say).
    doc.addEventListener(
      "click",
      (event) => {
        if (!event.isTrusted) return;
        const path = event.composedPath();
        // Inside the drawer (its host, the badge, is on the path) or on the page's own controls.
        if (path.includes(anchor)) return;
        const target = path[0];
        if (target instanceof Element && target.closest(PAGE_CONTROLS)) return;
        close();
      },
      opts,
    );
  }

  return {
    get open() {
      return panel !== undefined;
    },
    show(next) {
      props = next;
      const box = made();
      if (panel) panel.update(next);
      else {
        panel = mountNudgePanel(box, next);
        narrowPage();
        listen();
        // Into the drawer once it is drawn (React renders it in a later task): the agent's keys go
        // to the panel, and Esc closes it.
        let frames = 0;
        const focusIn = () => {
          if (!panel) return;
          const first = box.querySelector<HTMLElement>(
            "button, select, textarea, input, [tabindex]",
          );
          if (first) first.focus();
          else if (++frames < 30) requestAnimationFrame(focusIn);
        };
        requestAnimationFrame(focusIn);
      }
      box.hidden = false;
    },
    hide() {
      if (!panel || !element) return;
      panel.unmount();
      panel = undefined;
      props = undefined;
      element.hidden = true;
      listening?.abort();
      listening = undefined;
      widenPage();
    },
  };
}
