import type { OrderSnapshot, PlatformId } from '../order';

export interface ParseContext {
  /** For dates shown without a year and for relative dates. */
  now: number;
}

/** Where a badge host goes: appended to `parent`, before `before` when given. */
export interface BadgeSlot {
  parent: Element;
  before?: Node | null;
}

/**
 * One platform page variant. Selectors live here only, each with the date it was seen; text and
 * structure (status words, id shapes, date shapes) are preferred to hashed class names.
 */
export interface PlatformAdapter {
  /** Unique per variant, e.g. `taobao-legacy`. */
  id: string;
  platform: PlatformId;
  matches(url: URL): boolean;
  /** One element per order, outermost, in page order. */
  findRows(root: ParentNode): Element[];
  parseRow(row: Element, ctx: ParseContext): OrderSnapshot | undefined;
  badgeSlot(row: Element): BadgeSlot;
  /** The seller's shop name, when the page shows it. */
  shopName?(doc: Document): string | undefined;
}

/** Elements matching any of the selectors, without those nested inside another match. */
export function outermost(root: ParentNode, selectors: readonly string[]): Element[] {
  const found = new Set<Element>();
  for (const selector of selectors) for (const el of root.querySelectorAll(selector)) found.add(el);
  const all = [...found];
  return all
    .filter((el) => !all.some((other) => other !== el && other.contains(el)))
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}
