import type { PayNudgeDB } from "@/lib/db/schema";
import { knownReason } from "@/lib/db/report-figures";
import { nudgesByOrder } from "@/lib/engine/report/attribution";
import { reportLine, type ReportLine } from "@/lib/engine/report/lines";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

/* Report lines made from the rows as stored now, read in the caller's transaction. */

function linesOf(
  keys: readonly string[],
  orders: readonly (StoredOrder | undefined)[],
  nudges: readonly NudgeLog[],
): (ReportLine | undefined)[] {
  const byKey = nudgesByOrder(nudges.map(knownReason));
  return keys.map((key, i) => reportLine(key, orders[i], byKey.get(key) ?? []));
}

/**
 * The lines of these order keys (undefined where nothing of the order counts). Each key's nudges
 * are a request of their own, all sent at once: one cursor stepping from key to key waits for
 * each step, ten times longer for a thousand scattered keys.
 */
export async function freshLines(
  db: PayNudgeDB,
  keys: readonly string[],
): Promise<(ReportLine | undefined)[]> {
  const [orders, nudges] = await Promise.all([
    db.orders.bulkGet([...keys]),
    Promise.all(
      keys.map((key) => db.nudges.where("orderKey").equals(key).toArray()),
    ),
  ]);
  return linesOf(keys, orders, nudges.flat());
}

/**
 * The lines of up to `limit` orders with keys above `after`, in key order, with their keys: one
 * range of orders and one of their nudges.
 */
export async function linesAfter(
  db: PayNudgeDB,
  after: string,
  limit: number,
): Promise<{ keys: string[]; lines: (ReportLine | undefined)[] }> {
  const orders = await db.orders
    .where(":id")
    .above(after)
    .limit(limit)
    .toArray();
  if (!orders.length) return { keys: [], lines: [] };
  const keys = orders.map((order) => order.key);
  const nudges = await db.nudges
    .where("orderKey")
    .between(keys[0]!, keys.at(-1)!, true, true)
    .toArray();
  return { keys, lines: linesOf(keys, orders, nudges) };
}
