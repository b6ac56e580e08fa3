import { nudgeLogCsv } from "@/lib/db/csv";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { Locale } from "@/lib/i18n";
import type { ReportPeriod } from "@/lib/model/report";
import { DEFAULT_TEMPLATES } from "@/lib/templates/shipped";

/*
 * The nudge log's CSV as the options page (the whole log) and the report page (the chosen range)
 * save it: one reading, so both files have the same columns and the same template names.
 */

/** Template names by id: the seller's own rows (their edits of shipped ones among them) win. */
export async function templateNames(
  db: PayNudgeDB,
): Promise<Map<string, string>> {
  const templates = await db.templates.toArray();
  return new Map(
    [...DEFAULT_TEMPLATES, ...templates].map((tpl) => [tpl.id, tpl.name]),
  );
}

/** The nudge log (all of it, or the nudges logged in `period`) with each nudge's order. */
export async function nudgeLogCsvOf(
  db: PayNudgeDB,
  now: number,
  locale: Locale,
  period?: ReportPeriod,
): Promise<string> {
  // One read transaction: a prune running meanwhile never leaves a row without its order's columns.
  const [nudges, orders, names] = await db.transaction(
    "r",
    [db.nudges, db.orders, db.templates],
    async () => {
      const nudges = period
        ? await db.nudges
            .where("at")
            .between(period.from, period.to, true, false)
            .toArray()
        : await db.nudges.toArray();
      // A range reads only the orders its nudges were for.
      const orders = period
        ? (
            await db.orders.bulkGet([...new Set(nudges.map((n) => n.orderKey))])
          ).filter((o) => o !== undefined)
        : await db.orders.toArray();
      return [nudges, orders, await templateNames(db)] as const;
    },
  );
  return nudgeLogCsv(
    nudges,
    new Map(orders.map((o) => [o.key, o])),
    locale,
    now,
    names,
  );
}
