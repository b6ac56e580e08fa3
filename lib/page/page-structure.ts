import type { ShapeNode } from "@/lib/model/page-reading";
import { isStatusWord } from "@/lib/platforms/shared/parse";
import { parentAcross } from "@/lib/platforms/shared/shadow";

/*
 * The page's structure as a support report shows it: tags, class names without their hashes, and
 * each text reduced to its shape. A report is saved by the seller and sent to someone else, so
 * nothing that names a buyer, an order or an amount survives: digits, letters and CJK characters
 * become runs of 9, a and 字; only the status words PayNudge itself knows are kept as they are.
 */

/** What the report leaves out: never text a seller would read, or PayNudge's own badges. */
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "link",
  "meta",
  "paynudge-badge",
]);
/** Elements whose inside says nothing about the rows (icons, media). */
const OPAQUE = new Set(["svg", "img", "video", "canvas", "iframe", "select"]);
const MAX_CLASSES = 8;
const MAX_TEXT = 80;

function charClass(ch: string): string {
  if (/\d/.test(ch)) return "9";
  if (/\p{Script=Han}/u.test(ch)) return "字";
  if (/\p{L}/u.test(ch)) return "a";
  if (ch === " ") return " ";
  // Punctuation and currency signs tell a date or an amount's shape; any other symbol (an emoji in
  // a nickname) is content.
  if (/[\p{P}\p{Sc}]/u.test(ch)) return ch;
  return "?";
}

/** "订单号：3905…" → "字{3}：9{19}"; a known status word stays as it is. */
export function textShape(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (!t) return "";
  if (isStatusWord(t)) return t;
  let out = "";
  let run = "";
  let count = 0;
  const flush = () => {
    if (count) out += count > 1 ? `${run}{${count}}` : run;
  };
  for (const ch of t.slice(0, 400)) {
    const cls = charClass(ch);
    if (cls === run) count++;
    else {
      flush();
      run = cls;
      count = 1;
    }
  }
  flush();
  return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}…` : out;
}

/**
 * A class name without what changes from build to build or names a record: a part holding a digit
 * (a CSS-module hash, an id) becomes `*`. "IndexTable__TableRow_1x2y" → "IndexTable__TableRow_*".
 */
export function classShape(name: string): string {
  return name
    .slice(0, 60)
    .split(/([-_]+)/)
    .map((part) => (/\d/.test(part) ? "*" : part))
    .join("");
}

/**
 * A cheap likeness of two siblings, their own text's shape included (a tab strip's links differ by
 * their words): a run of rows is written once, with its length.
 */
function signature(el: Element): string {
  return `${el.tagName}|${el.getAttribute("class") ?? ""}|${el.childElementCount}|${textShape(ownText(el))}`;
}

function ownText(el: Element): string {
  let text = "";
  for (const node of el.childNodes)
    if (node.nodeType === 3) text += ` ${(node as Text).data}`;
  return text;
}

export interface StructureBounds {
  /** Levels below the root shown. */
  depth: number;
  /** Elements shown in all. */
  nodes: number;
}

const DEFAULT_BOUNDS: StructureBounds = { depth: 12, nodes: 400 };

/** The redacted structure of `root` and what lies under it, within `bounds`. */
export function pageStructure(
  root: Element,
  bounds: StructureBounds = DEFAULT_BOUNDS,
): ShapeNode {
  let budget = bounds.nodes;
  const shape = (el: Element, depth: number): ShapeNode => {
    budget--;
    const tag = el.tagName.toLowerCase();
    const node: ShapeNode = { tag };
    const classes = [...el.classList].slice(0, MAX_CLASSES).map(classShape);
    if (classes.length) node.classes = classes;
    const text = textShape(ownText(el));
    if (text) node.text = text;
    if (OPAQUE.has(tag)) return node;
    const shadow = el.shadowRoot;
    if (shadow) node.shadow = true;
    const kids = [...(shadow ? shadow.children : []), ...el.children].filter(
      (kid) => !SKIP.has(kid.tagName.toLowerCase()),
    );
    if (!kids.length) return node;
    if (depth >= bounds.depth) {
      node.cut = true;
      return node;
    }
    const children: ShapeNode[] = [];
    let last: { sig: string; node: ShapeNode } | undefined;
    for (const kid of kids) {
      const sig = signature(kid);
      if (last && last.sig === sig) {
        last.node.repeat = (last.node.repeat ?? 1) + 1;
        continue;
      }
      if (budget <= 0) {
        node.cut = true;
        break;
      }
      const child = shape(kid, depth + 1);
      children.push(child);
      last = { sig, node: child };
    }
    if (children.length) node.children = children;
    return node;
  };
  return shape(root, 0);
}

/**
 * Where a report on `rows` starts: one level above the element holding them all (their nearest
 * common ancestor, across shadow roots), so the list's header and neighbours are in it.
 */
export function reportRoot(rows: readonly Element[]): Element | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const chain: Element[] = [];
  for (let el: Element | null = first; el; el = parentAcross(el))
    chain.push(el);
  let index = 0;
  for (const row of rows.slice(1)) {
    const ancestors = new Set<Element>();
    for (let el: Element | null = row; el; el = parentAcross(el))
      ancestors.add(el);
    while (index < chain.length - 1 && !ancestors.has(chain[index]!)) index++;
  }
  const common = chain[index]!;
  const container =
    rows.length === 1 ? (parentAcross(common) ?? common) : common;
  return parentAcross(container) ?? container;
}
