import { clipText } from "@/lib/model/order";
import { snapshot } from "@/lib/platforms/shared/common";
import {
  parseDateTime,
  parseMoney,
  statusFromWords,
  textOf,
} from "@/lib/platforms/shared/parse";
import { outermost, type PlatformAdapter } from "@/lib/platforms/shared/types";
import {
  ADMIN_LANGUAGES,
  type AdminLanguage,
  type ShopifyColumn,
} from "@/lib/platforms/shopify/admin-words";

/*
 * Shopify admin orders (admin.shopify.com/store/{handle}/orders, older {shop}.myshopify.com/admin/orders):
 * React with Polaris, in the seller's interface language. The table's header cells say which
 * language (admin-words.ts); columns and payment badges are read in it. A table in a language not
 * listed there gives no rows: the generic reader follows (lib/platforms/index.ts) rather than
 * every order reading `other`.
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
const COLUMNS: readonly ShopifyColumn[] = [
  "order",
  "date",
  "customer",
  "total",
  "payment",
];
/** A header is a label: longer text is not one of the admin's header names. */
const MAX_HEADER = 40;

/** A Polaris element's visible text: visually hidden words ("Attention", "Sort by") left out. */
function visibleText(el: Element): string {
  if (!el.querySelector(SELECTORS.hidden)) return textOf(el);
  const clone = el.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll(SELECTORS.hidden))
    hidden.remove();
  return textOf(clone);
}

/** The first header named by one of `names`: a whole header first, else one starting with it. */
function headerAt(
  headers: readonly string[],
  names: readonly string[],
): number | undefined {
  for (const name of names) {
    const i = headers.indexOf(name);
    if (i >= 0) return i;
  }
  for (const name of names) {
    const i = headers.findIndex((h) => h.startsWith(name));
    if (i >= 0) return i;
  }
  return undefined;
}

/** A table read in one language: which column holds what. */
interface Reading {
  language: AdminLanguage;
  columns: Partial<Record<ShopifyColumn, number>>;
}

/**
 * The language whose header names the table shows (its order and payment columns at least; the
 * most columns wins, `<html lang>` breaks a tie), or undefined when none fits.
 */
function readHeaders(head: Element): Reading | undefined {
  const headers = [...head.querySelectorAll(SELECTORS.th)].map((th) => {
    const text = visibleText(th);
    return text.length <= MAX_HEADER ? text : "";
  });
  const pageLang = head.ownerDocument.documentElement.lang.toLowerCase();
  let best: (Reading & { score: number }) | undefined;
  for (const language of ADMIN_LANGUAGES) {
    const columns: Reading["columns"] = {};
    for (const column of COLUMNS) {
      const at = headerAt(headers, language.headers[column]);
      if (at !== undefined) columns[column] = at;
    }
    if (columns.order === undefined || columns.payment === undefined) continue;
    const lang = language.lang.toLowerCase();
    const score =
      Object.keys(columns).length +
      (pageLang === lang || pageLang.startsWith(`${lang}-`) ? 0.5 : 0);
    if (!best || score > best.score) best = { language, columns, score };
  }
  return best && { language: best.language, columns: best.columns };
}

/** Each table's reading, kept while its header text stays the same (rows are read one by one). */
const readings = new WeakMap<
  Element,
  { key: string; reading: Reading | undefined }
>();

function readingOf(row: Element): Reading | undefined {
  const table = row.closest("table");
  // The header row alone (its thead, else the row of the first header cell): read per row, it
  // must not cost the whole table (a 1 000-order page).
  const head =
    table && (table.tHead ?? table.querySelector(SELECTORS.th)?.parentElement);
  if (!table || !head) return undefined;
  const key = head.textContent ?? "";
  const known = readings.get(table);
  if (known && known.key === key) return known.reading;
  const reading = readHeaders(head);
  readings.set(table, { key, reading });
  return reading;
}

function cellOf(
  row: Element,
  reading: Reading,
  column: ShopifyColumn,
): Element | undefined {
  const at = reading.columns[column];
  return at === undefined
    ? undefined
    : row.querySelectorAll(SELECTORS.cell)[at];
}

/** The order's name (`#1020`) in its column. */
function orderNameOf(row: Element, reading: Reading): string | undefined {
  return ORDER_NAME.exec(textOf(cellOf(row, reading, "order")))?.[0];
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
    outermost(root, SELECTORS.row).filter((row) => {
      const reading = readingOf(row);
      return !!reading && !!orderNameOf(row, reading);
    }),
  parseRow(row, ctx) {
    const reading = readingOf(row);
    if (!reading) return undefined;
    const orderId = orderNameOf(row, reading);
    if (!orderId) return undefined;
    const { language } = reading;
    const payment = cellOf(row, reading, "payment");
    const paymentText = payment
      ? visibleText(payment.querySelector(SELECTORS.badge) ?? payment)
      : undefined;
    const status = paymentText
      ? statusFromWords(paymentText, language.payment)
      : "other";
    const date = cellOf(row, reading, "date");
    const total = cellOf(row, reading, "total");
    const customerText = textOf(cellOf(row, reading, "customer"));
    return snapshot("shopify", orderId, status, {
      statusText: paymentText,
      createdAt: date ? parseDateTime(textOf(date), ctx.now) : undefined,
      money: total
        ? parseMoney(textOf(total), {
            bareYenIsYuan: language.bareYenIsYuan,
          })
        : undefined,
      buyer:
        customerText && !language.noCustomer.includes(customerText)
          ? clipText(customerText, 200)
          : undefined,
      items: [],
    });
  },
  badgeSlot(row) {
    const reading = readingOf(row);
    return { parent: (reading && cellOf(row, reading, "order")) ?? row };
  },
};
