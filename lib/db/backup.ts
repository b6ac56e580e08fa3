import { z } from "zod";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  MAX_ROWS,
  PRIMARY_KEY,
  RESTORED_TABLES,
  ROW_SCHEMAS,
  TABLE_NAMES,
  type TableName,
} from "@/lib/schemas/stored";

export const BACKUP_FORMAT = "paynudge-backup";
export const BACKUP_VERSION = 1;

/** A chunk is a few thousand rows and a few MB: far below Chrome's 64 MiB message limit. */
export const CHUNK_MAX_ROWS = 2_000;
export const CHUNK_MAX_CHARS = 4_000_000;
/** No row PayNudge writes comes near this (an order with 50 long items is ~60 kB). */
export const ROW_MAX_CHARS = 1_000_000;

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

const BackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().min(1),
    exportedAt: epochMs,
    tables: z.record(z.string().max(100), z.array(z.unknown())),
  })
  .strict();

/** What an import announces before its rows: the envelope and how many rows each table sends. */
export const ImportManifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().min(1),
    exportedAt: epochMs,
    counts: z.record(z.string().max(100), z.number().int().min(0)),
  })
  .strict();
export type ImportManifest = z.infer<typeof ImportManifestSchema>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  tables: Record<string, unknown[]>;
}

export const BACKUP_ERROR_CODES = [
  "not-json",
  "not-backup",
  "newer-version",
  "unknown-table",
  "too-many-rows",
  "bad-row",
  "duplicate-row",
  "incomplete",
  "interrupted",
  "commit-interrupted",
  "write-failed",
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];

/**
 * A backup that cannot be restored. `code` (and the table and row number) is what the seller is
 * told, in their language; `message` is the technical detail, for the console only.
 */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    detail: string,
    readonly table?: string,
    /** 1-based, as a seller counts rows. */
    readonly row?: number,
  ) {
    super(detail);
    this.name = "BackupError";
  }
}

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
  await db.transaction("r", db.tables, async () => {
    for (const table of db.tables) {
      const name = table.name as TableName;
      if (!RESTORED_TABLES.includes(name)) continue;
      const rows = await table.toArray();
      const valid = rows.filter(
        (row) => ROW_SCHEMAS[name].safeParse(row).success,
      );
      if (valid.length < rows.length)
        console.warn(
          `PayNudge export: ${rows.length - valid.length} invalid ${name} rows left out`,
        );
      tables[name] = valid;
    }
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    tables,
  };
}

function checkVersion(version: number): void {
  if (version > BACKUP_VERSION)
    throw new BackupError(
      "newer-version",
      `The backup was made by a newer PayNudge (format ${version}).`,
    );
}

