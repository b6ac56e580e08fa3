import type { BackupErrorCode } from "@/lib/messaging/backup-error";

/*
 * A backup restored in chunks (any size fits under Chrome's 64 MiB message limit): the options page
 * announces the tables (importBegin, a manifest), sends each table's rows a chunk at a time
 * (importChunk, each row checked and staged), then asks for the swap (importCommit, one
 * transaction). The session names the import, so that a chunk sent to a restarted worker, which
 * staged nothing, is refused instead of mixed into another import.
 */

/** A backup file's content: every table PayNudge restores, row by row. */
export interface Backup {
  format: "paynudge-backup";
  version: number;
  exportedAt: number;
  tables: Record<string, unknown[]>;
}

/** What an import announces before its rows: the envelope and how many rows each table sends. */
export type ImportManifest = Omit<Backup, "tables"> & {
  counts: Record<string, number>;
};

/** Some consecutive rows of one table. */
export interface ImportChunk {
  table: string;
  /** Index of the chunk's first row in its table. */
  offset: number;
  rows: unknown[];
}

export type ImportChunkRequest = ImportChunk & { session: string };

export interface ImportSessionRequest {
  session: string;
}

/** Import replies carry a refusal's code rather than throw: the page words it in the seller's language. */
export interface ImportRefusal {
  ok: false;
  code: BackupErrorCode;
  table?: string;
  row?: number;
}
export type ImportReply<T> = ({ ok: true } & T) | ImportRefusal;

/** How many rows each table received, and whether re-planning the reminders afterwards failed. */
export interface ImportCommitted {
  counts: Record<string, number>;
  recheckFailed: boolean;
}
