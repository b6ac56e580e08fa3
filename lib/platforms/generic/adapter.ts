import type { PlatformId } from "@/lib/model/order";
import {
  buyerFrom,
  closesOf,
  createdFrom,
  first,
  flagOf,
  itemsFromLinks,
  labelledText,
  snapshot,
  textOfAll,
  totalOf,
  flatSegment,
} from "@/lib/platforms/shared/common";
import {
  isStatusWord,
  parseDateTime,
  parseMoneyAll,
  pddCreatedAt,
  statusFromText,
} from "@/lib/platforms/shared/parse";
import { rowRefusal } from "@/lib/platforms/generic/row-shape";
import {
  closestAcross,
  containsAcross,
  parentAcross,
  walkTextAcross,
} from "@/lib/platforms/shared/shadow";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * The generic adapter: finds order rows by their text alone, with no platform selector. A row is
 * the largest element around one order number (and no other) that also shows a status word, or a
 * date-time and an amount. Runs on the known platforms when their own selectors find nothing (the
 * host changed its DOM), and on sites the seller granted. Never on every page.
 */

const SKIP_TAGS = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "TEXTAREA",
  "SELECT",
  "OPTION",
  "PAYNUDGE-BADGE",
]);
/** Ids are short; a text node longer than this is prose (or hostile), never an order number. */
const MAX_ANCHOR_TEXT = 80;
const PDD_ID = /(?:^|[^\d-])(\d{6}-\d{15,20})(?!\d)/;
const LABELLED_ID =
  /(?:订单号|订单编号|订单ID|主订单号|order\s*(?:no\.?|number|id))\s*[：:#]?\s*(\d{8,24})(?!\d)/i;
const HASH_ID = /^(?:order\s*)?#(\d{3,10})$/i;
const DIGIT_ID = /^(?:([^\d]{0,12})[：:#\s])?(\d{10,24})$/;
/** Numbers that are not order numbers: waybills, item ids, phones. */
const NOT_ORDER_LABEL =
  /运单|快递|物流|包裹|商品|宝贝|货号|SKU|编码|电话|手机|phone|tracking/i;

/** The order number a short text shows, if any. */
export function orderIdIn(text: string, context = ""): string | undefined {
  const t = text.trim();
  if (!t || t.length > MAX_ANCHOR_TEXT) return undefined;
  const pdd = PDD_ID.exec(t);
  if (pdd) return pdd[1];
  const labelled = LABELLED_ID.exec(t);
  if (labelled) return labelled[1];
  const hash = HASH_ID.exec(t);
  if (hash) return `#${hash[1]}`;
  const digits = DIGIT_ID.exec(t);
  if (!digits) return undefined;
  const label = `${digits[1] ?? ""} ${context}`;
  if (NOT_ORDER_LABEL.test(label) && !/订单|order/i.test(label))
    return undefined;
  const id = digits[2]!;
  // A bare 11-digit number starting with 1 is a mobile number unless labelled as an order.
  if (/^1\d{10}$/.test(id) && !/订单|order/i.test(label)) return undefined;
  return id;
}

interface Anchor {
  node: Text;
  id: string;
}

function walkerRoot(root: ParentNode): Node | null {
  const doc = root as Document;
  if (doc.nodeType === 9) return doc.body ?? doc.documentElement;
  return root as Node;
}

function textNodes(root: Node, visit: (node: Text) => void) {
  // Into open shadow roots too: a web-component order table keeps its rows there.
  walkTextAcross(root, visit, (el) => SKIP_TAGS.has(el.tagName.toUpperCase()));
}

/** The text just before a node inside its parent, as a label hint ("订单号：", "运单号"). */
function contextOf(node: Text): string {
  const parent = node.parentElement;
  const prev = node.previousSibling ?? parent?.previousSibling;
  const text = `${prev?.textContent ?? ""}`.slice(-24);
  return text;
}

function anchorsIn(root: Node): { ids: Anchor[]; statuses: Text[] } {
  const ids: Anchor[] = [];
  const statuses: Text[] = [];
  textNodes(root, (node) => {
    const data = node.data;
    if (data.length > MAX_ANCHOR_TEXT || !/\S/.test(data)) return;
    if (isStatusWord(data)) {
      statuses.push(node);
      return;
    }
    if (!/\d{3}/.test(data)) return;
    const id = orderIdIn(data, contextOf(node));
    if (id) ids.push({ node, id });
  });
  return { ids, statuses };
}

/** The row element around an order number, and the following siblings that belong to it. */
function segmentOf(row: Element): Element[] {
  const { statuses } = anchorsIn(row);
  if (statuses.length) return [row];
  // A flat table: the header row holds the number, the next rows (up to the next number) the rest.
  return flatSegment(
    row,
    (next) => next.tagName !== row.tagName || anchorsIn(next).ids.length > 0,
  );
}

function anyOf(
  els: readonly Element[],
  selectors: readonly string[],
): Element | null {
  for (const el of els) {
    const found = el.matches(selectors.join(",")) ? el : first(el, selectors);
    if (found) return found;
  }
  return null;
}

const ITEM_LINKS = [
  'a[href*="item"]',
  'a[href*="goods"]',
  'a[href*="product"]',
];

export function genericAdapter<P extends PlatformId>(
  platform: P,
  opts: { id?: string; matches?: (url: URL) => boolean } = {},
): PlatformAdapter<P> {
  return {
    id: opts.id ?? `generic-${platform}`,
    platform,
    textOnly: true,
    // No chatBuyer: by text alone no element can be told to name the open chat's buyer (a guess
    // could read a row's buyer and wave a wrong insert through), so a chat here counts as unknown.
    matches: opts.matches ?? (() => true),
    findRows(root, refuse) {
      const start = walkerRoot(root);
      if (!start) return [];
      const { ids, statuses } = anchorsIn(start);
      if (!ids.length) return [];
      // Which order numbers lie under each element, and which elements hold a status word.
      const idsUnder = new Map<Element, Set<string>>();
      for (const { node, id } of ids) {
        for (let el = parentAcross(node); el; el = parentAcross(el)) {
          let set = idsUnder.get(el);
          if (!set) idsUnder.set(el, (set = new Set()));
          set.add(id);
          if (el === start) break;
        }
      }
      const hasStatus = new Set<Element>();
      for (const node of statuses) {
        for (
          let el = parentAcross(node);
          el && !hasStatus.has(el);
          el = parentAcross(el)
        ) {
          hasStatus.add(el);
          if (el === start) break;
        }
      }
      const rows: Element[] = [];
      const taken = new Set<Element>();
      const seenIds = new Set<string>();
      for (const { node, id } of ids) {
        if (seenIds.has(id)) continue;
        let best = parentAcross(node);
        if (!best) continue;
        for (
          let up = parentAcross(best);
          best !== start && up && idsUnder.get(up)?.size === 1;
          up = parentAcross(best)
        )
          best = up;
        if (taken.has(best)) continue;
        // A status word inside (or in the following rows of a flat table), or a date and an amount.
        let ok = hasStatus.has(best);
        if (!ok) {
          const segment = segmentOf(best);
          const text = textOfAll(segment);
          ok =
            segment.some((el) => hasStatus.has(el)) ||
            (parseDateTime(text, Date.now()) !== undefined &&
              parseMoneyAll(text).length > 0);
        }
        if (!ok) {
          refuse?.(best, "noStatus");
          continue;
        }
        // Not an ad card, banner or dialog showing an order number: a row repeats its siblings.
        const refusal = rowRefusal(best, node, (el) => idsUnder.has(el));
        if (refusal) {
          refuse?.(best, refusal);
          continue;
        }
        seenIds.add(id);
        taken.add(best);
        rows.push(best);
      }
      return rows;
    },
    parseRow(row, ctx) {
      const segment = segmentOf(row);
      let orderId: string | undefined;
      const statusNodes: Text[] = [];
      for (const el of segment) {
        const found = anchorsIn(el);
        orderId ??= found.ids[0]?.id;
        statusNodes.push(...found.statuses);
      }
      if (!orderId) return undefined;
      const text = textOfAll(segment);
      const statusText = statusNodes[0]?.data.trim();
      const status = statusText ? statusFromText(statusText) : "other";
      const createdAt = /^\d{6}-\d{15,}$/.test(orderId)
        ? pddCreatedAt(orderId, text, ctx.now)
        : createdFrom(text, ctx.now);
      return snapshot(platform, orderId, status, {
        statusText,
        createdAt,
        money: totalOf(text),
        buyer: buyerFrom(text),
        items: segment.flatMap((el) => itemsFromLinks(el, ITEM_LINKS)),
        memo: labelledText(segment, [
          "卖家备注",
          "商家备注",
          "备注",
          "Notes",
          "Note",
        ]),
        flag: flagOf(anyOf(segment, ['[class*="flag"]', 'img[alt*="旗"]'])),
        closesAt: closesOf(text, ctx.now),
      });
    },
    badgeSlot(row) {
      let anchor: Text | undefined;
      textNodes(row, (node) => {
        if (
          !anchor &&
          node.data.length <= MAX_ANCHOR_TEXT &&
          orderIdIn(node.data, contextOf(node))
        )
          anchor = node;
      });
      let el = anchor && parentAcross(anchor);
      if (!el || !containsAcross(row, el))
        return { parent: row, before: row.firstChild };
      // Never inside a link (a click would navigate) nor straight into a table row.
      const link = closestAcross(el, "a");
      if (link && link !== row && containsAcross(row, link)) el = link;
      if (/^(TD|TH|LI|DIV|P|DD|DT)$/.test(el.tagName) || el === row)
        return { parent: el };
      // At the top of a shadow tree the badge goes inside, not beside it in its host's light tree.
      return el.parentElement
        ? { parent: el.parentElement, before: el.nextSibling }
        : { parent: el };
    },
  };
}
