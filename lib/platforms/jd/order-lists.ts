import { clipText } from "@/lib/model/order";
import {
  buyerFrom,
  closesOf,
  createdFrom,
  first,
  flatSegment,
  flagOf,
  itemsFromLinks,
  labelledText,
  snapshot,
  statusIn,
  textOfAll,
  totalOf,
} from "@/lib/platforms/shared/common";
import { genericAdapter } from "@/lib/platforms/generic/adapter";
import {
  parseDateTime,
  parseMoney,
  textOf,
} from "@/lib/platforms/shared/parse";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * JD seller back-office, old order list (porder.shop.jd.com/order/orderlist/{allOrders|notPay|…}),
 * in its two known layouts; and the new micro-frontend list (shop.jd.com/jdm/trade/orders/order-list),
 * whose DOM no public source shows: it is read by the generic adapter, labelled as JD.
 */
const SELECTORS = {
  // 2019–2023 (seen): order blocks under #order-shop-content; 2022–2024 (seen): the iView variant
  // `div.shopweb-table-wrapper`, one <tbody> per order (inferred).
  container: ["#order-shop-content", "div.shopweb-table-wrapper"],
  // (seen) the order id link of the header; `a.orderid-mr10` in the iView variant.
  idLink: ["a.orderid-mr10", 'a[href*="orderId="]', 'a[href*="orderDetail"]'],
  // (seen) "下单时间：2024-05-18 14:32:07"; `span.ml10` in the iView variant.
  created: ["span.ml10", '[class*="dealtime"]', '[class*="order-time"]'],
  price: ['[class*="price"]', '[class*="amount"]'],
  status: ['[class*="status"]'],
  note: ['[class*="note"]', '[class*="remark"]'],
  buyer: ['[class*="buyer"]', '[class*="consignee"]'],
  item: ['a[href*="item.jd.com"]', 'a[href*="item.jd.hk"]'],
  flag: ['[class*="flag"]'],
} as const;

const ID_SELECTOR = SELECTORS.idLink.join(",");

/**
 * The order number an id link shows. A link is told by what it holds, not by its href alone: the
 * rows' 订单详情 / 查看详情 links also carry `orderId=` (issue 14) and show no number, and a link
 * whose href names another order than its text is not this order's id link either.
 */
function shownId(link: Element): string | undefined {
  const id = /(?<!\d)(\d{8,24})(?!\d)/.exec(textOf(link))?.[1];
  if (!id) return undefined;
  const named = /orderId=(\d+)/i.exec(link.getAttribute("href") ?? "")?.[1];
  return !named || named === id ? id : undefined;
}

/** The id links under an element, in page order: the links matching the selectors that show an id. */
function idLinksIn(root: ParentNode): Element[] {
  return [...root.querySelectorAll(ID_SELECTOR)].filter(
    (link) => shownId(link) !== undefined,
  );
}

function idOf(row: Element): string | undefined {
  const link = idLinksIn(row)[0];
  const fromLink = link && shownId(link);
  if (fromLink) return fromLink;
  return /订单(?:编)?号\s*[：:]\s*(\d{8,24})/.exec(textOfAll([row]))?.[1];
}

/** Header row plus the rows up to the next header, when a table holds several orders flat. */
function segmentOf(row: Element): Element[] {
  if (row.tagName !== "TR") return [row];
  return flatSegment(row, (next) => idLinksIn(next).length > 0);
}

export const jdOrderList: PlatformAdapter<"jd"> = {
  id: "jd-porder",
  platform: "jd",
  // No chatBuyer: JD's buyer chat (咚咚) is not known on this page (shared/platforms.md), so a
  // chat found here counts as unknown and an insert warns.
  matches: (url) =>
    url.hostname === "porder.shop.jd.com" &&
    url.pathname.startsWith("/order/orderlist"),
  findRows(root) {
    const rows: Element[] = [];
    const seen = new Set<Element>();
    // Id links per block, counted once (a flat table of 1 000 orders is one block).
    const linksIn = new Map<Element, number>();
    const count = (block: Element) => {
      let n = linksIn.get(block);
      if (n === undefined) linksIn.set(block, (n = idLinksIn(block).length));
      return n;
    };
    for (const container of root.querySelectorAll(
      SELECTORS.container.join(","),
    )) {
      for (const link of idLinksIn(container)) {
        // The block that is a child of the container (old layout) or the order's <tbody> (iView).
        let block: Element | null = link.closest("tbody");
        if (!block || !container.contains(block)) {
          block = link;
          while (block.parentElement && block.parentElement !== container)
            block = block.parentElement;
        }
        let row: Element | null =
          block !== link && count(block) === 1 ? block : null;
        row ??= link.closest("tr");
        if (row && !seen.has(row)) {
          seen.add(row);
          rows.push(row);
        }
      }
    }
    return rows;
  },
  parseRow(row, ctx) {
    const orderId = idOf(row);
    if (!orderId) return undefined;
    const segment = segmentOf(row);
    const text = textOfAll(segment);
    let status: ReturnType<typeof statusIn> = { status: "other" };
    for (const el of segment) {
      status = statusIn(el, SELECTORS.status);
      if (status.status !== "other") break;
    }
    const createdEl = segment
      .map((el) => first(el, SELECTORS.created))
      .find(Boolean);
    const priceEl = segment
      .map((el) => first(el, SELECTORS.price))
      .find(Boolean);
    const buyerEl = segment
      .map((el) => first(el, SELECTORS.buyer))
      .find(Boolean);
    const noteEl = segment.map((el) => first(el, SELECTORS.note)).find(Boolean);
    const noteText = noteEl ? textOf(noteEl) : "";
    return snapshot("jd", orderId, status.status, {
      statusText: status.statusText,
      createdAt:
        (createdEl && parseDateTime(textOf(createdEl), ctx.now)) ??
        createdFrom(text, ctx.now),
      money: (priceEl && parseMoney(textOf(priceEl))) || totalOf(text),
      buyer:
        (buyerEl && buyerFrom(textOf(buyerEl))) ??
        (buyerEl ? clipText(textOf(buyerEl), 200) : buyerFrom(text)),
      items: segment.flatMap((el) => itemsFromLinks(el, SELECTORS.item)),
      memo:
        labelledText(noteEl ? [noteEl] : segment, [
          "商家备注",
          "卖家备注",
          "备注",
        ]) ??
        (noteText && !/^(添加|修改)?备注$/.test(noteText)
          ? noteText
          : undefined),
      flag: flagOf(
        segment.map((el) => first(el, SELECTORS.flag)).find(Boolean) ?? null,
      ),
      closesAt: closesOf(text, ctx.now),
    });
  },
  badgeSlot(row) {
    const link = idLinksIn(row)[0];
    if (link?.parentElement)
      return { parent: link.parentElement, before: link.nextSibling };
    return { parent: row.querySelector("td") ?? row };
  },
};

/** The new JD list: no public selectors, read by text alone. */
export const jdNewList: PlatformAdapter<"jd"> = genericAdapter("jd", {
  id: "jd-new",
  matches: (url) =>
    url.hostname === "shop.jd.com" &&
    url.pathname.startsWith("/jdm/trade/orders"),
});