function checkTable(
  name: string,
  count: number,
  tableNames: readonly string[] = TABLE_NAMES,
): asserts name is TableName {
  if (!tableNames.includes(name) || !TABLE_NAMES.includes(name as TableName))
    throw new BackupError("unknown-table", `Unknown table "${name}".`, name);
  if (count > MAX_ROWS[name as TableName])
    throw new BackupError(
      "too-many-rows",
      `${name}: ${count} rows, at most ${MAX_ROWS[name as TableName]}.`,
      name,
    );
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
  const backup = envelope.data as Backup;
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

export function manifestOf(backup: Backup): ImportManifest {
  return {
    format: backup.format,
    version: backup.version,
    exportedAt: backup.exportedAt,
    counts: Object.fromEntries(
      Object.entries(backup.tables).map(([name, rows]) => [name, rows.length]),
    ),
  };
}

export interface ImportChunk {
  table: string;
  /** Index of the chunk's first row in its table. */
  offset: number;
  rows: unknown[];
}

/**
 * Splits a backup's tables into chunks small enough for one extension message each (by rows and
 * by characters). A row too large for any message is refused here, before anything is sent.
 */
export function chunksOf(backup: Backup): ImportChunk[] {
  const chunks: ImportChunk[] = [];
  for (const [table, rows] of Object.entries(backup.tables)) {
    let current: ImportChunk | undefined;
    let chars = 0;
    rows.forEach((row, index) => {
      const size = JSON.stringify(row)?.length ?? 0;
      if (size > ROW_MAX_CHARS)
        throw new BackupError(
          "bad-row",
          `${table} row ${index + 1}: ${size} characters`,
          table,
          index + 1,
        );
      if (
        !current ||
        current.rows.length >= CHUNK_MAX_ROWS ||
        chars + size > CHUNK_MAX_CHARS
      ) {
        current = { table, offset: index, rows: [] };
        chunks.push(current);
        chars = 0;
      }
      current.rows.push(row);
      chars += size;
    });
  }
  return chunks;
}

/**
 * An import in progress: the announced tables, each chunk's rows checked against the schemas the
 * background writes with and kept aside, the database untouched until `commit` swaps everything
 * in one transaction. Rows are stored as the schemas output them (fields a nested schema does not
 * know are dropped).
 */
export class ImportStaging {
  private readonly counts: Partial<Record<TableName, number>> = {};
  private readonly staged: Partial<Record<TableName, unknown[]>> = {};
  private readonly keys: Partial<Record<TableName, Set<unknown>>> = {};

  constructor(manifest: unknown) {
    const parsed = ImportManifestSchema.safeParse(manifest);
    if (!parsed.success)
      throw new BackupError(
        "not-backup",
        `Not a PayNudge import: ${parsed.error.message}`,
      );
    checkVersion(parsed.data.version);
    for (const [name, count] of Object.entries(parsed.data.counts)) {
      checkTable(name, count);
      this.counts[name] = count;
      this.staged[name] = [];
      this.keys[name] = new Set();
    }
  }

  /** Checks and keeps one chunk; chunks of a table come in order, each starting where the last ended. */
  add(table: string, offset: number, rows: readonly unknown[]): number {
    const staged = (TABLE_NAMES as readonly string[]).includes(table)
      ? this.staged[table as TableName]
      : undefined;
    if (!staged)
      throw new BackupError("unknown-table", `Unannounced table "${table}".`);
    const name = table as TableName;
    if (
      offset !== staged.length ||
      staged.length + rows.length > this.counts[name]!
    )
      throw new BackupError(
        "incomplete",
        `${name}: rows ${offset + 1}–${offset + rows.length} do not follow the ${staged.length} staged of ${this.counts[name]}.`,
        name,
      );
    const schema = ROW_SCHEMAS[name];
    const keys = this.keys[name]!;
    const keyField = PRIMARY_KEY[name];
    const checked: unknown[] = [];
    rows.forEach((row, i) => {
      const index = offset + i + 1;
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new BackupError(
          "bad-row",
          `${name} row ${index}: ${issue?.path.join(".") || "row"} ${issue?.message ?? "is invalid"}`,
          name,
          index,
        );
      }
      const value = result.data as Record<string, unknown>;
      const id = value[keyField];
      if (id !== undefined) {
        if (keys.has(id))
          throw new BackupError(
            "duplicate-row",
            `${name} row ${index}: ${keyField} ${String(id)} appears twice.`,
            name,
            index,
          );
        keys.add(id);
      }
      checked.push(value);
    });
    staged.push(...checked);
    return staged.length;
  }

  /** The rows staged so far, by table. */
  rows(): Record<string, unknown[]> {
    return { ...this.staged } as Record<string, unknown[]>;
  }

  /**
   * Replaces all data with the staged rows in one transaction: if any write fails, nothing
   * changes. Tables the backup does not mention are emptied too, so the result is the backup.
   */
  async commit(db: PayNudgeDB): Promise<Record<string, number>> {
    for (const name of TABLE_NAMES) {
      const count = this.counts[name];
      if (count !== undefined && this.staged[name]!.length !== count)
        throw new BackupError(
          "incomplete",
          `${name}: ${this.staged[name]!.length} of ${count} rows arrived.`,
          name,
        );
    }
    const restored: Record<string, number> = {};
    try {
      await db.transaction("rw", db.tables, async () => {
        for (const table of db.tables) {
          await table.clear();
          const name = table.name as TableName;
          const rows = RESTORED_TABLES.includes(name)
            ? (this.staged[name] ?? [])
            : [];
          await table.bulkAdd(rows);
          restored[table.name] = rows.length;
        }
      });
    } catch (error) {
      throw new BackupError(
        "write-failed",
        `The database refused the import: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      );
    }
    return restored;
  }
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

export async function wipeAll(db: PayNudgeDB): Promise<void> {
  await db.transaction("rw", db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
