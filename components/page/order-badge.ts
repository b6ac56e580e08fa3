import { hasMessage, t, type Locale, type MessageKey } from "@/lib/i18n";
import type { OrderView } from "@/lib/schemas/content";
import { nudgeState, type NudgeState } from "@/lib/model/nudge-state";
import { isSameDay } from "date-fns";
import {
  formatClock,
  formatOrderTime,
  formatSpan,
} from "@/lib/model/time-format";
import { trusted } from "@/components/shared/trusted-event";
import {
  mountNudgePanel,
  type MountedNudgePanel,
  type NudgePanelProps,
} from "@/components/page/NudgePanel";

export const BADGE_TAG = "paynudge-badge";

const STYLE = `
  :host { all: initial; display: inline-block; margin: 0 8px; vertical-align: middle; }
  button {
    all: unset; box-sizing: border-box; cursor: pointer; display: inline-flex; gap: 6px; align-items: center;
    font: 12px/18px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
    padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; white-space: nowrap;
  }
  button:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; }
  .upcoming { color: #ad6800; background: #fffbe6; }
  .due { color: #fff; background: #ff5000; border-color: #ff5000; }
  .overdue { color: #fff; background: #cf1322; border-color: #cf1322; }
  .reminded { color: #531dab; background: #f9f0ff; }
  .declined { color: #8c8c8c; background: #fafafa; border-style: dashed; }
  .expired { color: #8c8c8c; background: #fafafa; }
  .paid, .closed, .other { color: #8c8c8c; background: transparent; border-color: #d9d9d9; cursor: default; }
  .when { opacity: 0.85; }
  .step, .meta { font-size: 11px; opacity: 0.85; }
  .step:empty, .meta:empty { display: none; }
  .snoozed { color: #1d39c4; background: #f0f5ff; }
  .flash { font-weight: 600; }
  .panel { position: fixed; z-index: 2147483647; }
  .panel .pn-panel { max-height: calc(100vh - 16px); }
  .panel[hidden] { display: none; }
`;

const ACTIVE: ReadonlySet<NudgeState> = new Set([
  "upcoming",
  "snoozed",
  "due",
  "overdue",
  "reminded",
  // Still opens the panel: the buyer may change their mind, and the note is still to write.
  "declined",
  "expired",
]);

const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * One stylesheet for every badge of a page: a thousand badges must not mean a thousand <style>
 * elements to parse and match. Undefined where constructable sheets are missing (then <style>).
 */
function sharedSheet(doc: Document): CSSStyleSheet | undefined {
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  if (
    !View?.CSSStyleSheet ||
    !("adoptedStyleSheets" in View.Document.prototype)
  )
    return undefined;
  let sheet = sheets.get(doc);
  if (!sheet) {
    try {
      sheet = new View.CSSStyleSheet();
      sheet.replaceSync(STYLE);
    } catch {
      return undefined;
    }
    sheets.set(doc, sheet);
  }
  return sheet;
}

export interface OrderBadge {
  host: HTMLElement;
  /**
   * The badge's closed shadow root, for its caller only (the page cannot reach it): the panel's
   * copy fallback works inside it, and unit tests look into it through here.
   */
  readonly root: ShadowRoot;
  update(view: OrderView, now: number): void;
  refresh(now: number): void;
  flash(text: string): void;
  /** Opens the nudge panel under the badge, or refreshes it when it is open. */
  openPanel(props: NudgePanelProps): void;
  closePanel(): void;
  readonly panelOpen: boolean;
  /** The latest standard note in the row's memo (maybe a colleague's): shown when it is the newest reminder. */
  setMemoNote(
    note: { agent: string; at: number } | undefined,
    now: number,
  ): void;
  remove(): void;
}

const PANEL_WIDTH = 380;
const GAP = 4;

/**
 * The badge of one order: a custom element whose shadow root the page's styles cannot reach.
 * Everything it shows is set as text. Its host carries the stable test hooks and nothing else the
 * page could read: the root is closed (host.shadowRoot is null to the page, so its scripts cannot
 * reach the button or the panel), and the badge acts only on the agent's own (trusted) clicks.
 * `onActivate` gets that click, the proof a clipboard write needs.
 */
