/*
 * A reader the seller taught PayNudge on one page of theirs: a page whose orders no built-in reader
 * reads (a redesign, a back-office nobody here knows). The seller clicks one order row, then its
 * order number, status and time (lib/page/teach-mode.ts); the reader is derived from that row's
 * structure (lib/platforms/taught/derive.ts), saved from an extension page and read on that page
 * before the built-in readers (lib/platforms/taught/adapter.ts). It holds selectors only: no order,
 * no buyer.
 */

export interface TaughtReader {
  /** The page's host, with its port when it has one (`shop.example.com`). */
  host: string;
  /** The page's path (no query, no hash): the reader is used there only. */
  path: string;
  /** Every order row, document-wide (open shadow roots included). */
  rows: string;
  /** Where, inside a row (`:scope > …`), its order number, status and time are shown. */
  orderId: string;
  status: string;
  time?: string;
  /** Status texts of this page that mean "waiting for payment" (when PayNudge knows no such word). */
  unpaidWords: string[];
  /** When it was taught (epoch ms). */
  taughtAt: number;
}

/** At most this many taught pages are kept (one per host and path). */
export const TAUGHT_READERS_MAX = 50;
/** A selector PayNudge derives stays far below this; a longer one is not one of ours. */
export const TAUGHT_SELECTOR_MAX = 600;
/** A status text is short: a longer one is prose, never a status. */
export const TAUGHT_WORD_MAX = 40;
const TAUGHT_WORDS_MAX = 10;

const HOST = /^[a-z0-9.-]{1,253}(?::\d{1,5})?$/;

const isSelector = (v: unknown): v is string =>
  typeof v === "string" &&
  v.trim() !== "" &&
  v.length <= TAUGHT_SELECTOR_MAX &&
  !/[\n\r]/.test(v);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A stored or sent taught reader has exactly this shape; anything else is refused whole. */
export function isTaughtReader(v: unknown): v is TaughtReader {
  if (!isPlainObject(v)) return false;
  const known = new Set([
    "host",
    "path",
    "rows",
    "orderId",
    "status",
    "time",
    "unpaidWords",
    "taughtAt",
  ]);
  if (Object.keys(v).some((key) => !known.has(key))) return false;
  return (
    typeof v.host === "string" &&
    HOST.test(v.host) &&
    typeof v.path === "string" &&
    v.path.startsWith("/") &&
    v.path.length <= 500 &&
    isSelector(v.rows) &&
    isSelector(v.orderId) &&
    isSelector(v.status) &&
    (v.time === undefined || isSelector(v.time)) &&
    Array.isArray(v.unpaidWords) &&
    v.unpaidWords.length <= TAUGHT_WORDS_MAX &&
    v.unpaidWords.every(
      (word) =>
        typeof word === "string" &&
        word.trim() === word &&
        word.length >= 1 &&
        word.length <= TAUGHT_WORD_MAX,
    ) &&
    Number.isSafeInteger(v.taughtAt) &&
    (v.taughtAt as number) >= 0
  );
}

/** The stored list: taught readers, one per host and path, at most TAUGHT_READERS_MAX. */
export function isTaughtReaderList(v: unknown): v is TaughtReader[] {
  if (!Array.isArray(v) || v.length > TAUGHT_READERS_MAX) return false;
  if (!v.every(isTaughtReader)) return false;
  return new Set(v.map(pageKey)).size === v.length;
}

/** What one taught page is known by: its host and path. */
export function pageKey(page: Pick<TaughtReader, "host" | "path">): string {
  return `${page.host}${page.path}`;
}

/** The reader taught for the page at `url`, if any. */
export function taughtReaderAt(
  readers: readonly TaughtReader[],
  url: URL,
): TaughtReader | undefined {
  return readers.find(
    (reader) => reader.host === url.host && reader.path === url.pathname,
  );
}
