import {
  clipText,
  type OrderItem,
  type OrderSnapshot,
} from "@/lib/model/order";
import { flagOf, textOfAll } from "@/lib/platforms/shared/common";
import {
  closesAtFrom,
  isStatusWord,
  parseDateTime,
  parseMoneyAll,
  parsePlainAmount,
  statusFromText,
  textOf,
} from "@/lib/platforms/shared/parse";
import { outermost, type PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * Taobao/Tmall legacy sold-items list (trade.taobao.com/trade/itemlist/list_sold_items.htm).
 * Class names are CSS-module hashes that change per deploy: match their stable prefixes only.
 */
const SELECTORS = {
  // 2019–2024 (seen in public userscripts): hashed `item-mod__trade-order___<hash>`; plain
  // `trade-order-main` kept on the same element.
  row: ['[class*="item-mod__trade-order"]', "div.trade-order-main"],
  // 2019–2024 (seen): header table of each order.
  head: ['[class*="item-mod__head"]'],
  // 2019–2024 (seen): buyer nickname link, often masked ("牛**").
  buyer: ['a[class*="buyer-mod__name"]'],
  // 2019–2024 (seen): one element per item of the order.
  item: ['[class*="suborder-mod__item"]'],
  // 2024 (inferred): the item title link inside an item; `text-mod__link` is the status link.
  itemTitle: [
    'a[href*="item.htm"]',
    '[class*="suborder-mod__production"] div > a',
  ],
  itemAttrs: ['[class*="suborder-mod__sku"]'],
  itemPrice: ['[class*="price-mod__price"]'],
  itemQuantity: ['[class*="quantity-mod__quantity"]'],
  // 2024 (inferred): the paid-amount cell ("￥128.00 (含快递:￥0.00)").
  total: ['[class*="price-mod__actual"]', '[class*="item-mod__price"]'],
  // 2019–2024 (seen): the status link of an order ("等待买家付款").
  status: ['[class*="text-mod__link"]'],
  // 2024 (inferred): seller memo text shown under the order.
  memo: ['[class*="memo-mod__text"]'],
  // 2024 (inferred): the memo's flag icon, its colour in a class (`flag-purple`).
  flag: ['[class*="memo-mod__flag"]', 'i[class*="flag-"]'],
  // Top bar nick of the logged-in seller (unverified; widely present on taobao.com pages).
  shop: [".site-nav-login-info-nick", "[data-paynudge-shop]"],
} as const;

function first(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

function orderIdOf(row: Element): string | undefined {
  const input = row.querySelector<HTMLInputElement>('input[name="orderid"]');
  const value = input?.value?.trim();
  if (value && /^\d{10,24}$/.test(value)) return value;
  const m = /订单号\s*[：:]\s*(\d{10,24})/.exec(
    textOf(first(row, SELECTORS.head) ?? row),
  );
  return m?.[1];
}

function statusOf(row: Element): {
  status: OrderSnapshot["status"];
  statusText?: string;
} {
  if (/mainClose/.test(row.className))
    return { status: "closed", statusText: "交易关闭" };
  // The status cell holds exactly one status word; a nickname merely containing one never counts.
  // Known status links first; any short element when the page changed its classes.
  for (const selector of [SELECTORS.status.join(","), "a, span, p"]) {
    for (const el of row.querySelectorAll(selector)) {
      const text = textOf(el);
      if (text.length <= 12 && isStatusWord(text))
        return { status: statusFromText(text), statusText: text };
    }
  }
  return { status: "other" };
}

function itemsOf(row: Element): OrderItem[] {
  const items: OrderItem[] = [];
  for (const el of outermost(row, SELECTORS.item)) {
    const title = clipText(textOf(first(el, SELECTORS.itemTitle)));
    if (!title) continue;
    const item: OrderItem = { title };
    const attrs = clipText(textOf(first(el, SELECTORS.itemAttrs)));
    if (attrs) item.attrs = attrs;
    const price = parsePlainAmount(
      textOf(first(el, SELECTORS.itemPrice)).replace(/^[¥￥]/, ""),
    );
    if (price !== undefined) item.priceCents = price;
    const quantity = Number(
      textOf(first(el, SELECTORS.itemQuantity)).replace(/^[x×]/i, ""),
    );
    if (Number.isInteger(quantity) && quantity >= 1) item.quantity = quantity;
    items.push(item);
    if (items.length >= 50) break;
  }
  return items;
}

export const taobaoLegacy: PlatformAdapter<"taobao"> = {
  id: "taobao-legacy",
  platform: "taobao",
  // No chatBuyer: the buyer chat (旺旺/千牛) is a separate client, not part of this page
  // (shared/platforms.md knows none here), so a chat found here counts as unknown and an insert warns.
  matches: (url) =>
    (url.hostname === "trade.taobao.com" ||
      url.hostname === "trade.tmall.com") &&
    url.pathname.startsWith("/trade/itemlist/list_sold_items"),
  findRows: (root) => outermost(root, SELECTORS.row),
  parseRow(row, ctx) {
    const orderId = orderIdOf(row);
    if (!orderId) return undefined;
    const head = first(row, SELECTORS.head) ?? row;
    const created = /创建时间\s*[：:]\s*([^\s].{9,30})/.exec(textOf(head));
    const { status, statusText } = statusOf(row);
    const snapshot: OrderSnapshot = {
      platform: "taobao",
      orderId,
      status,
      items: itemsOf(row),
    };
    if (statusText) snapshot.statusText = statusText;
    const createdAt = created ? parseDateTime(created[1]!, ctx.now) : undefined;
    if (createdAt !== undefined) snapshot.createdAt = createdAt;
    const buyer = clipText(textOf(first(row, SELECTORS.buyer)), 200);
    if (buyer) snapshot.buyer = buyer;
    const total = parseMoneyAll(textOf(first(row, SELECTORS.total)))[0];
    if (total) {
      snapshot.amountCents = total.cents;
      snapshot.currency = total.currency;
    }
    const memo = clipText(textOf(first(row, SELECTORS.memo)), 1000);
    if (memo) snapshot.memo = memo;
    const flag = flagOf(first(row, SELECTORS.flag));
    if (flag !== undefined) snapshot.flag = flag;
    // "剩余2天23小时59分自动关闭" under the status of an unpaid order.
    const closesAt =
      status === "unpaid" ? closesAtFrom(textOfAll([row]), ctx.now) : undefined;
    if (closesAt !== undefined) snapshot.closesAt = closesAt;
    return snapshot;
  },
  badgeSlot(row) {
    const headCell = first(row, SELECTORS.head)?.querySelector("td");
    return headCell
      ? { parent: headCell }
      : { parent: row, before: row.firstChild };
  },
  shopName: (doc) => clipText(textOf(first(doc, SELECTORS.shop)), 200),
};
