import type { PlatformId } from "@/lib/model/order";
import {
  unpaidCount,
  type TeachDraft,
  type TeachRefusal,
  type TeachState,
  type TeachStep,
} from "@/lib/model/teaching";
import { isTaughtReader, type TaughtReader } from "@/lib/model/taught-reader";
import { parseDateTime, textOf } from "@/lib/platforms/shared/parse";
import {
  FIELD_FITS,
  fieldSelectorOf,
  rowFor,
  rowSelectorOf,
  rowsLike,
  widenRow,
} from "@/lib/platforms/taught/derive";
import { previewOf } from "@/lib/platforms/taught/preview";
import type { PageUi, TeachOverlay } from "@/lib/page/ui-port";

/*
 * Teaching a page: the seller clicks one order row, then its order number, status and time; each
 * click is checked at once (a click that is no row, a row without an order number, a field outside
 * the row get the bar's message), and the reader derived from them waits, with what it would read,
 * for the popup to save it. While teaching, the page's own handlers never see the seller's clicks
 * (a click on an order number would follow its link), and only the seller's own (trusted) input
 * counts: the page cannot teach PayNudge anything.
 */

interface TeachOptions {
  doc: Document;
  ui: PageUi;
  /** The platform the taught reader's orders belong to (the page's). */
  platform: PlatformId;
  signal: AbortSignal;
  now?: () => number;
}

export interface Teaching {
  /** Null once teaching ended (saved, left with Esc or the bar's button, the script gone). */
  state(): TeachState | null;
  stop(): void;
}

/** The field each step picks. */
type FieldStep = "orderId" | "status" | "time";

const NEXT: Record<Exclude<TeachStep, "done">, TeachStep> = {
  row: "orderId",
  orderId: "status",
  status: "time",
  time: "done",
};

/** Pointer events the page must not see while teaching (links follow some on press, not click). */
const SWALLOWED = [
  "pointerdown",
  "pointerup",
  "mousedown",
  "mouseup",
  "click",
  "auxclick",
  "dblclick",
] as const;

function elementOf(target: EventTarget | undefined): Element | undefined {
  const node = target as Node | undefined;
  if (!node || typeof node !== "object" || !("nodeType" in node))
    return undefined;
  if (node.nodeType === Node.ELEMENT_NODE) return node as Element;
  return node.parentElement ?? undefined;
}

export function startTeaching(opts: TeachOptions): Teaching {
  const { doc, ui, platform } = opts;
  const now = opts.now ?? Date.now;
  const life = new AbortController();
  const listen = { capture: true, signal: life.signal };
  opts.signal.addEventListener("abort", () => stop(), {
    once: true,
    signal: life.signal,
  });

  let step: TeachStep = "row";
  let row: Element | undefined;
  let picks: Partial<Record<FieldStep, Element>> = {};
  let draft: TeachDraft | undefined;

  const overlay: TeachOverlay = ui.createTeachOverlay({
    skip: () => {
      if (step === "time") derive();
    },
    restart,
    cancel: () => stop(),
  });
  overlay.show({ step });

  function stop() {
    if (life.signal.aborted) return;
    life.abort();
    overlay.remove();
  }

  function restart() {
    step = "row";
    row = undefined;
    picks = {};
    draft = undefined;
    overlay.mark([], []);
    overlay.show({ step });
  }

  function refuse(refusal: TeachRefusal) {
    overlay.show({ step, refusal });
  }

  /** The chosen row, with the row's kin outlined and the clicks made so far marked. */
  function showPicks() {
    if (!row) return;
    const fields = Object.values(picks);
    overlay.mark(rowsLike(doc, rowSelectorOf(row)), [row, ...fields]);
    overlay.show({ step });
  }

  /** Whether `el` lies in the row; the row widens when the click shows it was taken too narrow. */
  function inRow(el: Element): boolean {
    if (!row) return false;
    if (el !== row && row.contains(el)) return true;
    const wider = widenRow(row, el);
    if (!wider || Object.values(picks).some((pick) => !wider.contains(pick)))
      return false;
    row = wider;
    return true;
  }

  function pickField(field: FieldStep, el: Element) {
    if (!inRow(el)) return refuse("notInRow");
    if (field === "orderId" && !FIELD_FITS.orderId(el))
      return refuse("noIdHere");
    if (field === "status" && !FIELD_FITS.status(el))
      return refuse("noStatusHere");
    if (field === "time" && parseDateTime(textOf(el), now()) === undefined)
      return refuse("noTimeHere");
    picks[field] = el;
    step = NEXT[field];
    if (step === "done") derive();
    else showPicks();
  }

  function pick(el: Element) {
    if (step === "done") return;
    if (step !== "row") return pickField(step, el);
    const found = rowFor(el);
    if ("refusal" in found) return refuse(found.refusal);
    row = found.row;
    step = NEXT.row;
    showPicks();
  }

  /** The reader from the row and the fields clicked, and what it reads on the page now. */
  function derive() {
    if (!row || !picks.orderId || !picks.status) return;
    const time = now();
    const rowsSelector = rowSelectorOf(row);
    const rows = rowsLike(doc, rowsSelector);
    const orderId = fieldSelectorOf(
      row,
      picks.orderId,
      rows,
      FIELD_FITS.orderId,
    );
    const status = fieldSelectorOf(row, picks.status, rows, FIELD_FITS.status);
    const timeSelector =
      picks.time &&
      fieldSelectorOf(
        row,
        picks.time,
        rows,
        (el) => parseDateTime(textOf(el), time) !== undefined,
      );
    const url = new URL(doc.URL);
    const reader: TaughtReader = {
      host: url.host,
      path: url.pathname,
      rows: rowsSelector,
      orderId: orderId ?? "",
      status: status ?? "",
      ...(timeSelector ? { time: timeSelector } : {}),
      unpaidWords: [],
      taughtAt: time,
    };
    // A field reached through a shadow tree of its own, or a path too long to keep: pick again.
    if (!isTaughtReader(reader)) {
      step = !orderId ? "orderId" : !status ? "status" : "row";
      if (step === "row") restart();
      return refuse("notInRow");
    }
    const read = previewOf(doc, reader, platform, time);
    draft = { reader, preview: read.preview };
    step = "done";
    overlay.mark(read.rows, [row]);
    overlay.show({
      step,
      found: {
        rows: read.preview.rows,
        orders: read.preview.orders,
        unpaid: unpaidCount(read.preview, []),
      },
    });
  }

  const ownEvent = (event: Event) =>
    event.composedPath().some((node) => node instanceof Node && ui.isOwn(node));

  for (const type of SWALLOWED)
    doc.addEventListener(
      type,
      (event) => {
        // The bar's own buttons, and anything the page made up itself, go their way.
        if (!event.isTrusted || ownEvent(event)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (type !== "click") return;
        const el = elementOf(event.composedPath()[0]);
        if (el) pick(el);
      },
      listen,
    );

  let hovered: Element | undefined;
  doc.addEventListener(
    "mouseover",
    (event) => {
      if (!event.isTrusted) return;
      const el = ownEvent(event)
        ? undefined
        : elementOf(event.composedPath()[0]);
      if (el === hovered) return;
      hovered = el;
      overlay.hover(el && step !== "done" ? el : null);
    },
    listen,
  );

  doc.addEventListener(
    "keydown",
    (event) => {
      if (event.isTrusted && event.key === "Escape") stop();
    },
    listen,
  );

  return {
    state: () =>
      life.signal.aborted ? null : draft ? { step, draft } : { step },
    stop,
  };
}
