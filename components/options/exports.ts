import { format } from "date-fns";
import { exportBackup } from "@/lib/schemas/backup-file";
import { nudgeLogCsv } from "@/lib/db/csv";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { TextFile } from "@/components/shared/download";
import type { Locale } from "@/lib/i18n";
import { DEFAULT_TEMPLATES } from "@/lib/templates/shipped";

/** A file the page saves for the seller (download.ts). */

const stamp = (now: number) => format(now, "yyyyMMdd-HHmm");

/** Every table, as a backup the import reads back. */
export async function backupFile(
  db: PayNudgeDB,
  now: number,
): Promise<TextFile> {
  const backup = await exportBackup(db, now);
  return {
    name: `paynudge-backup-${stamp(now)}.json`,
    text: JSON.stringify(backup, null, 1),
    type: "application/json",
  };
}

/** The nudge log with each nudge's order, for a spreadsheet, in the UI's language. */
export async function nudgeLogFile(
  db: PayNudgeDB,
  now: number,
  locale: Locale,
): Promise<TextFile> {
  // One read transaction: a prune running meanwhile never leaves a row without its order's columns.
  const [nudges, orders, templates] = await db.transaction(
    "r",
    [db.nudges, db.orders, db.templates],
    () =>
      Promise.all([
        db.nudges.toArray(),
        db.orders.toArray(),
        db.templates.toArray(),
      ]),
  );
  // The seller's own rows (their edits of shipped ones among them) win over the shipped names.
  const templateNames = new Map(
    [...DEFAULT_TEMPLATES, ...templates].map((tpl) => [tpl.id, tpl.name]),
  );
  return {
    name: `paynudge-nudges-${stamp(now)}.csv`,
    text: nudgeLogCsv(
      nudges,
      new Map(orders.map((o) => [o.key, o])),
      locale,
      now,
      templateNames,
    ),
    type: "text/csv",
  };
}
