import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import { previousPeriod } from "@/lib/engine/report/periods";
import { nudgesByOrder } from "@/lib/engine/report/attribution";
import { reportLine, type ReportLine } from "@/lib/engine/report/lines";
import { reportFigures } from "@/lib/engine/report/report-figures";
import type { ReportData } from "@/lib/engine/report/report-data";
import type { ReportPeriod } from "@/lib/model/report";

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

/** The report's data of `period` from rows: the unpaid sights counted from the orders' own. */
function dataOf(
  orders: StoredOrder[],
  nudges: NudgeLog[],
  period: ReportPeriod,
): ReportData {
  const count = (p: ReportPeriod) =>
    orders.filter(
      (o) =>
        o.unpaidSeenAt !== undefined &&
        o.unpaidSeenAt >= p.from &&
        o.unpaidSeenAt < p.to,
    ).length;
  return {
    orders,
    nudges,
    unpaidSeen: {
      current: count(period),
      previous: count(previousPeriod(period)),
    },
  };
}

/** The engine's report of `period` over these rows. */
export const figuresOf = (
  orders: StoredOrder[],
  nudges: NudgeLog[],
  settings: { attributionHours: number },
  period: ReportPeriod,
) => reportFigures(dataOf(orders, nudges, period), settings, period);

/** Every report line of these rows, one per order key with an order row or a nudge. */
export function reportLines(
  orders: readonly StoredOrder[],
  nudges: readonly NudgeLog[],
): ReportLine[] {
  const byKey = nudgesByOrder(nudges);
  const rows = new Map(orders.map((order) => [order.key, order]));
  return [...new Set([...rows.keys(), ...byKey.keys()])].flatMap(
    (key) => reportLine(key, rows.get(key), byKey.get(key) ?? []) ?? [],
  );
}
