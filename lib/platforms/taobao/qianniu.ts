import { clipText } from "@/lib/model/order";
import {
  buyerFrom,
  closesOf,
  createdFrom,
  first,
  flagOf,
  itemsFromLinks,
  snapshot,
  statusIn,
  textOfAll,
  totalOf,
} from "@/lib/platforms/shared/common";
import {
  afterLabel,
  parseDateTime,
  parseMoney,
  textOf,
} from "@/lib/platforms/shared/parse";
import { outermost, type PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * Taobao/Tmall new Qianniu sold list (myseller.taobao.com and qn.taobao.com
 * `/home.htm/trade-platform/tp/sold`): a single-page app on Alibaba Fusion Next. Rows are rendered
 * after load and re-rendered on every tab switch and page turn; order-watch follows that.
 */
const SELECTORS = {
  // 2023–2024 (seen): one <table> per order inside the Fusion table body.
  row: ["div.next-table-body table", 'div.next-table table[class*="sold_"]'],
  // 2023–2024 (seen): the order's first row is its header ("订单号：…", create time, flag).
  createTime: ['span[class*="sold_create-time"]', '[class*="create-time"]'],
  flag: ['img[class*="sold_new"]', '[class*="sold_flag"]', '[class*="flag"]'],
  // 2024 (inferred): buyer nick, status, pay amount and memo cells carry `sold_…` module classes.
  buyer: [
    '[class*="sold_buyer"] a',
    '[class*="sold_buyer"]',
    '[class*="buyer-nick"]',
  ],
  status: ['[class*="sold_status"]'],
  total: ['[class*="sold_pay"]', '[class*="sold_real-pay"]'],
  memo: ['[class*="sold_memo"]', '[class*="seller-memo"]'],
  itemTitle: ['a[href*="item.htm"]', 'a[href*="detail.tmall.com"]'],
} as const;

const ORDER_ID = /订单号\s*[：:]\s*(\d{10,24})(?!\d)/;

export const qianniu: PlatformAdapter<"taobao"> = {
  id: "taobao-qianniu",
  platform: "taobao",
  // No chatBuyer: nothing is known of a chat window on the new Qianniu list (shared/platforms.md;
  // the 千牛 client sends chat cards itself), so a chat found here counts as unknown and an insert warns.
  matches: (url) =>
    (url.hostname === "myseller.taobao.com" ||
      url.hostname === "qn.taobao.com") &&
    url.pathname.startsWith("/home.htm/trade-platform/tp/sold"),
  findRows: (root) =>
    outermost(root, SELECTORS.row).filter((table) => {
      const head = table.querySelector("tr");
      return !!head && ORDER_ID.test(textOfAll([head]));
    }),
  parseRow(row, ctx) {
    const head = row.querySelector("tr");
    const headText = head ? textOfAll([head]) : "";
    const orderId = ORDER_ID.exec(headText)?.[1];
    if (!orderId) return undefined;
    const text = textOfAll([row]);
    const { status, statusText } = statusIn(row, SELECTORS.status);
    const createdEl = first(row, SELECTORS.createTime);
    const createdAt =
      (createdEl && parseDateTime(textOf(createdEl), ctx.now)) ??
      createdFrom(headText, ctx.now);
    const memoEl = first(row, SELECTORS.memo);
    const memoText = memoEl ? textOf(memoEl) : undefined;
    const memo = memoText
      ? (afterLabel(memoText, ["备注"], 1000) ?? memoText)
      : afterLabel(text, ["卖家备注", "备注"], 1000);
    const buyerEl = first(row, SELECTORS.buyer);
    return snapshot("taobao", orderId, status, {
      statusText,
      createdAt,
      money: parseMoney(textOf(first(row, SELECTORS.total))) ?? totalOf(text),
      buyer: buyerEl ? clipText(textOf(buyerEl), 200) : buyerFrom(text),
      items: itemsFromLinks(row, SELECTORS.itemTitle),
      memo,
      flag: flagOf(first(head ?? row, SELECTORS.flag)),
      closesAt: closesOf(text, ctx.now),
    });
  },
  badgeSlot(row) {
    const cell = row.querySelector("tr > td");
    return cell
      ? { parent: cell }
      : { parent: row.parentElement ?? row, before: row };
  },
  shopName: (doc) =>
    clipText(
      textOf(first(doc, ['[class*="shop-name"]', ".site-nav-login-info-nick"])),
      200,
    ),
};
