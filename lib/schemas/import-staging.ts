import { BACKUP_VERSION, replaceAllData } from "@/lib/db/backup";
import type { PayNudgeDB } from "@/lib/db/schema";
import {
  MAX_ROWS,
  PRIMARY_KEY,
  TABLE_NAMES,
  type TableName,
} from "@/lib/db/tables";
import { BackupError } from "@/lib/messaging/backup-error";
import { ImportManifestSchema } from "@/lib/schemas/import-requests";
import { ROW_SCHEMAS } from "@/lib/schemas/stored-rows";

export function checkVersion(version: number): void {
  if (version > BACKUP_VERSION)
    throw new BackupError(
      "newer-version",
      `The backup was made by a newer PayNudge (format ${version}).`,
    );
}

/** A table this version knows (and `tableNames`, the database's, lists), within its row bound. */
export function checkTable(
  name: string,
  count: number,
  tableNames: readonly string[] = TABLE_NAMES,
): asserts name is TableName {
  if (
    !tableNames.includes(name) ||
    !(TABLE_NAMES as readonly string[]).includes(name)
  )
    throw new BackupError("unknown-table", `Unknown table "${name}".`, name);
  if (count > MAX_ROWS[name as TableName])
    throw new BackupError(
      "too-many-rows",
      `${name}: ${count} rows, at most ${MAX_ROWS[name as TableName]}.`,
      name,
    );
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
    try {
      return await replaceAllData(db, this.staged);
    } catch (error) {
      throw new BackupError(
        "write-failed",
        `The database refused the import: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      );
    }
  }
}
