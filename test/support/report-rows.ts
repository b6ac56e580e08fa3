import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import type { ReportData } from "@/lib/engine/report/report-data";

/* Rows for the report's tests (issue 16): stored orders and logged nudges, short to write. */

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** A stored Taobao order, unpaid, seen at `seenAt`; `extra` sets the rest. */
export function storedOrder(
  id: string,
  seenAt: number,
  extra: Partial<StoredOrder> = {},
): StoredOrder {
  return {
    key: `${extra.platform ?? "taobao"}:${id}`,
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    items: [{ title: `商品${id}` }],
    amountCents: 10_000,
    pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
    unpaidSeenAt: seenAt,
    nudgeCount: 0,
    ...extra,
  };
}

/** The same order seen paid at `paidSeenAt`. */
export const paidOrder = (
  id: string,
  seenAt: number,
  paidSeenAt: number,
  extra: Partial<StoredOrder> = {},
): StoredOrder =>
  storedOrder(id, seenAt, { status: "paid", paidSeenAt, ...extra });

/** A chat nudge of order `id` (a Taobao key unless `orderKey` is given) at `at`. */
export function loggedNudge(
  id: string,
  at: number,
  extra: Partial<NudgeLog> = {},
): NudgeLog {
  return { orderKey: `taobao:${id}`, at, channel: "chat", ...extra };
}

/** The report's data from rows: the unpaid sights are the orders' own. */
export const dataOf = (
  orders: StoredOrder[],
  nudges: NudgeLog[],
): ReportData => ({
  orders,
  nudges,
  unpaidSeen: orders.flatMap((o) =>
    o.unpaidSeenAt === undefined ? [] : [o.unpaidSeenAt],
  ),
});
