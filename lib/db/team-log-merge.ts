import type { PayNudgeDB } from "@/lib/db/schema";
import type { NudgeLog } from "@/lib/model/nudge-log";
import { orderKey, type StoredOrder } from "@/lib/model/order";
import {
  teamNudgeKey,
  type TeamLogFile,
  type TeamLogNudge,
  type TeamMergeCount,
} from "@/lib/model/team-log";

/*
 * 合并同事的记录: a colleague's team log file, already checked whole (lib/schemas/team-log.ts),
 * added to this machine's nudge log in one transaction.
 *
 * - Deduplicated by platform, order, step, agent and time (teamNudgeKey) against every nudge
 *   stored for the file's orders (read through the orderKey index, no new index needed) and within
 *   the file: a file merged twice, two files holding the same nudge, or the lead's own file
 *   change nothing the second time.
 * - Each added nudge is marked `importedFrom` (the file's agent): a team log file of this machine
 *   carries only its own nudges, and the buyer cap leaves merged ones out (lib/db/buyer-nudges.ts).
 * - This machine's orders are left as they are: their plans, done steps, last nudge, buyer cap and
 *   notifications are this machine's work, and a day's merge must not move them after the fact
 *   (a colleague's buyer is that colleague's to plan). The report reads the merged nudges anyway:
 *   it reads nudges by time, and their orders by key.
 * - An order this machine never saw (or already pruned) is stored only when the colleague saw it
 *   paid, as a settled row holding the facts the report needs (amount, shop, unpaidSeenAt,
 *   paidSeenAt, paidAt): without it, a recovery won by the colleague could not be counted here.
 *   It is never unpaid, so nothing plans or notifies it, and it is pruned like any settled order.
 *   An order unknown here and not seen paid is not stored: its nudges count as nudged (platform
 *   from the key, shop unknown) and nothing else.
 * - A known order keeps this machine's own payment sighting: an order seen paid by the colleague
 *   but still unpaid here counts recovered once this machine's page shows it paid.
 */

export interface TeamMergeResult {
  added: number;
  already: number;
  /** Per agent of the nudges, by name. */
  byAgent: TeamMergeCount[];
  /** Orders unknown here that the colleague saw paid, stored for the report. */
  ordersAdded: number;
}

function logOf(nudge: TeamLogNudge, from: string): NudgeLog {
  const log: NudgeLog = {
    orderKey: orderKey(nudge.platform, nudge.orderId),
    at: nudge.at,
    channel: nudge.channel,
  };
  if (nudge.step !== undefined) log.step = nudge.step;
  if (nudge.templateId !== undefined) log.templateId = nudge.templateId;
  if (nudge.agent !== undefined) log.agent = nudge.agent;
  if (nudge.outcome !== undefined) log.outcome = nudge.outcome;
  if (nudge.reason !== undefined) log.reason = nudge.reason;
  if (nudge.when !== undefined) log.when = nudge.when;
  log.importedFrom = from;
  return log;
}

/** A settled row for an order known here only from the file, or undefined when not seen paid. */
function paidOrderOf(
  nudge: TeamLogNudge,
  logs: readonly NudgeLog[],
): StoredOrder | undefined {
  const facts = nudge.order;
  const paidTime = facts?.paidAt ?? facts?.paidSeenAt;
  if (!facts || paidTime === undefined || facts.status === "unpaid")
    return undefined;
  const times = logs.map((log) => log.at);
  const order: StoredOrder = {
    key: orderKey(nudge.platform, nudge.orderId),
    platform: nudge.platform,
    orderId: nudge.orderId,
    status: facts.status,
    items: [],
    // Never seen on a page here: there is none to go back to.
    pageUrl: "",
    firstSeenAt: Math.min(facts.unpaidSeenAt ?? paidTime, ...times),
    lastSeenAt: Math.max(paidTime, ...times),
    // Read by the report (lib/db/report-figures.ts) to look for nudges before its range; no
    // lastNudgeAt, which would list the order among this machine's work done today.
    nudgeCount: Math.min(logs.length, 1000),
  };
  if (facts.amountCents !== undefined) order.amountCents = facts.amountCents;
  if (facts.currency !== undefined) order.currency = facts.currency;
  if (facts.shopName !== undefined) order.shopName = facts.shopName;
  if (facts.unpaidSeenAt !== undefined) order.unpaidSeenAt = facts.unpaidSeenAt;
  if (facts.paidSeenAt !== undefined) order.paidSeenAt = facts.paidSeenAt;
  if (facts.paidAt !== undefined) order.paidAt = facts.paidAt;
  return order;
}

/** Adds a checked team log file's new nudges (and the paid orders unknown here) in one transaction. */
export function mergeTeamLog(
  db: PayNudgeDB,
  file: TeamLogFile,
): Promise<TeamMergeResult> {
  const logs = file.nudges.map((n) => logOf(n, file.agent));
  const keys = [...new Set(logs.map((log) => log.orderKey))];
  return db.transaction("rw", db.nudges, db.orders, async () => {
    const stored = await db.nudges.where("orderKey").anyOf(keys).toArray();
    const seen = new Set(stored.map(teamNudgeKey));
    const counts = new Map<string, TeamMergeCount>();
    const added: NudgeLog[] = [];
    for (const log of logs) {
      const agent = log.agent ?? "";
      let count = counts.get(agent);
      if (!count) counts.set(agent, (count = { agent, added: 0, already: 0 }));
      const key = teamNudgeKey(log);
      if (seen.has(key)) {
        count.already += 1;
        continue;
      }
      seen.add(key);
      added.push(log);
      count.added += 1;
    }
    if (added.length) await db.nudges.bulkAdd(added);

    const known = await db.orders.bulkGet(keys);
    const unknown = new Set(keys.filter((_key, i) => !known[i]));
    // A known order notes how many of its nudges came from colleagues (StoredOrder.mergedNudges).
    const addedTo = new Map<string, number>();
    for (const log of added)
      addedTo.set(log.orderKey, (addedTo.get(log.orderKey) ?? 0) + 1);
    const noted = known.flatMap((order) => {
      const more = order && addedTo.get(order.key);
      return order && more
        ? [{ ...order, mergedNudges: (order.mergedNudges ?? 0) + more }]
        : [];
    });
    if (noted.length) await db.orders.bulkPut(noted);
    // The file's last nudge of each order carries what the colleague knew of it last.
    const lastOf = new Map<string, TeamLogNudge>();
    file.nudges.forEach((n, i) => {
      if (unknown.has(logs[i]!.orderKey)) lastOf.set(logs[i]!.orderKey, n);
    });
    const logsOf = new Map<string, NudgeLog[]>();
    for (const log of [...stored, ...added]) {
      if (!unknown.has(log.orderKey)) continue;
      const list = logsOf.get(log.orderKey);
      if (list) list.push(log);
      else logsOf.set(log.orderKey, [log]);
    }
    const newOrders: StoredOrder[] = [];
    for (const [key, last] of lastOf) {
      const order = paidOrderOf(last, logsOf.get(key) ?? []);
      if (order) newOrders.push(order);
    }
    if (newOrders.length) await db.orders.bulkAdd(newOrders);

    return {
      added: added.length,
      already: logs.length - added.length,
      byAgent: [...counts.values()].sort((a, b) =>
        a.agent.localeCompare(b.agent),
      ),
      ordersAdded: newOrders.length,
    };
  });
}
