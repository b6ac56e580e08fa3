import type { Backup } from "@/lib/messaging/import-requests";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  DERIVED_TABLES,
  RESTORED_TABLES,
  type TableName,
} from "@/lib/db/tables";

/*
 * Everything at once, as the database sees it: the rows a backup carries, all data replaced in one
 * transaction, all data deleted. The rows are checked above (lib/schemas/backup-file.ts,
 * import-staging.ts): nothing here knows what a valid row is.
 */

export const BACKUP_FORMAT: Backup["format"] = "paynudge-backup";
export const BACKUP_VERSION = 1;

/** The rows of every table a backup carries, read in one transaction, unchecked. */
export async function restoredTableRows(
  db: PayNudgeDB,
): Promise<Partial<Record<TableName, unknown[]>>> {
  const tables: Partial<Record<TableName, unknown[]>> = {};
  await db.transaction("r", db.tables, async () => {
    for (const table of db.tables) {
      const name = table.name as TableName;
      if (!RESTORED_TABLES.includes(name)) continue;
      tables[name] = await table.toArray();
    }
  });
  return tables;
}

/**
 * The tables of data, not those kept from them: emptying orders and nudges marks every report line
 * out of date (lib/db/report-digest/dirty.ts), and the lines are built again from what arrives.
 */
const dataTables = (db: PayNudgeDB) =>
  db.tables.filter(
    (t) => !(DERIVED_TABLES as readonly string[]).includes(t.name),
  );

/**
 * Replaces all data with these rows in one transaction: if any write fails, nothing changes.
 * Tables without rows here are emptied too, so the result is exactly what was given (a table a
 * backup does not restore is always emptied). Answers how many rows each table received.
 */
export async function replaceAllData(
  db: PayNudgeDB,
  rows: Partial<Record<TableName, readonly unknown[]>>,
): Promise<Record<string, number>> {
  const restored: Record<string, number> = {};
  await db.transaction("rw", dataTables(db), async () => {
    for (const table of dataTables(db)) {
      await table.clear();
      const name = table.name as TableName;
      const staged = RESTORED_TABLES.includes(name) ? (rows[name] ?? []) : [];
      await table.bulkAdd(staged);
      restored[table.name] = staged.length;
    }
  });
  return restored;
}

export async function wipeAll(db: PayNudgeDB): Promise<void> {
  await db.transaction("rw", dataTables(db), async () => {
    for (const table of dataTables(db)) await table.clear();
  });
}
