import { parentAcross } from "@/lib/platforms/shared/shadow";

/*
 * Rows are rows (issue 14): the generic reader finds a candidate row by its text alone (an order
 * number with a status word, or a date and an amount), and text alone cannot tell an order from an
 * ad card, a banner or a dialog that shows an order number and 等待买家付款. A candidate is taken
 * for an order row only when
 *   - nothing around its order number is a dialog, a banner, an ad (by its class or id words) or a
 *     card wrapped in a link off the seller's site (another origin than the page's), and
 *   - it repeats the shape of a sibling that also holds an order (a list of orders repeats one
 *     structure), or, when it repeats none (a list with a single order), it sits in a table or
 *     list of orders: a tbody/ul/ol/ARIA grid or list, an element whose class names an order, or
 *     under a header naming the order columns. A candidate that breaks a structure its siblings
 *     repeat (the odd card in a list of orders) is never one.
 */

/** ARIA roles and tags that mark what is not the page's own content. */
const OFF_ROLES = new Set(["dialog", "alertdialog", "banner"]);
/**
 * Words of a class or id that mark an ad. Whole words only (`AdCard`, `ad-slot`, `sponsored`), so
 * `address`, `admin`, `header`, `download` never count.
 */
const AD_WORDS = new Set([
  "ad",
  "ads",
  "advert",
  "adverts",
  "advertise",
  "advertisement",
  "advertising",
  "sponsor",
  "sponsored",
  "promo",
  "banner",
  "guanggao",
]);
const AD_HINT = /ad|sponsor|promo|banner|guanggao/i;
/** Words of a class or id that name an order row or list (`OrderCard_card__x9Ab2`, `trade-order-main`). */
const ORDER_WORDS = new Set(["order", "orders", "trade", "trades", "dingdan"]);
const ORDER_HINT = /order|trade|dingdan/i;
const LIST_TAGS = new Set(["TBODY", "TABLE", "UL", "OL"]);
const LIST_ROLES = new Set(["grid", "treegrid", "table", "list", "rowgroup"]);
/** A header row names at least two of these columns. */
const COLUMN_NAMES =
  /订单号|订单编号|商品|宝贝|买家|收货人|数量|单价|金额|实付|应付|订单状态|交易状态|状态|下单时间|创建时间|order|customer|product|payment|total|status|date/gi;
/** Siblings looked at on each side: a 1 000-order list must not cost a million comparisons. */
const MAX_SIBLINGS = 24;
/** How far above the row a list container or a header is looked for. */
const LIST_LEVELS = 3;

/** The words of a class list or id: split at `-`, `_`, spaces and camelCase, lower case. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

/** Whether the class or id of an element holds one of the words (a cheap test on the text first). */
function named(el: Element, words: Set<string>, hint: RegExp): boolean {
  const name = `${el.getAttribute("class") ?? ""} ${el.id}`;
  return hint.test(name) && wordsOf(name).some((word) => words.has(word));
}

function pageOrigin(doc: Document): string | undefined {
  try {
    const origin = new URL(doc.URL).origin;
    return origin === "null" ? undefined : origin;
  } catch {
    return undefined;
  }
}

/** What a link wraps when it is a card rather than a number or a title. */
const CARD_PARTS =
  "div, p, img, li, table, section, article, h1, h2, h3, h4, button";

/**
 * A card wrapped in a link to another origin than the page's. A link that shows only an order
 * number (an id link to the order's page, often on another of the platform's hosts) is not one, and
 * a javascript:, mailto: or # link never counts.
 */
function linksOffSite(el: Element): boolean {
  if (el.tagName !== "A" && el.tagName !== "AREA") return false;
  const href = el.getAttribute("href");
  if (!href) return false;
  const origin = pageOrigin(el.ownerDocument);
  if (!origin) return false;
  try {
    const url = new URL(href, el.ownerDocument.URL);
    if (!/^https?:$/.test(url.protocol) || url.origin === origin) return false;
  } catch {
    return false;
  }
  return (
    el.querySelector(CARD_PARTS) !== null ||
    (el.textContent ?? "").replace(/\s+/g, " ").trim().length > 40
  );
}

/** A dialog, a banner, an ad, or a link off the seller's site. */
function isOffContent(el: Element): boolean {
  if (el.tagName === "DIALOG") return true;
  // Most elements around an order number carry no attribute at all.
  if (!el.hasAttributes()) return false;
  const role = el.getAttribute("role")?.trim().toLowerCase();
  if (role && OFF_ROLES.has(role)) return true;
  if (el.getAttribute("aria-modal") === "true") return true;
  if (linksOffSite(el)) return true;
  return named(el, AD_WORDS, AD_HINT);
}

/** Whether anything from the order number's text up to the document is off the page's content. */
function insideOffContent(idNode: Node): boolean {
  for (let el = parentAcross(idNode); el; el = parentAcross(el)) {
    if (el.tagName === "BODY" || el.tagName === "HTML") return false;
    if (isOffContent(el)) return true;
  }
  return false;
}

/** A sibling marked off-content itself, or through its chain of only children (`div > a[href=…]`). */
function siblingOffContent(el: Element): boolean {
  for (let at: Element | null = el; at;) {
    if (isOffContent(at)) return true;
    at = at.childElementCount === 1 ? at.firstElementChild : null;
  }
  return false;
}

