import { format } from "date-fns";
import { exportBackup } from "@/lib/schemas/backup-file";
import { nudgeLogCsvOf } from "@/lib/db/nudge-log-export";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { TextFile } from "@/components/shared/download";
import type { Locale } from "@/lib/i18n";

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
  return {
    name: `paynudge-nudges-${stamp(now)}.csv`,
    text: await nudgeLogCsvOf(db, now, locale),
    type: "text/csv",
  };
}
