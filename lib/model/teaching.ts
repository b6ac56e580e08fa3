import type { OrderStatus } from "@/lib/model/order";
import type { TaughtReader } from "@/lib/model/taught-reader";

/*
 * Teaching a page, as the page's bar and the popup see it: the seller clicks an order row, then its
 * order number, status and time (lib/page/teach-mode.ts); the reader derived from them waits, with
 * what it would read, until the seller saves it from the popup (settings change only from the
 * extension's own pages).
 */

/** What the seller is asked to click next; `done` once a reader is derived. */
export type TeachStep = "row" | "orderId" | "status" | "time" | "done";

/** Why a click teaches nothing: the page's bar says so in the seller's words. */
export type TeachRefusal =
  /** The click is on nothing that repeats like a list's rows (a header, a banner, the page). */
  | "notRow"
  /** The row shows no order number. */
  | "noId"
  /** The field clicked lies outside the chosen row. */
  | "notInRow"
  /** The text clicked holds no order number / no status / no date-time. */
  | "noIdHere"
  | "noStatusHere"
  | "noTimeHere";

/** What the derived reader would read on the page now. */
export interface TeachPreview {
  /** Rows the row selector finds, and orders read from them. */
  rows: number;
  orders: number;
  /** Each status text shown, with what PayNudge makes of it (before the seller's own words). */
  statuses: { text: string; status: OrderStatus; count: number }[];
  /** The first orders read, as the popup lists them. */
  samples: { orderId: string; statusText: string; status: OrderStatus }[];
}

/** A derived reader not yet saved, and what it would read. */
export interface TeachDraft {
  reader: TaughtReader;
  preview: TeachPreview;
}

/** How far teaching went in a frame (null from a frame not teaching). */
export interface TeachState {
  step: TeachStep;
  draft?: TeachDraft;
}

/**
 * Where a frame's order script offers teaching, as Symbol.for(TEACH_KEY) on the global of the
 * extension's isolated world (as READING_KEY, lib/model/page-reading.ts): start, state, finish.
 */
export const TEACH_KEY = "paynudge.teach";

/** What a frame's teaching slot holds. */
export interface TeachSlot {
  start(): TeachState | null;
  state(): TeachState | null;
  /** Ends teaching (saved or given up): the page's bar and outlines go. */
  finish(): void;
}

/** The statuses the seller counts as "waiting for payment", with their own words added. */
export function unpaidCount(
  preview: TeachPreview,
  unpaidWords: readonly string[],
): number {
  return preview.statuses
    .filter(
      ({ text, status }) =>
        status === "unpaid" || unpaidWords.some((word) => text.includes(word)),
    )
    .reduce((sum, { count }) => sum + count, 0);
}
