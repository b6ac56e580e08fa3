/*
 * What PayNudge reads on a page, frame by frame, for the seller to see and to send to support when
 * a page is read wrong: which reader matched, what it found and skipped, and the page's structure
 * with every text reduced to its shape. Nothing in it names a buyer or an order.
 */

/**
 * Why a candidate row gave no order: the reader read no order number from it, or one another row
 * already showed; or (the generic reader, which finds rows by their text) it shows an order number
 * but no status word (nor a date and an amount), it lies in a dialog, banner, ad or a link off the
 * site, its siblings repeat a structure it does not, or it is alone and in no list of orders.
 */
export type SkipReason =
  | "noOrderId"
  | "duplicate"
  | "noStatus"
  | "offContent"
  | "oddShape"
  | "notInList";

/** A candidate a reader looked at and refused, with why. */
export type RefuseRow = (candidate: Element, reason: SkipReason) => void;

export interface SkippedRows {
  reason: SkipReason;
  count: number;
  /** The first such row's structure (see ShapeNode). */
  example: ShapeNode;
}

/**
 * An element as the report shows it: its tag, its class names with hashes and numbers taken out,
 * the shape of its own text ("9{19}" for 19 digits, "字{4}" for four CJK characters, "a{5}" for
 * five letters; known status words as they are), and its children, a run of siblings of the same
 * shape written once with how many there are.
 */
export interface ShapeNode {
  tag: string;
  classes?: string[];
  text?: string;
  /** The element hosts an open shadow root; its children are the shadow root's. */
  shadow?: true;
  repeat?: number;
  children?: ShapeNode[];
  /** Children left out at the report's bounds. */
  cut?: true;
}

export interface FrameReading {
  /** The frame's host and path; long digit runs (ids) reduced to their shape, no query. */
  page: string;
  /** The reader (adapter variant) that found the rows; absent when none did. */
  reader?: string;
  /** Readers tried before it (or all of them, when none found rows), each finding none. */
  tried: string[];
  /** Rows the reader found, orders read from them, and how many of those are unpaid. */
  rows: number;
  orders: number;
  unpaid: number;
  skipped: SkippedRows[];
  /** When the rows were last read (epoch ms). */
  readAt: number;
  /** Where the rows are (their common container), or the body when there are none. */
  structure: ShapeNode;
}

/**
 * Where a frame's order script leaves its reading, as Symbol.for(READING_KEY) on the global of
 * the extension's isolated world: the page cannot see it, and the extension's own pages ask for it
 * through chrome.scripting, which runs in that world (lib/browser-tabs/page-readings.ts).
 */
export const READING_KEY = "paynudge.reading";