export function createOrderBadge(
  doc: Document,
  orderId: string,
  locale: Locale,
  onActivate: (cause: MouseEvent) => void,
): OrderBadge {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute("data-paynudge-order", orderId);
  host.setAttribute("data-paynudge-state", "");
  host.setAttribute("data-paynudge-due", "");
  const root = host.attachShadow({ mode: "closed" });
  const sheet = sharedSheet(doc);
  if (sheet) root.adoptedStyleSheets = [sheet];
  const button = doc.createElement("button");
  button.type = "button";
  const label = doc.createElement("span");
  const when = doc.createElement("span");
  when.className = "when";
  const step = doc.createElement("span");
  step.className = "step";
  const meta = doc.createElement("span");
  meta.className = "meta";
  button.append(label, when, step, meta);
  // Fixed to the viewport, so a table cell with overflow:hidden cannot clip it.
  const panelBox = doc.createElement("div");
  panelBox.className = "panel";
  panelBox.hidden = true;
  if (!sheet) {
    const style = doc.createElement("style");
    style.textContent = STYLE;
    root.append(style);
  }
  root.append(button, panelBox);
  let panel: MountedNudgePanel | undefined;
  const win = doc.defaultView ?? window;
  // The whole panel stays inside the viewport: below the badge when it fits, else clamped
  // upwards. Anchored but never partly off-screen, so scrolling to reach a button cannot chase it.
  const place = () => {
    const rect = host.getBoundingClientRect();
    const height = panelBox.getBoundingClientRect().height;
    const left = Math.max(
      8,
      Math.min(rect.left, win.innerWidth - PANEL_WIDTH - 8),
    );
    const top = Math.max(
      8,
      Math.min(rect.bottom + GAP, win.innerHeight - height - 8),
    );
    panelBox.style.left = `${left}px`;
    panelBox.style.top = `${top}px`;
  };
  const resizes =
    typeof ResizeObserver === "function"
      ? new ResizeObserver(place)
      : undefined;

  let view: OrderView | undefined;
  let memoNote: { agent: string; at: number } | undefined;
  let flashUntil = 0;

  // Kept from the row's own click handlers either way; acted on only when the agent clicked.
  button.addEventListener("click", (event) => {
    event.preventDefault();
    event.stopPropagation();
  });
  button.addEventListener(
    "click",
    trusted((event: MouseEvent) => {
      if (view && ACTIVE.has(nudgeState(view, Date.now()))) onActivate(event);
    }),
  );

  function refresh(now: number) {
    if (!view) return;
    const state = nudgeState(view, now);
    host.setAttribute("data-paynudge-state", state);
    host.setAttribute(
      "data-paynudge-due",
      view.nextDueAt === undefined ? "" : String(view.nextDueAt),
    );
    button.className = state;
    button.disabled = !ACTIVE.has(state);
    if (now < flashUntil) return;
    label.className = "";
    label.textContent = t(locale, `state.${state}`);
    const due = view.nextDueAt;
    if (due === undefined || !ACTIVE.has(state)) when.textContent = "";
    else if (state === "upcoming" || state === "snoozed")
      when.textContent = t(locale, "badge.in", {
        t: formatSpan(due - now, locale),
      });
    else if (state === "overdue")
      when.textContent = t(locale, "badge.overdueFor", {
        t: formatSpan(now - due, locale),
      });
    else when.textContent = formatClock(due);
    const stepKey = `step.${view.nextStep}` as MessageKey;
    step.textContent =
      ACTIVE.has(state) && view.nextStep
        ? [
            hasMessage(stepKey) ? t(locale, stepKey) : view.nextStep,
            view.nextChannel ? t(locale, `channel.${view.nextChannel}`) : "",
          ]
            .filter(Boolean)
            .join("·")
        : "";
    const facts: string[] = [];
    if (
      ACTIVE.has(state) &&
      view.deadlineAt !== undefined &&
      view.deadlineAt > now
    ) {
      facts.push(
        t(locale, "badge.closesIn", {
          t: formatSpan(view.deadlineAt - now, locale),
        }),
      );
    }
    if (
      memoNote &&
      ACTIVE.has(state) &&
      memoNote.at > (view.lastNudgeAt ?? 0)
    ) {
      const time = isSameDay(memoNote.at, now)
        ? formatClock(memoNote.at)
        : formatOrderTime(memoNote.at);
      facts.push(t(locale, "panel.reminded", { agent: memoNote.agent, time }));
    } else if (view.nudgeCount > 0) {
      facts.push(t(locale, "badge.nudged", { n: view.nudgeCount }));
      if (view.lastNudgeAt !== undefined) {
        facts.push(
          t(locale, "badge.last", {
            agent: view.lastAgent ?? "",
            time: formatClock(view.lastNudgeAt),
          }).replace(/\s+/g, " "),
        );
      }
    }
    meta.textContent = facts.join(" · ");
    button.title = ACTIVE.has(state)
      ? [
          t(locale, "badge.copy"),
          due === undefined
            ? ""
            : t(locale, "badge.dueAt", { time: formatClock(due) }),
        ]
          .filter(Boolean)
          .join(" · ")
      : "";
    button.setAttribute(
      "aria-label",
      [
        label.textContent,
        when.textContent,
        step.textContent,
        meta.textContent,
        button.title,
      ]
        .filter(Boolean)
        .join(" "),
    );
  }

  function closePanel() {
    if (!panel) return;
    panel.unmount();
    panel = undefined;
    panelBox.hidden = true;
    resizes?.disconnect();
    win.removeEventListener("scroll", place, true);
    win.removeEventListener("resize", place);
    button.setAttribute("aria-expanded", "false");
  }

  return {
    host,
    root,
    get panelOpen() {
      return panel !== undefined;
    },
    openPanel(props) {
      const withClose: NudgePanelProps = {
        ...props,
        onClose: () => {
          closePanel();
          props.onClose?.();
          button.focus();
        },
      };
      if (panel) panel.update(withClose);
      else {
        panel = mountNudgePanel(panelBox, withClose);
        resizes?.observe(panelBox);
        win.addEventListener("scroll", place, { capture: true, passive: true });
        win.addEventListener("resize", place, { passive: true });
      }
      panelBox.hidden = false;
      button.setAttribute("aria-expanded", "true");
      place();
    },
    closePanel,
    setMemoNote(note, now) {
      memoNote = note;
      refresh(now);
    },
    update(next, now) {
      view = next;
      refresh(now);
    },
    refresh,
    flash(text) {
      flashUntil = Date.now() + 2000;
      label.className = "flash";
      label.textContent = text;
      when.textContent = "";
      step.textContent = "";
      meta.textContent = "";
      setTimeout(() => refresh(Date.now()), 2100);
    },
    remove() {
      closePanel();
      host.remove();
    },
  };
}
