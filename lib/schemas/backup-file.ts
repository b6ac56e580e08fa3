import { z } from "zod";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  restoredTableRows,
} from "@/lib/db/backup";
import type { PayNudgeDB } from "@/lib/db/schema";
import { TABLE_NAMES, type TableName } from "@/lib/db/tables";
import { BackupError } from "@/lib/messaging/backup-error";
import { chunksOf, manifestOf } from "@/lib/messaging/import-chunks";
import type { Backup } from "@/lib/messaging/import-requests";
import {
  checkTable,
  checkVersion,
  ImportStaging,
} from "@/lib/schemas/import-staging";
import { epochMs } from "@/lib/schemas/order";
import { schemaOf } from "@/lib/schemas/schema-of";
import { ROW_SCHEMAS } from "@/lib/schemas/stored-rows";

/* A backup file: written from the database, read back and checked before anything is restored. */

const BackupSchema = schemaOf<Backup>()(
  z
    .object({
      format: z.literal(BACKUP_FORMAT),
      version: z.number().int().min(1),
      exportedAt: epochMs,
      tables: z.record(z.string().max(100), z.array(z.unknown())),
    })
    .strict(),
);

/**
 * Everything PayNudge keeps, as a backup file's content. Rows that fail their schema (left by an
 * older, laxer import; a setting read as its default anyway) are left out and logged: a backup
 * always imports back.
 */
export async function exportBackup(
  db: PayNudgeDB,
  now: number,
): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(await restoredTableRows(db))) {
    const valid = rows.filter(
      (row) => ROW_SCHEMAS[name as TableName].safeParse(row).success,
    );
    if (valid.length < rows.length)
      console.warn(
        `PayNudge export: ${rows.length - valid.length} invalid ${name} rows left out`,
      );
    tables[name] = valid;
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    tables,
  };
}

/**
 * The envelope of a backup file (JSON text or parsed), its tables known and within their bounds;
 * the rows themselves are checked as they are staged.
 */
export function parseEnvelope(
  input: unknown,
  tableNames: readonly string[] = TABLE_NAMES,
): Backup {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch {
      throw new BackupError("not-json", "The file is not JSON.");
    }
  }
  const envelope = BackupSchema.safeParse(data);
  if (!envelope.success)
    throw new BackupError(
      "not-backup",
      `The file is not a PayNudge backup: ${envelope.error.message}`,
    );
  const backup = envelope.data;
  checkVersion(backup.version);
  for (const [name, rows] of Object.entries(backup.tables))
    checkTable(name, rows.length, tableNames);
  return backup;
}

/** A backup checked completely, every row included; throws a BackupError naming the first problem. */
export function parseBackup(
  input: unknown,
  tableNames: readonly string[] = TABLE_NAMES,
): Backup {
  const backup = parseEnvelope(input, tableNames);
  const staging = new ImportStaging(manifestOf(backup));
  for (const chunk of chunksOf(backup))
    staging.add(chunk.table, chunk.offset, chunk.rows);
  return { ...backup, tables: staging.rows() };
}

/**
 * Replaces all data with a backup's (JSON text or parsed), all or nothing, through the same
 * chunks and checks as an import from the options page.
 */
export async function restoreBackup(
  db: PayNudgeDB,
  input: unknown,
): Promise<Record<string, number>> {
  const backup = parseEnvelope(
    input,
    db.tables.map((t) => t.name),
  );
  const staging = new ImportStaging(manifestOf(backup));
  for (const chunk of chunksOf(backup))
    staging.add(chunk.table, chunk.offset, chunk.rows);
  return staging.commit(db);
}
