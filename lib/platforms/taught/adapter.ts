import type { OrderStatus, PlatformId } from "@/lib/model/order";
import { taughtReaderAt, type TaughtReader } from "@/lib/model/taught-reader";
import { orderIdIn } from "@/lib/platforms/generic/adapter";
import {
  buyerFrom,
  closesOf,
  createdFrom,
  itemsFromLinks,
  labelledText,
  snapshot,
  statusIn,
  textOfAll,
  totalOf,
} from "@/lib/platforms/shared/common";
import {
  parseDateTime,
  statusFromText,
  textOf,
} from "@/lib/platforms/shared/parse";
import { outermost, type PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * The reader of a page the seller taught (lib/model/taught-reader.ts): its rows by the taught row
 * selector, each field by the taught selector inside the row, the rest (amount, buyer, items, memo,
 * countdown) from the row's text as the generic reader takes it.
 */

const TAUGHT_ADAPTER_ID = "taught";

/**
 * An order number in a short text: the shapes every reader knows first, else a run of at least six
 * digits with an optional letter prefix (`SO-2024000123`), never a mobile number nor an amount.
 */
export function idFromText(text: string): string | undefined {
  const known = orderIdIn(text);
  if (known) return known;
  const t = text.trim();
  if (!t || t.length > 80) return undefined;
  const loose = /(?<![\w.])([A-Za-z]{0,6}[-_#]?\d{6,24})(?![\w]|[.,]\d)/.exec(
    t,
  );
  const id = loose?.[1];
  if (!id || /^1\d{10}$/.test(id)) return undefined;
  return id;
}

/** A row's status: the seller's own words for "waiting for payment" first, then the known words. */
function taughtStatus(
  text: string,
  unpaidWords: readonly string[],
): OrderStatus {
  if (unpaidWords.some((word) => text.includes(word))) return "unpaid";
  return statusFromText(text);
}

/** The element a taught selector names inside a row; none for a selector the page's DOM refuses. */
export function fieldIn(row: Element, selector: string): Element | null {
  try {
    return row.querySelector(selector);
  } catch {
    return null;
  }
}

function rowsOf(root: ParentNode, selector: string): Element[] {
  try {
    return outermost(root, [selector]);
  } catch {
    // A selector this browser does not parse (an edited one): this reader reads nothing.
    return [];
  }
}

const ITEM_LINKS = [
  'a[href*="item"]',
  'a[href*="goods"]',
  'a[href*="product"]',
];

export function taughtAdapter<P extends PlatformId>(
  reader: TaughtReader,
  platform: P,
): PlatformAdapter<P> {
  const idOf = (row: Element): string | undefined => {
    const el = fieldIn(row, reader.orderId);
    return el ? idFromText(textOf(el)) : undefined;
  };
  return {
    id: TAUGHT_ADAPTER_ID,
    platform,
    matches: (url) => taughtReaderAt([reader], url) !== undefined,
    findRows(root, refuse) {
      const rows: Element[] = [];
      for (const row of rowsOf(root, reader.rows)) {
        if (idOf(row)) rows.push(row);
        else refuse?.(row, "noOrderId");
      }
      return rows;
    },
    parseRow(row, { now }) {
      const orderId = idOf(row);
      if (!orderId) return undefined;
      const text = textOfAll([row]);
      const statusEl = fieldIn(row, reader.status);
      const statusText = statusEl ? textOf(statusEl).slice(0, 60) : "";
      // The taught cell first; a row whose cell moved still shows its status somewhere.
      const { status, statusText: shown } = statusText
        ? {
            status: taughtStatus(statusText, reader.unpaidWords),
            statusText,
          }
        : statusIn(row);
      const timeEl = reader.time ? fieldIn(row, reader.time) : null;
      const createdAt =
        (timeEl && parseDateTime(textOf(timeEl), now)) ??
        createdFrom(text, now);
      return snapshot(platform, orderId, status, {
        statusText: shown,
        createdAt,
        money: totalOf(text),
        buyer: buyerFrom(text),
        items: itemsFromLinks(row, ITEM_LINKS),
        memo: labelledText([row], ["卖家备注", "商家备注", "备注", "Notes"]),
        closesAt: closesOf(text, now),
      });
    },
    badgeSlot(row) {
      let el = fieldIn(row, reader.orderId);
      if (!el || el === row) return { parent: row, before: row.firstChild };
      // Never inside a link (a click would navigate) nor straight into a table row.
      const link = el.closest("a");
      if (link && row.contains(link) && link !== row) el = link;
      if (/^(TD|TH|LI)$/.test(el.tagName)) return { parent: el };
      return { parent: el.parentElement ?? row, before: el.nextSibling };
    },
  };
}
