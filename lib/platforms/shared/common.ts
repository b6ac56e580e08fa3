import {
  clipText,
  type OrderItem,
  type OrderSnapshot,
  type PlatformId,
} from "@/lib/model/order";
import {
  afterLabel,
  closesAtFrom,
  flagFromText,
  isStatusWord,
  orderTotal,
  parseDateTime,
  statusFromText,
  textOf,
  type Money,
} from "@/lib/platforms/shared/parse";
import { deepQueryAll, walkTextAcross } from "@/lib/platforms/shared/shadow";

/*
 * Helpers shared by the adapters: reading a snapshot's optional fields without ever dropping a row
 * because one of them is missing, and walking tables whose columns are named by their headers.
 */

/** Page text read per row is capped: a hostile 10 000-character nickname must not slow parsing. */
const MAX_ROW_TEXT = 20_000;

export function first(
  root: ParentNode,
  selectors: readonly string[],
): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/**
 * Text of several nodes, a space between every text node (so that adjacent cells such as
 * "订单号：3905…" and "2024-05-18" never run together), whitespace collapsed, capped.
 */
export function textOfAll(nodes: readonly Node[]): string {
  const parts: string[] = [];
  let length = 0;
  for (const node of nodes) {
    if (length >= MAX_ROW_TEXT) break;
    // Open shadow roots too: a row may be a web component, or hold one (a status tag, a price).
    walkTextAcross(node, (text) => {
      const parent = text.parentElement?.tagName;
      if (parent === "SCRIPT" || parent === "STYLE") return;
      const data = text.data;
      parts.push(data);
      length += data.length + 1;
      return length < MAX_ROW_TEXT;
    });
  }
  return parts.join(" ").slice(0, MAX_ROW_TEXT).replace(/\s+/g, " ").trim();
}

/**
 * A short element (or text node) whose whole text is one status word; a nickname merely containing
 * one never counts. Preferred selectors (the platform's status cell) are tried first.
 */
export function statusIn(
  root: ParentNode,
  preferred: readonly string[] = [],
): { status: OrderSnapshot["status"]; statusText?: string } {
  const candidates = [
    ...(preferred.length ? deepQueryAll(root, preferred.join(",")) : []),
    ...deepQueryAll(root, "a, span, p, div, td, em, strong, b, label"),
  ];
  for (const el of candidates) {
    if (el.childElementCount > 3) continue;
    const text = textOf(el);
    if (text.length <= 20 && isStatusWord(text))
      return { status: statusFromText(text), statusText: text };
  }
  // A status word as a bare text node beside other content ("等待付款<br><span>剩余…</span>").
  let found: { status: OrderSnapshot["status"]; statusText?: string } = {
    status: "other",
  };
  walkTextAcross(root as Node, ({ data }) => {
    if (data.length > 40 || !isStatusWord(data)) return;
    found = { status: statusFromText(data), statusText: data.trim() };
    return false;
  });
  return found;
}

/** Optional fields, each set only when known and valid. */
export interface Extras {
  statusText?: string;
  createdAt?: number;
  money?: Money;
  buyer?: string;
  items?: OrderItem[];
  memo?: string;
  flag?: number;
  closesAt?: number;
}

export function snapshot(
  platform: PlatformId,
  orderId: string,
  status: OrderSnapshot["status"],
  extras: Extras,
): OrderSnapshot {
  const out: OrderSnapshot = {
    platform,
    orderId,
    status,
    items: (extras.items ?? []).slice(0, 50),
  };
  const statusText = clipText(extras.statusText, 60);
  if (statusText) out.statusText = statusText;
  if (
    extras.createdAt !== undefined &&
    Number.isFinite(extras.createdAt) &&
    extras.createdAt >= 0
  )
    out.createdAt = extras.createdAt;
  if (extras.money && extras.money.cents <= 1e12) {
    out.amountCents = extras.money.cents;
    out.currency = extras.money.currency;
  }
  const buyer = clipText(extras.buyer, 200);
  if (buyer) out.buyer = buyer;
  const memo = clipText(extras.memo, 1000);
  if (memo) out.memo = memo;
  if (extras.flag !== undefined && extras.flag >= 0 && extras.flag <= 9)
    out.flag = extras.flag;
  // A countdown only means something while the order waits for payment.
  if (extras.closesAt !== undefined && status === "unpaid")
    out.closesAt = extras.closesAt;
  return out;
}

