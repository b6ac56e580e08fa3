import { t, type Locale } from "@/lib/i18n";
import {
  isTaughtReader,
  TAUGHT_SELECTOR_MAX,
  TAUGHT_WORD_MAX,
  type TaughtReader,
} from "@/lib/model/taught-reader";

/*
 * A taught reader as the options page edits it: the selectors as typed, the unpaid words as one
 * line. Pure, so the checks run in tests without a form.
 */

export interface TaughtDraft {
  rows: string;
  orderId: string;
  status: string;
  /** Empty when the page shows no time PayNudge should read. */
  time: string;
  /** The unpaid words, separated by commas or 、. */
  words: string;
}

export type TaughtField = keyof TaughtDraft;

export type TaughtErrors = Partial<Record<TaughtField, string>>;

export function draftOf(reader: TaughtReader): TaughtDraft {
  return {
    rows: reader.rows,
    orderId: reader.orderId,
    status: reader.status,
    time: reader.time ?? "",
    words: reader.unpaidWords.join("、"),
  };
}

/** The words of the line, in order, each once: commas (half or full width) and 、 separate them. */
function splitWords(line: string): string[] {
  const words = line
    .split(/[,，、]/)
    .map((word) => word.trim())
    .filter(Boolean);
  return [...new Set(words)];
}

/**
 * Whether the browser parses `text` as a CSS selector. A fragment holds nothing to match, so
 * nothing of the page is read: only the parser runs, and it throws on a selector it cannot parse.
 */
function isCssSelector(text: string): boolean {
  try {
    document.createDocumentFragment().querySelector(text);
    return true;
  } catch {
    return false;
  }
}

function selectorError(
  locale: Locale,
  text: string,
  required: boolean,
): string | undefined {
  const selector = text.trim();
  if (!selector)
    return required ? t(locale, "taught.options.required") : undefined;
  if (selector.length > TAUGHT_SELECTOR_MAX)
    return t(locale, "taught.options.tooLong", { max: TAUGHT_SELECTOR_MAX });
  if (/[\n\r]/.test(selector) || !isCssSelector(selector))
    return t(locale, "taught.options.invalidSelector");
  return undefined;
}

/** The reader the draft makes of `reader`: its page and when it was taught are kept. */
export function readerOf(
  reader: TaughtReader,
  draft: TaughtDraft,
): TaughtReader {
  const time = draft.time.trim();
  return {
    host: reader.host,
    path: reader.path,
    rows: draft.rows.trim(),
    orderId: draft.orderId.trim(),
    status: draft.status.trim(),
    ...(time ? { time } : {}),
    unpaidWords: splitWords(draft.words),
    taughtAt: reader.taughtAt,
  };
}

function wordsError(
  locale: Locale,
  reader: TaughtReader,
  draft: TaughtDraft,
): string | undefined {
  const words = splitWords(draft.words);
  const long = words.find((word) => word.length > TAUGHT_WORD_MAX);
  if (long !== undefined)
    return t(locale, "taught.options.wordTooLong", { max: TAUGHT_WORD_MAX });
  // The stored reader is whole (it was read through its check): with only its words changed, the
  // model's own check says whether the words are acceptable (how many it keeps is the model's).
  if (!isTaughtReader({ ...reader, unpaidWords: words }))
    return t(locale, "taught.options.tooManyWords");
  return undefined;
}

/** What is wrong with each field of the draft, in the seller's words; empty when it can be saved. */
export function draftErrors(
  locale: Locale,
  reader: TaughtReader,
  draft: TaughtDraft,
): TaughtErrors {
  const errors: TaughtErrors = {
    rows: selectorError(locale, draft.rows, true),
    orderId: selectorError(locale, draft.orderId, true),
    status: selectorError(locale, draft.status, true),
    time: selectorError(locale, draft.time, false),
    words: wordsError(locale, reader, draft),
  };
  return Object.fromEntries(
    Object.entries(errors).filter(([, error]) => error !== undefined),
  );
}
