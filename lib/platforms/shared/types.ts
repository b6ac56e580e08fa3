import type { OrderSnapshot, PlatformId } from "@/lib/model/order";
import type { RefuseRow } from "@/lib/model/page-reading";
import { deepQueryAll, parentAcross } from "@/lib/platforms/shared/shadow";

interface ParseContext {
  /** For dates shown without a year and for relative dates. */
  now: number;
}

/** Where a badge host goes: appended to `parent`, before `before` when given. */
interface BadgeSlot {
  parent: Element;
  before?: Node | null;
}

/**
 * One platform page variant. Selectors live here only, each with the date it was seen; text and
 * structure (status words, id shapes, date shapes) are preferred to hashed class names.
 */
export interface PlatformAdapter<P extends PlatformId = PlatformId> {
  /** Unique per variant, e.g. `taobao-legacy`. */
  id: string;
  /** The platform whose orders it reads (the registry, lib/platforms/index.ts, checks it). */
  platform: P;
  matches(url: URL): boolean;
  /**
   * One element per order, outermost, in page order. `refuse` hears of the candidates it looked at
   * and left out, with why (what the seller's "what PayNudge reads" view lists).
   */
  findRows(root: ParentNode, refuse?: RefuseRow): Element[];
  parseRow(row: Element, ctx: ParseContext): OrderSnapshot | undefined;
  /** Reads rows by their text alone (the generic adapter's way): no generic fallback follows it. */
  textOnly?: true;
  badgeSlot(row: Element): BadgeSlot;
  /** The seller's shop name, when the page shows it. */
  shopName?(doc: Document): string | undefined;
  /**
   * Where the page's chat input and order-memo field are when open (document-wide selectors,
   * newest variant first). Without them the platforms' common fields are tried (shared/editors.ts).
   */
  editors?: { chat?: readonly string[]; memo?: readonly string[] };
  /**
   * Where the page shows the buyer of the open chat (document-wide selectors, newest variant
   * first; the element's text is the nickname, maybe masked). A message goes into the chat box
   * only when it matches the order's buyer; without it (or when nothing is shown) the chat's buyer
   * is unknown and an insert warns the agent to check (shared/chat-buyer.ts).
   */
  chatBuyer?: readonly string[];
}

/**
 * Elements matching any of the selectors, without those nested inside another match, in page order;
 * open shadow roots are searched too (a web-component table keeps its rows there).
 */
export function outermost(
  root: ParentNode,
  selectors: readonly string[],
): Element[] {
  // One selector list: its matches come in document order, shadow trees' in their hosts' places.
  const matches = deepQueryAll(root, selectors.join(","));
  const found = new Set(matches);
  // Linear in rows × depth (a 1 000-order page must not cost a million `contains` calls).
  const out: Element[] = [];
  for (const el of matches) {
    let nested = false;
    for (
      let parent = parentAcross(el);
      parent && !nested;
      parent = parentAcross(parent)
    )
      nested = found.has(parent);
    if (!nested) out.push(el);
  }
  return out;
}
