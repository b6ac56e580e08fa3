import { TAUGHT_SELECTOR_MAX } from "@/lib/model/taught-reader";
import { idFromText, fieldIn } from "@/lib/platforms/taught/adapter";
import { textOf } from "@/lib/platforms/shared/parse";
import {
  deepQueryAll,
  parentAcross,
  walkTextAcross,
} from "@/lib/platforms/shared/shadow";

/*
 * A reader derived from one row the seller clicked: the row is the element around the click that
 * repeats among its siblings (same tag, same stable classes) and shows one order number; each field
 * is reached from the row by the same path in every row. Selectors are built from tag names and
 * class names only (hashed class names by their stable prefix), never from the page's text.
 */

const PLAIN_CLASS = /^-?[A-Za-z_][\w-]*$/;
/** `orderItem_3kd9a`, `row--x7f2a`: a stable name and a build hash; the name is kept. */
const HASHED_CLASS = /^([A-Za-z][\w-]*?(?:_|--|-))([A-Za-z0-9]{4,})$/;
/** Generated class names with nothing stable in them (styled-components, emotion, JSS). */
const GENERATED_CLASS = /^(?:sc|css|jsx|jss|emotion)-/;
/** At most this many class names describe one element. */
const MAX_CLASSES = 3;
/** A status is a few words; longer text is something else. */
const MAX_STATUS_TEXT = 40;

/** The stable part of an element's classes, as selector parts. */
function classParts(el: Element): string[] {
  const parts: string[] = [];
  for (const token of el.classList) {
    if (parts.length >= MAX_CLASSES) break;
    if (!PLAIN_CLASS.test(token) || GENERATED_CLASS.test(token)) continue;
    const hashed = HASHED_CLASS.exec(token);
    if (hashed && /\d/.test(hashed[2]!)) {
      if (hashed[1]!.length >= 4) parts.push(`[class*="${hashed[1]}"]`);
      continue;
    }
    if (!/\d{3}/.test(token)) parts.push(`.${token}`);
  }
  return parts;
}

/** An element's tag and stable classes: what its siblings of the same kind share. */
function stepOf(el: Element): string {
  return `${el.localName}${classParts(el).join("")}`;
}

function siblingsOf(el: Element): Element[] {
  const parent = el.parentNode;
  return parent ? [...(parent as ParentNode).children] : [el];
}

/** How many of its siblings (itself included) share the element's step. */
function repeats(el: Element): number {
  const step = stepOf(el);
  return siblingsOf(el).filter((sibling) => sibling.matches(step)).length;
}

/** The different order numbers an element shows. */
function idsIn(el: Element): Set<string> {
  const ids = new Set<string>();
  walkTextAcross(el, (node) => {
    const id = idFromText(node.data);
    if (id) ids.add(id);
    return ids.size < 2;
  });
  return ids;
}

/** The ancestors of `el` (itself first) up to the body, across open shadow roots. */
function ancestry(el: Element): Element[] {
  const out: Element[] = [];
  const doc = el.ownerDocument;
  for (
    let at: Element | null = el;
    at && at !== doc.body && at !== doc.documentElement;
    at = parentAcross(at)
  )
    out.push(at);
  return out;
}

/**
 * The order row around a click: of the ancestors that repeat among their siblings, the outermost
 * showing exactly one order number (a table cell repeats too, but the row around it is outer).
 */
export function rowFor(
  target: Element,
): { row: Element } | { refusal: "notRow" | "noId" } {
  const repeating = ancestry(target).filter((el) => repeats(el) >= 2);
  if (!repeating.length) return { refusal: "notRow" };
  let row: Element | undefined;
  let anyId = false;
  for (const el of repeating) {
    const ids = idsIn(el).size;
    if (ids >= 1) anyId = true;
    if (ids === 1) row = el;
  }
  if (row) return { row };
  return { refusal: anyId ? "notRow" : "noId" };
}

/**
 * The smallest repeating ancestor of `row` that also holds `el` and still one order number: the
 * seller's later click shows the row is wider than first taken (a cell was taken for the row).
 */
export function widenRow(row: Element, el: Element): Element | undefined {
  for (const up of ancestry(row)) {
    if (up === row || !up.contains(el)) continue;
    if (repeats(up) >= 2 && idsIn(up).size === 1) return up;
  }
  return undefined;
}

/**
 * Every row: the row's step under its parent's and grandparent's (inside the same tree; a row at
 * the top of a shadow tree is found by its own step, deepQueryAll searching open roots).
 */
export function rowSelectorOf(row: Element): string {
  const steps = [stepOf(row)];
  for (
    let up = row.parentElement;
    up && steps.length < 3 && up !== row.ownerDocument.body;
    up = up.parentElement
  )
    steps.unshift(stepOf(up));
  return steps.join(" > ");
}

/** The rows the row selector finds in the page. */
export function rowsLike(doc: Document, selector: string): Element[] {
  try {
    return deepQueryAll(doc, selector);
  } catch {
    return [];
  }
}

/** The element's position among its siblings of the same tag, 1-based. */
function nthOfType(el: Element): number {
  let n = 1;
  for (let at = el.previousElementSibling; at; at = at.previousElementSibling)
    if (at.localName === el.localName) n += 1;
  return n;
}

/**
 * Two ways down from the row to the field: by stable classes (with a position where those are
 * shared), and by positions alone. Undefined when the field is not in the row's own tree.
 */
function pathsDown(row: Element, el: Element): [string, string] | undefined {
  const byClass: string[] = [];
  const byPosition: string[] = [];
  for (let at: Element | null = el; at !== row; at = at.parentElement) {
    if (!at) return undefined;
    const step = stepOf(at);
    const same = siblingsOf(at).filter((s) => s.matches(step)).length;
    byClass.unshift(same > 1 ? `${step}:nth-of-type(${nthOfType(at)})` : step);
    byPosition.unshift(`${at.localName}:nth-of-type(${nthOfType(at)})`);
  }
  if (!byClass.length) return undefined;
  return [
    `:scope > ${byClass.join(" > ")}`,
    `:scope > ${byPosition.join(" > ")}`,
  ];
}

/**
 * The selector of a field, from the row the seller clicked in to the element clicked: of the two
 * ways down, the one that reaches the same element in this row and a fitting one (`fits`) in the
 * most rows. Undefined when neither reaches it.
 */
export function fieldSelectorOf(
  row: Element,
  el: Element,
  rows: readonly Element[],
  fits: (field: Element) => boolean,
): string | undefined {
  const paths = pathsDown(row, el);
  if (!paths) return undefined;
  let best: { selector: string; hits: number } | undefined;
  for (const selector of paths) {
    if (selector.length > TAUGHT_SELECTOR_MAX) continue;
    if (fieldIn(row, selector) !== el) continue;
    const hits = rows.filter((one) => {
      const field = fieldIn(one, selector);
      return field !== null && fits(field);
    }).length;
    if (!best || hits > best.hits) best = { selector, hits };
  }
  return best?.selector;
}

/** What a field click must show: an order number, a short status, a date-time. */
export const FIELD_FITS = {
  orderId: (el: Element) => idFromText(textOf(el)) !== undefined,
  status: (el: Element) => {
    const text = textOf(el);
    return text.length >= 1 && text.length <= MAX_STATUS_TEXT;
  },
};
