import { t, type Locale } from "@/lib/i18n";
import { nudgeState } from "@/lib/model/nudge-state";
import type { BadgeUi } from "@/lib/page/ui-port";
import { missingText } from "@/lib/templates/render";
import type { OrderView } from "@/lib/model/order-view";
import { copyOnTrustedClick } from "@/components/shared/clipboard";
import { trusted } from "@/components/shared/trusted-event";
import type { NudgePanelProps } from "@/components/page/NudgePanel";
import {
  badgeText,
  isActive,
  type MemoNote,
} from "@/components/page/badge/badge-text";
import { styleBadge } from "@/components/page/badge/badge-style";
import { panelBox } from "@/components/page/badge/panel-box";

export const BADGE_TAG = "paynudge-badge";

export interface OrderBadge extends BadgeUi {
  readonly host: HTMLElement;
  /**
   * The badge's closed shadow root, for its caller only (the page cannot reach it): the panel's
   * copy fallback works inside it, and unit tests look into it through here.
   */
  readonly root: ShadowRoot;
  openPanel(props: NudgePanelProps): void;
  /** Shows `text` in place of the state for two seconds (`warn`: longer, in the warning colour). */
  flash(text: string, warn?: boolean): void;
}

/** A warning stays longer than "copied": it has to be read. */
const FLASH_MS = 2000;
const WARN_MS = 6000;

/**
 * The badge of one order: a custom element whose shadow root the page's styles cannot reach.
 * Everything it shows is set as text. Its host carries the stable test hooks and nothing else the
 * page could read: the root is closed (host.shadowRoot is null to the page, so its scripts cannot
 * reach the button or the panel), and the badge acts only on the agent's own (trusted) clicks.
 * `onActivate` gets that click, the proof a clipboard write needs. `openSettings` opens the options
 * page, offered when a copied message had a value missing.
 */
export function createOrderBadge(
  doc: Document,
  orderId: string,
  locale: Locale,
  onActivate: (cause: MouseEvent) => void,
  openSettings?: () => void,
): OrderBadge {
  const host = doc.createElement(BADGE_TAG);
  host.setAttribute("data-paynudge-order", orderId);
  host.setAttribute("data-paynudge-state", "");
  host.setAttribute("data-paynudge-due", "");
  const root = host.attachShadow({ mode: "closed" });
  styleBadge(root, doc);
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
  root.append(button);
  const panel = panelBox(doc, root, host);

  let view: OrderView | undefined;
  let memoNote: MemoNote | undefined;
  let flashUntil = 0;
  /** Offered next to the badge while the message copied last had a value missing. */
  let settings: HTMLButtonElement | undefined;

  // Kept from the row's own click handlers either way; acted on only when the agent clicked.
  button.addEventListener("click", (event) => {
    event.preventDefault();
    event.stopPropagation();
  });
  button.addEventListener(
    "click",
    trusted((event: MouseEvent) => {
      if (view && isActive(nudgeState(view, Date.now()))) onActivate(event);
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
    // A colleague's order (team mode) is shown, muted: it is not this agent's to nudge.
    button.className = view.owner?.mine === false ? `${state} theirs` : state;
    button.disabled = !isActive(state);
    if (now < flashUntil) return;
    const text = badgeText(view, state, memoNote, now, locale);
    label.className = "";
    label.textContent = text.label;
    when.textContent = text.when;
    step.textContent = text.step;
    meta.textContent = text.meta;
    button.title = text.title;
    button.setAttribute(
      "aria-label",
      [text.label, text.when, text.step, text.meta, text.title]
        .filter(Boolean)
        .join(" "),
    );
  }

  function flash(text: string, warn = false) {
    const span = warn ? WARN_MS : FLASH_MS;
    flashUntil = Date.now() + span;
    label.className = warn ? "flash warn" : "flash";
    label.textContent = text;
    when.textContent = "";
    step.textContent = "";
    meta.textContent = "";
    setTimeout(() => refresh(Date.now()), span + 100);
  }

  function hideSettings() {
    settings?.remove();
    settings = undefined;
  }

  /**
   * The message is copied all the same (the panel opening with it marks the gap): refusing would
   * leave whatever the clipboard held before, maybe another buyer's message, to be pasted by habit.
   * The warning names what is missing and stays offered until the next copy.
   */
  function copiedMissing(missing: readonly string[]) {
    const warning = t(locale, "badge.copiedMissing", {
      names: missingText(locale, missing),
    });
    flash(warning, true);
    hideSettings();
    if (!openSettings) return;
    settings = doc.createElement("button");
    settings.type = "button";
    settings.className = "settings";
    settings.textContent = t(locale, "copy.openSettings");
    settings.title = warning;
    settings.setAttribute("aria-label", `${warning} ${settings.textContent}`);
    settings.addEventListener("click", (event) => {
      event.preventDefault();
      event.stopPropagation();
    });
    settings.addEventListener(
      "click",
      trusted(() => {
        hideSettings();
        openSettings();
      }),
    );
    button.after(settings);
  }

  function closePanel() {
    if (!panel.open) return;
    panel.hide();
    button.setAttribute("aria-expanded", "false");
  }

  return {
    host,
    root,
    get panelOpen() {
      return panel.open;
    },
    openPanel(props) {
      panel.show({
        ...props,
        onClose: () => {
          closePanel();
          props.onClose?.();
          button.focus();
        },
      });
      button.setAttribute("aria-expanded", "true");
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
    flash,
    copied(ok, missing = []) {
      if (ok && missing.length) copiedMissing(missing);
      else {
        hideSettings();
        flash(t(locale, ok ? "badge.copied" : "badge.copyFailed"));
      }
    },
    copy: (text, cause) => copyOnTrustedClick(text, cause, root),
    remove() {
      closePanel();
      host.remove();
    },
  };
}
