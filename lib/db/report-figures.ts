import type { PayNudgeDB } from "@/lib/db/schema";
import { readPlainSetting } from "@/lib/db/setting-values";
import { previousPeriod } from "@/lib/engine/report/periods";
import { reportFigures } from "@/lib/engine/report/report-figures";
import type { ReportData } from "@/lib/engine/report/report-data";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import type { ReportFigures, ReportPeriod } from "@/lib/model/report";
import { isReasonId } from "@/lib/templates/outcomes";

/*
 * The report of a period (issue 16), read through indexes: only the rows the period and the one
 * before it need, never every order kept (a big shop keeps 200 000).
 *   - nudges by `at`, from the attribution window before the previous period to the period's end
 *     (a recovery's credited nudge is at most the window before its payment);
 *   - the orders seen paid since the previous period began, by `paidSeenAt` up to `now` (a payment
 *     the page dates inside the period may have been seen later);
 *   - the orders held back now (`noSlotUntil`) whose close is not before that start;
 *   - the orders the nudges are for, by `lastNudgeAt` (one range, not a read per key);
 *   - how many orders were first seen unpaid in each period, counted on the `unpaidSeenAt` index;
 *   - and, for a paid order whose nudges all lie before the range read, those nudges (they tell
 *     it was nudged, so not paid by itself).
 */

const HOUR_MS = 3_600_000;

/** A stored reason this version does not know (a newer backup) is not counted rather than trusted. */
export const knownReason = (nudge: NudgeLog): NudgeLog => {
  if (nudge.reason === undefined || isReasonId(nudge.reason)) return nudge;
  const { reason: _unknown, ...rest } = nudge;
  return rest;
};

/** What the report of `period` is computed from, read in one transaction (no computing). */
export async function readReportRows(
  db: PayNudgeDB,
  period: ReportPeriod,
  now: number,
): Promise<{ data: ReportData; attributionHours: number }> {
  const previous = previousPeriod(period);
  const start = previous.from;
  return db.transaction("r", db.orders, db.nudges, db.settings, async () => {
    const attributionHours = await readPlainSetting(db, "attributionHours");
    const unpaidIn = (p: ReportPeriod) =>
      db.orders
        .where("unpaidSeenAt")
        .between(p.from, p.to, true, false)
        .count();
    const nudgedSince = start - attributionHours * HOUR_MS;
    const [nudges, paid, held, nudged, current, before] = await Promise.all([
      db.nudges
        .where("at")
        .between(nudgedSince, period.to, true, false)
        .toArray(),
      db.orders
        .where("paidSeenAt")
        .between(start, Math.max(now, period.to), true, true)
        .toArray(),
      db.orders.where("noSlotUntil").aboveOrEqual(start).toArray(),
      // The nudged orders in one range read rather than one read per key: an order with a nudge
      // since then has its last nudge (lastNudgeAt) since then too.
      db.orders.where("lastNudgeAt").aboveOrEqual(nudgedSince).toArray(),
      unpaidIn(period),
      unpaidIn(previous),
    ]);
    const orders = new Map<string, StoredOrder>();
    for (const order of [...paid, ...held, ...nudged])
      orders.set(order.key, order);
    // A row stored without lastNudgeAt (none PayNudge writes): read by its key.
    const missing = [
      ...new Set(nudges.map((n) => n.orderKey).filter((k) => !orders.has(k))),
    ];
    if (missing.length)
      for (const order of await db.orders.bulkGet(missing))
        if (order) orders.set(order.key, order);

    const firstRead = new Map<string, number>();
    for (const nudge of nudges)
      firstRead.set(
        nudge.orderKey,
        Math.min(firstRead.get(nudge.orderKey) ?? Infinity, nudge.at),
      );
    const earlier = paid
      .filter((order) => {
        const paidTime = order.paidAt ?? order.paidSeenAt!;
        return (
          (order.nudgeCount > 0 || (order.mergedNudges ?? 0) > 0) &&
          !((firstRead.get(order.key) ?? Infinity) <= paidTime)
        );
      })
      .map((order) => order.key);
    const seenIds = new Set(nudges.map((n) => n.id));
    const older = earlier.length
      ? (await db.nudges.where("orderKey").anyOf(earlier).toArray()).filter(
          (n) => !seenIds.has(n.id),
        )
      : [];

    return {
      data: {
        orders: [...orders.values()],
        nudges: [...nudges, ...older].map(knownReason),
        unpaidSeen: { current, previous: before },
      },
      attributionHours,
    };
  });
}

/** The report of `period`: its rows read, then computed once the transaction is done. */
export async function loadReportFigures(
  db: PayNudgeDB,
  period: ReportPeriod,
  now: number,
): Promise<ReportFigures> {
  const { data, attributionHours } = await readReportRows(db, period, now);
  return reportFigures(data, { attributionHours }, period);
}