/** Item titles from links to item pages (in open shadow roots too), clipped, at most 50, without repeats. */
export function itemsFromLinks(
  root: ParentNode,
  selectors: readonly string[],
): OrderItem[] {
  const items: OrderItem[] = [];
  const seen = new Set<string>();
  for (const a of deepQueryAll(root, selectors.join(","))) {
    const title = clipText(textOf(a));
    if (!title || seen.has(title) || title.length < 2) continue;
    seen.add(title);
    items.push({ title });
    if (items.length >= 50) break;
  }
  return items;
}

/** A flag shown as an icon: its class, image name, alt and title name the colour. */
export function flagOf(el: Element | null): number | undefined {
  if (!el) return undefined;
  const hints = [
    el.getAttribute("class"),
    el.getAttribute("src"),
    el.getAttribute("alt"),
    el.getAttribute("title"),
    el.getAttribute("data-flag"),
  ]
    .filter(Boolean)
    .join(" ");
  return flagFromText(hints);
}

/** Created time: the labelled date-time first, else the first date-time of the text. */
export function createdFrom(
  text: string,
  now: number,
  labels: readonly string[] = [
    "下单时间",
    "创建时间",
    "成交时间",
    "下单",
    "Created",
  ],
): number | undefined {
  for (const label of labels) {
    const at = text.indexOf(label);
    if (at < 0) continue;
    const value = parseDateTime(text.slice(at, at + label.length + 40), now);
    if (value !== undefined) return value;
  }
  return parseDateTime(text, now);
}

export function totalOf(text: string): Money | undefined {
  return orderTotal(text);
}

export function closesOf(text: string, now: number): number | undefined {
  return closesAtFrom(text, now);
}

/**
 * Columns of a table named by their header cells: header text → column index. Lets adapters read
 * "买家" or "Payment status" by name rather than by position, which hosts reorder.
 */
export function columnIndex(
  table: Element | null,
  headerSelector: string,
): Map<string, number> {
  const map = new Map<string, number>();
  if (!table) return map;
  const headers = table.querySelectorAll(headerSelector);
  headers.forEach((th, i) => {
    const name = textOf(th);
    if (name && !map.has(name)) map.set(name, i);
  });
  return map;
}

/** The cell of a row at a named column, trying several names. */
export function cellByName(
  cells: readonly Element[],
  columns: Map<string, number>,
  names: readonly string[],
): Element | undefined {
  for (const name of names) {
    for (const [header, index] of columns)
      if (header.includes(name)) return cells[index];
  }
  return undefined;
}

/** Text of a masked or labelled buyer nickname (`买家：牛**`, `小明***`). */
export function buyerFrom(text: string): string | undefined {
  const labelled =
    /(?:买家|买家昵称|买家账号|收货人|客户|用户)\s*[：:]\s*(\S{1,40})/.exec(
      text,
    );
  if (labelled) return labelled[1];
  const masked =
    /(?:^|\s)([^\s¥￥$：:]{0,20}\*{2,}[^\s¥￥$：:]{0,20})(?=\s|$)/.exec(text);
  return masked?.[1];
}

/**
 * The text after a label in the smallest element that starts with it (`备注：请发顺丰`), so that the
 * memo does not run on into the next cell. A label without a colon (a "添加备注" button) never counts.
 * Open shadow roots are read too: the memo cell may be a component.
 */
export function labelledText(
  roots: readonly Element[],
  labels: readonly string[],
  max = 1000,
): string | undefined {
  const candidates = roots.flatMap((root) => [
    root,
    ...deepQueryAll(root, "span, p, div, td, dd, li, em"),
  ]);
  // Leaf elements first: "备注：发顺丰" in a span beats its cell "备注：发顺丰 修改备注".
  const ordered = [
    ...candidates.filter((el) => el.childElementCount === 0),
    ...candidates.filter(
      (el) => el.childElementCount > 0 && el.childElementCount <= 3,
    ),
  ];
  for (const el of ordered) {
    const text = textOf(el);
    if (text.length > max + 20) continue;
    for (const label of labels) {
      if (!text.startsWith(label)) continue;
      const value = afterLabel(text, [label], max);
      if (value) return value;
    }
  }
  return undefined;
}

/**
 * An order in a flat table: its header row and the sibling rows after it, up to the row that
 * starts the next order (at most 60 rows, however the page is built).
 */
export function flatSegment(
  row: Element,
  startsNextOrder: (next: Element) => boolean,
): Element[] {
  const out = [row];
  for (
    let next = row.nextElementSibling;
    next && out.length < 60 && !startsNextOrder(next);
    next = next.nextElementSibling
  )
    out.push(next);
  return out;
}
