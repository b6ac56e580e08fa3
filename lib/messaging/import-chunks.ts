import { BackupError } from "@/lib/messaging/backup-error";
import type {
  Backup,
  ImportChunk,
  ImportManifest,
} from "@/lib/messaging/import-requests";

/** A chunk is a few thousand rows and a few MB: far below Chrome's 64 MiB message limit. */
export const CHUNK_MAX_ROWS = 2_000;
const CHUNK_MAX_CHARS = 4_000_000;
/** No row PayNudge writes comes near this (an order with 50 long items is ~60 kB). */
const ROW_MAX_CHARS = 1_000_000;

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