/** The stable part of a class name: no CSS-module hash (`__x9Ab2`), no BEM modifier (`--active`). */
function classPrefix(name: string): string {
  return name
    .replace(/_{2,}[A-Za-z0-9]{4,}$/, "")
    .replace(/--.*$/, "")
    .replace(/^(css|sc|jsx|emotion)-.*$/, "$1");
}

interface Shape {
  tag: string;
  classes: Set<string>;
  children: Map<string, number>;
  count: number;
}

function classesOf(el: Element): string[] {
  return (el.getAttribute("class") ?? "").split(/\s+/).filter(Boolean);
}

function shapeOf(el: Element): Shape {
  const classes = new Set(
    classesOf(el)
      .map(classPrefix)
      .filter((name) => name.length > 0),
  );
  const children = new Map<string, number>();
  let count = 0;
  for (
    let child = el.firstElementChild;
    child;
    child = child.nextElementSibling
  ) {
    const first = classesOf(child)[0];
    const key = `${child.tagName}.${first ? classPrefix(first) : ""}`;
    children.set(key, (children.get(key) ?? 0) + 1);
    count += 1;
  }
  return { tag: el.tagName, classes, children, count };
}

/**
 * The same tag, a class name in common (or none on either side: a selected row may add one), and
 * mostly the same children (Dice over the children's tag and class: an order with a memo line or
 * more items still repeats one without).
 */
function similar(a: Shape, b: Shape): boolean {
  if (a.tag !== b.tag) return false;
  if (a.classes.size && b.classes.size) {
    let common = false;
    for (const name of a.classes) if (b.classes.has(name)) common = true;
    if (!common) return false;
  }
  if (!a.count && !b.count) return true;
  let shared = 0;
  for (const [key, n] of a.children)
    shared += Math.min(n, b.children.get(key) ?? 0);
  return (2 * shared) / (a.count + b.count) >= 0.5;
}

/** The row's siblings, nearest first, a bounded number on each side. */
function* siblingsOf(row: Element): Generator<Element> {
  let before = row.previousElementSibling;
  let after = row.nextElementSibling;
  for (let i = 0; i < MAX_SIBLINGS && (before || after); i++) {
    if (before) yield before;
    if (after) yield after;
    before = before?.previousElementSibling ?? null;
    after = after?.nextElementSibling ?? null;
  }
}

function isListContainer(el: Element): boolean {
  if (LIST_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute("role")?.trim().toLowerCase();
  return !!role && LIST_ROLES.has(role);
}

/** A header naming at least two order columns, and holding no number itself (not another order). */
function namesColumns(el: Element | null): boolean {
  const text = el?.textContent ?? "";
  if (!text || text.length > 300 || /\d{3}/.test(text)) return false;
  const names = new Set(
    (text.match(COLUMN_NAMES) ?? []).map((m) => m.toLowerCase()),
  );
  return names.size >= 2;
}

/**
 * A lone row in a table or list of orders: from its order number up to the row, a list container,
 * a class naming an order, or an element just after a header naming order columns; the row's
 * parent as a list container. Further up (a few levels), the same only when no sibling holds an
 * order: an ancestor shared with another candidate (an ad beside the list) tells neither apart.
 */
function inOrderList(row: Element, idNode: Node, alone: boolean): boolean {
  let above = -1; // levels above the row; -1 while still inside it
  for (let el = parentAcross(idNode); el; el = parentAcross(el)) {
    if (el.tagName === "BODY" || el.tagName === "HTML") break;
    if (el === row) above = 0;
    else if (above >= 0) above += 1;
    if (above > LIST_LEVELS) break;
    if (above > 0 && !alone) return above === 1 && isListContainer(el);
    if (isListContainer(el)) return true;
    if (named(el, ORDER_WORDS, ORDER_HINT)) return true;
    if (namesColumns(el.previousElementSibling)) return true;
  }
  return false;
}

/** How many unlike siblings are compared with each other to tell an odd one out. */
const MAX_UNLIKE = 8;

/**
 * Why a candidate row of the generic reader is not an order row, or undefined when it is: `idNode`
 * is the text of its order number, `holdsOrder` tells the elements holding one (the reader's own
 * map).
 */
export function rowRefusal(
  row: Element,
  idNode: Node,
  holdsOrder: (el: Element) => boolean,
): "offContent" | "oddShape" | "notInList" | undefined {
  if (insideOffContent(idNode)) return "offContent";
  const shape = shapeOf(row);
  // Nearest first, stopping at the first sibling it repeats (the next row, in a list of orders).
  const unlike: Shape[] = [];
  for (const sibling of siblingsOf(row)) {
    if (!holdsOrder(sibling) || siblingOffContent(sibling)) continue;
    const other = shapeOf(sibling);
    if (similar(shape, other)) return undefined;
    if (unlike.length < MAX_UNLIKE) unlike.push(other);
  }
  // The odd one out: its siblings repeat a structure it does not.
  for (let i = 0; i < unlike.length; i++)
    for (let j = i + 1; j < unlike.length; j++)
      if (similar(unlike[i]!, unlike[j]!)) return "oddShape";
  return inOrderList(row, idNode, unlike.length === 0)
    ? undefined
    : "notInList";
}
