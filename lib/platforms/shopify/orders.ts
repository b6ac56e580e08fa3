import { clipText } from "@/lib/model/order";
import {
  cellByName,
  columnIndex,
  snapshot,
} from "@/lib/platforms/shared/common";
import {
  parseDateTime,
  parseMoney,
  statusFromText,
  textOf,
} from "@/lib/platforms/shared/parse";
import { outermost, type PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * Shopify admin orders (admin.shopify.com/store/{handle}/orders, older {shop}.myshopify.com/admin/orders):
 * React with Polaris. English UI; an unpaid order shows the payment badge "Payment pending".
 */
const SELECTORS = {
  // 2023–2024 (seen): Polaris index table rows and header cells.
  row: ['tr[class*="IndexTable__TableRow"]', "tr.Polaris-IndexTable__TableRow"],
  th: "th",
  cell: "td",
  badge: '[class*="Polaris-Badge"]',
  hidden: '[class*="visuallyHidden"]',
} as const;

const ORDER_NAME = /#[A-Za-z0-9_-]{1,30}/;

/** A Polaris badge's visible text: the visually hidden tone word ("Attention") is left out. */
function badgeText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll(SELECTORS.hidden))
    hidden.remove();
  return textOf(clone);
}

export const shopify: PlatformAdapter<"shopify"> = {
  id: "shopify-admin",
  platform: "shopify",
  // No chatBuyer: the Shopify admin has no chat with the customer on the orders page, so a chat
  // found here counts as unknown and an insert warns.
  matches: (url) =>
    (url.hostname === "admin.shopify.com" &&
      /^\/store\/[^/]+\/orders\/?$/.test(url.pathname)) ||
    (url.hostname.endsWith(".myshopify.com") &&
      /^\/admin\/orders\/?$/.test(url.pathname)),
  findRows: (root) =>
    outermost(root, SELECTORS.row).filter((row) =>
      [...row.querySelectorAll(SELECTORS.cell)]
        .slice(0, 3)
        .some((c) => ORDER_NAME.test(textOf(c))),
    ),
  parseRow(row, ctx) {
    const columns = columnIndex(row.closest("table"), SELECTORS.th);
    const cells = [...row.querySelectorAll(SELECTORS.cell)];
    const nameCell =
      cellByName(cells, columns, ["Order"]) ??
      cells.find((c) => ORDER_NAME.test(textOf(c)));
    const orderId = ORDER_NAME.exec(textOf(nameCell))?.[0];
    if (!orderId) return undefined;
    const payment = cellByName(cells, columns, ["Payment"]);
    const paymentText = payment
      ? badgeText(payment.querySelector(SELECTORS.badge) ?? payment)
      : undefined;
    const status = paymentText ? statusFromText(paymentText) : "other";
    const date = cellByName(cells, columns, ["Date"]);
    const total = cellByName(cells, columns, ["Total"]);
    const customer = cellByName(cells, columns, ["Customer"]);
    const customerText = customer ? textOf(customer) : undefined;
    return snapshot("shopify", orderId, status, {
      statusText: paymentText,
      createdAt: date ? parseDateTime(textOf(date), ctx.now) : undefined,
      money: total ? parseMoney(textOf(total)) : undefined,
      buyer:
        customerText && customerText !== "No customer"
          ? clipText(customerText, 200)
          : undefined,
      items: [],
    });
  },
  badgeSlot(row) {
    const columns = columnIndex(row.closest("table"), SELECTORS.th);
    const cells = [...row.querySelectorAll(SELECTORS.cell)];
    const nameCell =
      cellByName(cells, columns, ["Order"]) ??
      cells.find((c) => ORDER_NAME.test(textOf(c)));
    return { parent: nameCell ?? row };
  },
};
