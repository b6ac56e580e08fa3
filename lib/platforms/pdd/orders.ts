import { clipText } from "@/lib/model/order";
import {
  buyerFrom,
  cellByName,
  closesOf,
  columnIndex,
  flagOf,
  labelledText,
  snapshot,
  statusIn,
  textOfAll,
  totalOf,
  flatSegment,
} from "@/lib/platforms/shared/common";
import {
  isStatusWord,
  parseMoney,
  pddCreatedAt,
  statusFromText,
  textOf,
} from "@/lib/platforms/shared/parse";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/*
 * Pinduoduo merchant back-office order list (mms.pinduoduo.com/orders/list): React on PDD's
 * "beast-core" component library, whose `data-testid` attributes are stable where class names are not.
 */
const SELECTORS = {
  // 2022–2024 (seen): body rows, cells and header cells by data-testid.
  tr: 'tr[data-testid="beast-core-table-body-tr"]',
  td: 'td[data-testid="beast-core-table-td"]',
  th: 'th[data-testid="beast-core-table-th"]',
  // 2024 (seen): the remark editor; a shown remark and its flag (inferred).
  flag: ['[class*="flag"]', '[class*="Flag"]'],
} as const;

const PDD_ID = /(\d{6}-\d{15,20})(?!\d)/;

function headerTable(row: Element): Element | null {
  let table = row.closest("table");
  while (table && !table.querySelector(SELECTORS.th))
    table = table.parentElement?.closest("table") ?? null;
  return table ?? row.ownerDocument.querySelector(`table:has(${SELECTORS.th})`);
}

function segmentOf(row: Element): Element[] {
  if (row.tagName !== "TR") return [row];
  return flatSegment(row, (next) => PDD_ID.test(textOf(next)));
}

export const pinduoduo: PlatformAdapter<"pdd"> = {
  id: "pdd-orders",
  platform: "pdd",
  // No chatBuyer: PDD's buyer chat is a page of its own, not this list (shared/platforms.md knows no
  // chat here), so a chat found here counts as unknown and an insert warns.
  matches: (url) =>
    url.hostname === "mms.pinduoduo.com" &&
    url.pathname.startsWith("/orders/list"),
  findRows(root) {
    const rows: Element[] = [];
    const seen = new Set<Element>();
    for (const tr of root.querySelectorAll(SELECTORS.tr)) {
      if (!PDD_ID.test(tr.textContent ?? "")) continue;
      // One <tbody> per order (inferred); a tbody holding several orders falls back to header rows.
      const body = tr.parentElement;
      const ids = body
        ? new Set(
            [...body.querySelectorAll(SELECTORS.tr)]
              .map((r) => PDD_ID.exec(r.textContent ?? "")?.[1])
              .filter(Boolean),
          )
        : new Set();
      const row =
        body && body.tagName === "TBODY" && ids.size === 1 ? body : tr;
      if (!seen.has(row)) {
        seen.add(row);
        rows.push(row);
      }
    }
    return rows;
  },
  parseRow(row, ctx) {
    const segment = segmentOf(row);
    const text = textOfAll(segment);
    const orderId = PDD_ID.exec(text)?.[1];
    if (!orderId) return undefined;
    const columns = columnIndex(headerTable(row), SELECTORS.th);
    // The row whose cells line up with the header: the order's first item row.
    const trs = segment.flatMap((el) =>
      el.matches(SELECTORS.tr) ? [el] : [...el.querySelectorAll(SELECTORS.tr)],
    );
    const itemRows = trs.filter(
      (tr) =>
        tr.querySelectorAll(SELECTORS.td).length >=
        Math.min(3, Math.max(1, columns.size)),
    );
    const cells = itemRows[0]
      ? [...itemRows[0].querySelectorAll(SELECTORS.td)]
      : [];
    const statusCell = cellByName(cells, columns, ["订单状态", "状态"]);
    const statusWord = statusCell
      ? [...statusCell.querySelectorAll("*"), statusCell]
          .map(textOf)
          .find((t) => isStatusWord(t))
      : undefined;
    const status = statusWord
      ? { status: statusFromText(statusWord), statusText: statusWord }
      : (segment
          .map((el) => statusIn(el))
          .find((s) => s.status !== "other") ?? { status: "other" as const });
    const buyerCell = cellByName(cells, columns, ["买家", "收货人"]);
    const amountCell = cellByName(cells, columns, ["实收", "金额", "实付"]);
    const items = itemRows
      .map((tr) => {
        const goods = cellByName(
          [...tr.querySelectorAll(SELECTORS.td)],
          columns,
          ["商品"],
        );
        const title = clipText(
          textOf(
            goods?.querySelector('[class*="name"], [class*="title"], a') ??
              goods,
          ),
        );
        return title ? { title } : undefined;
      })
      .filter((item): item is { title: string } => !!item);
    return snapshot("pdd", orderId, status.status, {
      statusText: status.statusText,
      createdAt: pddCreatedAt(orderId, text, ctx.now),
      money: (amountCell && parseMoney(textOf(amountCell))) || totalOf(text),
      buyer: buyerCell ? clipText(textOf(buyerCell), 200) : buyerFrom(text),
      items,
      memo: labelledText(segment, ["商家备注", "备注"]),
      flag: flagOf(
        segment
          .map((el) => el.querySelector(SELECTORS.flag.join(",")))
          .find(Boolean) ?? null,
      ),
      closesAt: closesOf(text, ctx.now),
    });
  },
  badgeSlot(row) {
    const headCell = row.querySelector(SELECTORS.td) ?? row.querySelector("td");
    return headCell ? { parent: headCell } : { parent: row };
  },
};
