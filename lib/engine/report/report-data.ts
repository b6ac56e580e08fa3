import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import {
  attributeOrders,
  nudgesByOrder,
  type Attribution,
} from "@/lib/engine/report/attribution";

/*
 * What the report is computed from, read once (lib/db/report-figures.ts) and shared by every
 * figure: the orders and nudges the range needs, and when orders were first seen unpaid.
 */

interface UnpaidSeen {
  current: number;
  previous: number;
}

export interface ReportData {
  /** The nudged, paid and held-back orders the range touches. */
  orders: readonly StoredOrder[];
  /** Their nudges: those of the range and the attribution window before it, and earlier ones of orders paid in it. */
  nudges: readonly NudgeLog[];
  /**
   * How many orders were first seen unpaid (unpaidSeenAt) in the period and in the previous one:
   * counted from the index, not read as rows, since nearly every order is seen unpaid once.
   */
  unpaidSeen: UnpaidSeen;
}

/** The data with each order's nudges and payment attribution worked out once. */
export interface Attributed {
  orders: ReadonlyMap<string, StoredOrder>;
  nudges: readonly NudgeLog[];
  byOrder: ReadonlyMap<string, readonly NudgeLog[]>;
  attributions: ReadonlyMap<string, Attribution>;
  unpaidSeen: UnpaidSeen;
}

export function attributed(
  data: ReportData,
  attributionHours: number,
): Attributed {
  const byOrder = nudgesByOrder(data.nudges);
  const orders = new Map<string, StoredOrder>();
  for (const order of data.orders) orders.set(order.key, order);
  return {
    orders,
    nudges: data.nudges,
    byOrder,
    attributions: attributeOrders(data.orders, byOrder, attributionHours),
    unpaidSeen: data.unpaidSeen,
  };
}
