import { clipText } from "@/lib/model/order";
import {
  buyerFrom,
  closesOf,
  createdFrom,
  first,
  flagOf,
  itemsFromLinks,
  labelledText,
  snapshot,
  statusIn,
  textOfAll,
  totalOf,
} from "@/lib/platforms/shared/common";
import { textOf } from "@/lib/platforms/shared/parse";
import { outermost, type PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * Douyin 抖店 order list (fxg.jinritemai.com/ffa/morder/order/list): a React micro-frontend mounted
 * under #__GARFISH_SSR_ECOM_FXG_ADMIN_DOM, hashed CSS-module classes.
 */
const SELECTORS = {
  // 2021 (seen): `index_tableRow__3HGIM mortise-rich-table-row`; prefix and library class only.
  row: ['[class*="index_tableRow"]', ".mortise-rich-table-row"],
  // 2024 (inferred): header of an order row, product name, buyer nick, status cell.
  head: ['[class*="index_header"]', '[class*="orderHeader"]'],
  product: [
    '[class*="index_productName"]',
    '[class*="goods-name"]',
    'a[href*="haohuo"]',
  ],
  buyer: ['[class*="index_buyer"]', '[class*="nickname"]'],
  status: ['[class*="index_status"]'],
  flag: ['[class*="flag"]', '[class*="Flag"]'],
} as const;

const ORDER_ID = /订单(?:编)?号\s*[：:]?\s*(\d{12,24})/;

export const douyin: PlatformAdapter<"douyin"> = {
  id: "douyin-fxg",
  platform: "douyin",
  // No chatBuyer: Douyin's buyer chat (飞鸽) is not known on this page (shared/platforms.md), so a
  // chat found here counts as unknown and an insert warns.
  matches: (url) =>
    url.hostname === "fxg.jinritemai.com" &&
    url.pathname.startsWith("/ffa/morder/order/list"),
  findRows: (root) =>
    outermost(root, SELECTORS.row).filter((row) =>
      ORDER_ID.test(textOfAll([row])),
    ),
  parseRow(row, ctx) {
    const text = textOfAll([row]);
    const orderId = ORDER_ID.exec(text)?.[1];
    if (!orderId) return undefined;
    const { status, statusText } = statusIn(row, SELECTORS.status);
    const buyerEl = first(row, SELECTORS.buyer);
    return snapshot("douyin", orderId, status, {
      statusText,
      createdAt: createdFrom(text, ctx.now),
      money: totalOf(text),
      buyer: buyerEl ? clipText(textOf(buyerEl), 200) : buyerFrom(text),
      items: itemsFromLinks(row, SELECTORS.product),
      memo: labelledText([row], ["商家备注", "备注"]),
      flag: flagOf(first(row, SELECTORS.flag)),
      closesAt: closesOf(text, ctx.now),
    });
  },
  badgeSlot(row) {
    const head = first(row, SELECTORS.head);
    return head ? { parent: head } : { parent: row, before: row.firstChild };
  },
};
