import { t, type Locale, type MessageKey } from "@/lib/i18n";
import type { TeachRefusal, TeachStep } from "@/lib/model/teaching";
import type { TeachActions, TeachOverlay, TeachView } from "@/lib/page/ui-port";
import { trusted } from "@/components/shared/trusted-event";

export const TEACH_TAG = "paynudge-teach";

/** Outlines drawn at most: enough to see the reader's reach on a long list. */
const MAX_BOXES = 300;

const STYLE = `
  :host { all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647; }
  .box { position: absolute; pointer-events: none; box-sizing: border-box; border: 2px dashed #1677ff; border-radius: 3px; }
  .box.picked { border: 2px solid #ff5000; background: rgba(255, 80, 0, 0.06); }
  .box.hover { border: 2px solid #52c41a; }
  .bar {
    position: fixed; left: 50%; bottom: 16px; transform: translateX(-50%); max-width: min(720px, calc(100vw - 32px));
    box-sizing: border-box; padding: 12px 16px; border-radius: 8px; background: #fff; color: #1f1f1f;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25); border: 1px solid #d9d9d9;
    font: 14px/22px system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  }
  .title { font-weight: 600; margin: 0 0 4px; }
  .say { margin: 0; }
  .error { margin: 4px 0 0; color: #a8071a; }
  .error:empty { display: none; }
  .actions { display: flex; gap: 8px; margin-top: 8px; justify-content: flex-end; }
  button {
    all: unset; cursor: pointer; padding: 2px 12px; border-radius: 6px; border: 1px solid #8c8c8c; color: #1f1f1f;
    font: 13px/22px inherit; font-family: inherit;
  }
  button:focus-visible { outline: 2px solid #1677ff; outline-offset: 2px; }
  button[hidden] { display: none; }
`;

const STEP_TEXT: Record<TeachStep, MessageKey> = {
  row: "teach.step.row",
  orderId: "teach.step.orderId",
  status: "teach.step.status",
  time: "teach.step.time",
  done: "teach.done",
};

const REFUSAL_TEXT: Record<TeachRefusal, MessageKey> = {
  notRow: "teach.refusal.notRow",
  noId: "teach.refusal.noId",
  notInRow: "teach.refusal.notInRow",
  noIdHere: "teach.refusal.noIdHere",
  noStatusHere: "teach.refusal.noStatusHere",
  noTimeHere: "teach.refusal.noTimeHere",
};

/**
 * The teaching bar at the bottom of the window and the outlines over the page, in a closed shadow
 * root: the page can neither read nor press them. Everything shown is set as text. Outlines never
 * take a click: the seller's clicks reach the page (teach-mode.ts picks them there).
 */
export function createTeachOverlay(
  doc: Document,
  locale: Locale,
  actions: TeachActions,
): TeachOverlay {
  const host = doc.createElement(TEACH_TAG);
  const root = host.attachShadow({ mode: "closed" });
  const style = doc.createElement("style");
  style.textContent = STYLE;
  const boxes = doc.createElement("div");
  const hoverBox = doc.createElement("div");
  hoverBox.className = "box hover";
  hoverBox.hidden = true;
  const bar = doc.createElement("div");
  bar.className = "bar";
  bar.setAttribute("role", "dialog");
  bar.setAttribute("aria-label", t(locale, "teach.title"));
  const title = doc.createElement("p");
  title.className = "title";
  title.textContent = t(locale, "teach.title");
  const say = doc.createElement("p");
  say.className = "say";
  say.setAttribute("aria-live", "polite");
  const error = doc.createElement("p");
  error.className = "error";
  error.setAttribute("role", "alert");
  const buttons = doc.createElement("div");
  buttons.className = "actions";
  const button = (key: MessageKey, act: () => void) => {
    const el = doc.createElement("button");
    el.type = "button";
    el.textContent = t(locale, key);
    el.addEventListener(
      "click",
      trusted((event: Event) => {
        event.stopPropagation();
        act();
      }),
    );
    return el;
  };
  const skip = button("teach.skip", actions.skip);
  const restart = button("teach.restart", actions.restart);
  const cancel = button("teach.cancel", actions.cancel);
  buttons.append(skip, restart, cancel);
  bar.append(title, say, error, buttons);
  root.append(style, boxes, hoverBox, bar);
  doc.documentElement.append(host);

  let marked: { rows: readonly Element[]; picked: readonly Element[] } = {
    rows: [],
    picked: [],
  };
  let hovered: Element | null = null;

  const place = (box: HTMLElement, el: Element) => {
    const rect = el.getBoundingClientRect();
    const view = doc.defaultView;
    box.style.left = `${rect.left + (view?.scrollX ?? 0)}px`;
    box.style.top = `${rect.top + (view?.scrollY ?? 0)}px`;
    box.style.width = `${rect.width}px`;
    box.style.height = `${rect.height}px`;
  };

  function draw() {
    const picked = new Set(marked.picked);
    const els = [
      ...marked.picked,
      ...marked.rows.filter((row) => !picked.has(row)),
    ].slice(0, MAX_BOXES);
    boxes.replaceChildren(
      ...els.map((el) => {
        const box = doc.createElement("div");
        box.className = picked.has(el) ? "box picked" : "box";
        place(box, el);
        return box;
      }),
    );
    hoverBox.hidden = !hovered;
    if (hovered) place(hoverBox, hovered);
  }

  // Rows in a scrolled list move under their outlines: drawn again, once a frame at most.
  let queued = false;
  const redraw = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      if (host.isConnected) draw();
    });
  };
  const life = new AbortController();
  doc.addEventListener("scroll", redraw, {
    capture: true,
    passive: true,
    signal: life.signal,
  });
  doc.defaultView?.addEventListener("resize", redraw, { signal: life.signal });

  return {
    show(view: TeachView) {
      say.textContent = t(locale, STEP_TEXT[view.step], view.found ?? {});
      error.textContent = view.refusal
        ? t(locale, REFUSAL_TEXT[view.refusal])
        : "";
      skip.hidden = view.step !== "time";
      restart.hidden = view.step === "row";
    },
    mark(rows, picked) {
      marked = { rows, picked };
      draw();
    },
    hover(el) {
      hovered = el;
      hoverBox.hidden = !el;
      if (el) place(hoverBox, el);
    },
    remove() {
      life.abort();
      host.remove();
    },
  };
}
