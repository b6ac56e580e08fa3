import { longestFirst, type StatusWords } from "@/lib/platforms/shared/parse";

/*
 * The Shopify admin's own words, per interface language: the order list's column headers and its
 * payment-status badges. Sellers run the admin in their own language; the adapter tells the
 * language from the table's headers and reads columns and statuses in it. A language missing here
 * is not guessed at: its table gives no Shopify rows, and the generic reader (which reads the page
 * by its text) takes over.
 *
 * Taken from public material in December 2026: ja from Shopify's Japanese help centre
 * (help.shopify.com/ja/manual/orders/order-status: 決済保留中, オーソリ済み, 期限超過, 期限切れ,
 * 支払い済, 返金済み, 一部返金済み, 一部支払い済み, 無効, 未払い) (stated); zh-CN from a 2023
 * glossary of the admin's terms (付款状态, 已授权, 已付款, 部分退款, 部分付款, 待处理, 已退款,
 * 未付款, 已作废) (seen); the rest of zh-CN, and zh-TW, follow Shopify's terms in those languages
 * as best known (unverified); en from the index table seen in a demo ("Payment pending") and the
 * API's display names (stated). Hosts reword without notice: add a variant, never replace one.
 *
 * What each badge means for PayNudge (shared/domain.md: nudging is for an order placed and not
 * paid): Payment pending and Overdue (payment terms passed) wait for the buyer: unpaid.
 * Authorized (the buyer's payment is held, the seller must capture), Partially paid (the seller
 * captured part by hand) and Partially refunded are the seller's work, not the buyer's: paid.
 * Refunded, Voided and Expired (an authorization that can no longer be captured): closed.
 */

/** The columns the adapter reads, by what they hold. */
export type ShopifyColumn = "order" | "date" | "customer" | "total" | "payment";

export interface AdminLanguage {
  /** BCP 47, as `<html lang>` gives it; breaks a tie between languages sharing header words. */
  lang: string;
  /** Each column's header text, newest wording first. */
  headers: { readonly [C in ShopifyColumn]: readonly string[] };
  /** The payment-status badges and what each means, longest first (longestFirst). */
  payment: StatusWords;
  /** What the customer cell shows for an order without one. */
  noCustomer: readonly string[];
  /** A bare ¥/￥ is yuan in the Chinese admins, yen in the Japanese one (not kept). */
  bareYenIsYuan: boolean;
}

export const ADMIN_LANGUAGES: readonly AdminLanguage[] = [
  {
    lang: "en",
    headers: {
      order: ["Order"],
      date: ["Date"],
      customer: ["Customer"],
      total: ["Total"],
      payment: ["Payment status", "Payment"],
    },
    payment: longestFirst([
      ["Payment pending", "unpaid"],
      ["Pending", "unpaid"],
      ["Overdue", "unpaid"],
      ["Unpaid", "unpaid"],
      ["Authorized", "paid"],
      ["Expiring", "paid"],
      ["Paid", "paid"],
      ["Partially paid", "paid"],
      ["Partially refunded", "paid"],
      ["Refunded", "closed"],
      ["Voided", "closed"],
      ["Expired", "closed"],
    ]),
    noCustomer: ["No customer"],
    bareYenIsYuan: true,
  },
  {
    lang: "zh-CN",
    headers: {
      order: ["订单"],
      date: ["日期"],
      customer: ["客户", "顾客"],
      total: ["总计", "合计", "总额"],
      payment: ["付款状态", "支付状态"],
    },
    payment: longestFirst([
      ["付款待处理", "unpaid"],
      ["待处理", "unpaid"],
      ["逾期", "unpaid"],
      ["未付款", "unpaid"],
      ["已授权", "paid"],
      ["即将过期", "paid"],
      ["已付款", "paid"],
      ["部分付款", "paid"],
      ["部分退款", "paid"],
      ["已退款", "closed"],
      ["已作废", "closed"],
      ["已过期", "closed"],
    ]),
    noCustomer: ["无客户", "没有客户"],
    bareYenIsYuan: true,
  },
  {
    lang: "zh-TW",
    headers: {
      order: ["訂單"],
      date: ["日期"],
      customer: ["顧客", "客戶"],
      total: ["總計", "總額", "合計"],
      payment: ["付款狀態"],
    },
    payment: longestFirst([
      ["付款待處理", "unpaid"],
      ["待處理", "unpaid"],
      ["逾期", "unpaid"],
      ["未付款", "unpaid"],
      ["已授權", "paid"],
      ["即將到期", "paid"],
      ["已付款", "paid"],
      ["部分付款", "paid"],
      ["部分退款", "paid"],
      ["已退款", "closed"],
      ["已作廢", "closed"],
      ["已過期", "closed"],
    ]),
    noCustomer: ["無顧客", "沒有顧客"],
    bareYenIsYuan: true,
  },
  {
    lang: "ja",
    headers: {
      order: ["注文"],
      date: ["日付"],
      customer: ["お客様", "顧客"],
      total: ["合計"],
      payment: ["支払い状況", "支払いステータス", "決済状況"],
    },
    payment: longestFirst([
      ["決済保留中", "unpaid"],
      ["支払い保留中", "unpaid"],
      ["保留中", "unpaid"],
      ["期限超過", "unpaid"],
      ["未払い", "unpaid"],
      ["オーソリ済み", "paid"],
      ["期限間近", "paid"],
      ["支払い済み", "paid"],
      ["支払い済", "paid"],
      ["一部支払い済み", "paid"],
      ["一部支払い済", "paid"],
      ["一部返金済み", "paid"],
      ["返金済み", "closed"],
      ["無効", "closed"],
      ["期限切れ", "closed"],
    ]),
    noCustomer: ["お客様なし", "顧客なし"],
    bareYenIsYuan: false,
  },
];
