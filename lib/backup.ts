import { z } from "zod";
import type { PayNudgeDB } from "./db";
import { orderKey } from "./order";
import { OrderSnapshotSchema } from "./order-schema";
import { MessageTemplateSchema } from "./templates-store";

export const BACKUP_FORMAT = "paynudge-backup";
export const BACKUP_VERSION = 1;

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

// Stored rows carry more than a snapshot; fields added by later schema versions pass through.
const StoredOrderRow = OrderSnapshotSchema.extend({
  key: z.string().min(1).max(80),
  pageUrl: z.string().max(4096),
  shopName: z.string().max(200).optional(),
  firstSeenAt: epochMs,
  lastSeenAt: epochMs,
  nextDueAt: epochMs.optional(),
  notifiedDueAt: epochMs.optional(),
  nudgeCount: z.number().int().min(0).max(1000),
  lastNudgeAt: epochMs.optional(),
  declinedAt: epochMs.optional(),
})
  .loose()
  .refine((o) => o.key === orderKey(o.platform, o.orderId), {
    message: "key does not match platform and order id",
  });

const NudgeRow = z
  .object({
    id: z.number().int().positive().optional(),
    orderKey: z.string().min(1).max(80),
    at: epochMs,
    channel: z.enum(["chat", "sms", "phone", "button"]),
  })
  .loose();

const SettingRow = z.object({
  key: z.string().min(1).max(100),
  value: z.unknown(),
});

/** Rows of a table this version knows no schema for: plain objects, checked by the database. */
const AnyRow = z.record(z.string(), z.unknown());

const KNOWN_ROWS: Record<string, z.ZodType> = {
  orders: StoredOrderRow,
  nudges: NudgeRow,
  settings: SettingRow,
  templates: MessageTemplateSchema,
};

const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  exportedAt: epochMs,
  tables: z.record(z.string(), z.array(z.unknown())),
});

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  exportedAt: number;
  tables: Record<string, unknown[]>;
}

/** A backup that cannot be restored, with a message an agent can act on. */
export class BackupError extends Error {
  constructor(
    readonly code:
      "not-json" | "not-backup" | "newer-version" | "unknown-table" | "bad-row",
    detail: string,
  ) {
    super(detail);
    this.name = "BackupError";
  }
}

export async function exportBackup(
  db: PayNudgeDB,
  now: number,
): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  await db.transaction("r", db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    tables,
  };
}

/**
 * Checks a backup completely before anything is written: every table must exist here and every
 * row must be valid. Throws a BackupError naming the first problem.
 */
export function parseBackup(
  input: unknown,
  tableNames: readonly string[],
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
    throw new BackupError("not-backup", "The file is not a PayNudge backup.");
  const backup = envelope.data;
  if (backup.version > BACKUP_VERSION) {
    throw new BackupError(
      "newer-version",
      `The backup was made by a newer PayNudge (format ${backup.version}).`,
    );
  }
  for (const [name, rows] of Object.entries(backup.tables)) {
    if (!tableNames.includes(name))
      throw new BackupError("unknown-table", `Unknown table "${name}".`);
    const schema = KNOWN_ROWS[name] ?? AnyRow;
    rows.forEach((row, index) => {
      const result = schema.safeParse(row);
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new BackupError(
          "bad-row",
          `${name} row ${index + 1}: ${issue?.path.join(".") || "row"} ${issue?.message ?? "is invalid"}`,
        );
      }
    });
  }
  return backup as Backup;
}

/**
 * Replaces all data with the backup's, in one transaction: if any write fails, nothing changes.
 * Tables the backup does not mention are emptied too, so the result is exactly the backup.
 */
export async function restoreBackup(
  db: PayNudgeDB,
  input: unknown,
): Promise<Record<string, number>> {
  const backup = parseBackup(
    input,
    db.tables.map((t) => t.name),
  );
  const restored: Record<string, number> = {};
  await db.transaction("rw", db.tables, async () => {
    for (const table of db.tables) {
      await table.clear();
      const rows = backup.tables[table.name] ?? [];
      await table.bulkAdd(rows);
      restored[table.name] = rows.length;
    }
  });
  return restored;
}

export async function wipeAll(db: PayNudgeDB): Promise<void> {
  await db.transaction("rw", db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}
