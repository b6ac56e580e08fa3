import type { PayNudgeDB } from "@/lib/db/schema";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { PlatformId, StoredOrder } from "@/lib/model/order";
import type { ReportPeriod } from "@/lib/model/report";
import {
  TEAM_LOG_FORMAT,
  TEAM_LOG_VERSION,
  type TeamLogFile,
  type TeamLogNudge,
  type TeamLogOrder,
} from "@/lib/model/team-log";

/*
 * 导出我的催付记录（给组长合并）: this machine's own nudges (never those merged from colleagues,
 * `importedFrom`: the lead would count them twice, once from each file) as a team log file.
 *
 * Each nudge carries its order's facts the report reads, for a lead whose machine does not know
 * the order: its amount and shop, and what this machine saw of its payment (status, unpaidSeenAt,
 * paidSeenAt, paidAt). A recovery is a payment seen after a nudge; an order the lead never saw
 * paid cannot be counted recovered there, so the colleague's sighting travels with the nudge
 * (lib/db/team-log-merge.ts says what the lead's machine does with it). No buyer, note or item
 * leaves: the report needs none of them.
 */

function orderFacts(order: StoredOrder): TeamLogOrder {
  const facts: TeamLogOrder = { status: order.status };
  if (order.amountCents !== undefined) facts.amountCents = order.amountCents;
  if (order.currency !== undefined) facts.currency = order.currency;
  if (order.shopName !== undefined) facts.shopName = order.shopName;
  if (order.unpaidSeenAt !== undefined) facts.unpaidSeenAt = order.unpaidSeenAt;
  if (order.paidSeenAt !== undefined) facts.paidSeenAt = order.paidSeenAt;
  if (order.paidAt !== undefined) facts.paidAt = order.paidAt;
  return facts;
}

function fileNudge(
  nudge: NudgeLog,
  order: StoredOrder | undefined,
): TeamLogNudge | undefined {
  // An order key is `platform:orderId` (lib/model/order.ts orderKey); the order's own fields win.
  const cut = nudge.orderKey.indexOf(":");
  if (!order && cut < 0) return undefined;
  const out: TeamLogNudge = {
    // A kept log of a pruned order: its key still names its platform (checked on the lead's side).
    platform: order?.platform ?? (nudge.orderKey.slice(0, cut) as PlatformId),
    orderId: order?.orderId ?? nudge.orderKey.slice(cut + 1),
    at: nudge.at,
    channel: nudge.channel,
  };
  if (nudge.step !== undefined) out.step = nudge.step;
  if (nudge.templateId !== undefined) out.templateId = nudge.templateId;
  if (nudge.agent !== undefined) out.agent = nudge.agent;
  if (nudge.outcome !== undefined) out.outcome = nudge.outcome;
  if (nudge.reason !== undefined) out.reason = nudge.reason;
  if (nudge.when !== undefined) out.when = nudge.when;
  if (order) out.order = orderFacts(order);
  return out;
}

/** This machine's own nudges (all, or those logged in `range`) as a team log file, oldest first. */
export async function teamLogOf(
  db: PayNudgeDB,
  options: {
    agent: string;
    now: number;
    range?: ReportPeriod;
    teamId?: string;
  },
): Promise<TeamLogFile> {
  const { agent, now, range, teamId } = options;
  const [nudges, orders] = await db.transaction(
    "r",
    db.nudges,
    db.orders,
    async () => {
      const all = range
        ? await db.nudges
            .where("at")
            .between(range.from, range.to, true, false)
            .toArray()
        : await db.nudges.toArray();
      const own = all.filter((n) => n.importedFrom === undefined);
      const orders = await db.orders.bulkGet([
        ...new Set(own.map((n) => n.orderKey)),
      ]);
      return [own, orders] as const;
    },
  );
  const byKey = new Map<string, StoredOrder>();
  for (const order of orders) if (order) byKey.set(order.key, order);
  const file: TeamLogFile = {
    format: TEAM_LOG_FORMAT,
    version: TEAM_LOG_VERSION,
    agent,
    exportedAt: now,
    nudges: nudges
      .sort((a, b) => a.at - b.at)
      .map((n) => fileNudge(n, byKey.get(n.orderKey)))
      .filter((n) => n !== undefined),
  };
  if (teamId !== undefined) file.teamId = teamId;
  if (range) file.range = { from: range.from, to: range.to };
  return file;
}
