import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import {
  BREAKDOWN_KEYS,
  type BreakdownKey,
  type BreakdownRow,
  type ReportPeriod,
} from "@/lib/model/report";
import type { Attributed } from "@/lib/engine/report/report-data";
import { inPeriod } from "@/lib/engine/report/periods";
import {
  addAmount,
  noCents,
  rate,
  type Cents,
} from "@/lib/engine/report/tally";

/*
 * Which step, channel, template, agent, shop and platform work: each order nudged in the period
 * counts once, in the group of its last nudge in the period; each order recovered in the period
 * counts in the group of its credited nudge (the last before payment, maybe before the period).
 */

/** The group a nudge falls in; "" where it did not record the field. */
function groupOf(
  key: BreakdownKey,
  nudge: NudgeLog,
  order: StoredOrder | undefined,
): string {
  switch (key) {
    case "step":
      return nudge.step ?? "";
    case "channel":
      return nudge.channel;
    case "template":
      return nudge.templateId ?? "";
    case "agent":
      return nudge.agent ?? "";
    case "shop":
      return order?.shopName ?? "";
    case "platform":
      // An order key is `platform:orderId` (lib/model/order.ts orderKey).
      return order?.platform ?? nudge.orderKey.split(":", 1)[0]!;
  }
}

export interface Group {
  nudged: number;
  recovered: number;
  cents: Cents;
}

/** Each key's groups as rows, most recovered first. */
export function breakdownRows(
  tables: Record<BreakdownKey, Map<string, Group>>,
): Record<BreakdownKey, BreakdownRow[]> {
  return Object.fromEntries(
    BREAKDOWN_KEYS.map((k) => [
      k,
      [...tables[k]]
        .map(([id, g]) => ({
          key: id,
          nudged: g.nudged,
          recovered: g.recovered,
          recoveryRate: rate(g.recovered, g.nudged),
          recoveredCents: g.cents,
        }))
        .sort(
          (a, b) =>
            b.recovered - a.recovered ||
            b.nudged - a.nudged ||
            a.key.localeCompare(b.key),
        ),
    ]),
  ) as Record<BreakdownKey, BreakdownRow[]>;
}

export function breakdowns(
  data: Attributed,
  period: ReportPeriod,
): Record<BreakdownKey, BreakdownRow[]> {
  const lastInPeriod = new Map<string, NudgeLog>();
  for (const [key, nudges] of data.byOrder) {
    let last: NudgeLog | undefined;
    for (const nudge of nudges) if (inPeriod(nudge.at, period)) last = nudge;
    if (last) lastInPeriod.set(key, last);
  }
  const tables = Object.fromEntries(
    BREAKDOWN_KEYS.map((k) => [k, new Map<string, Group>()]),
  ) as Record<BreakdownKey, Map<string, Group>>;
  /** The groups of every key a nudge falls in, its order looked up once. */
  const groupsOf = (nudge: NudgeLog): Group[] => {
    const order = data.orders.get(nudge.orderKey);
    return BREAKDOWN_KEYS.map((k) => {
      const id = groupOf(k, nudge, order);
      let group = tables[k].get(id);
      if (!group) {
        group = { nudged: 0, recovered: 0, cents: noCents() };
        tables[k].set(id, group);
      }
      return group;
    });
  };
  for (const nudge of lastInPeriod.values())
    for (const group of groupsOf(nudge)) group.nudged += 1;
  for (const [key, a] of data.attributions) {
    if (a.kind !== "recovered" || !inPeriod(a.paidTime, period)) continue;
    const order = data.orders.get(key)!;
    for (const group of groupsOf(a.lastNudge!)) {
      group.recovered += 1;
      addAmount(group.cents, order);
    }
  }
  return breakdownRows(tables);
}
