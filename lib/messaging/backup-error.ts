/** Why a backup cannot be restored; the options page words each in the seller's language. */
export type BackupErrorCode =
  | "not-json"
  | "not-backup"
  | "newer-version"
  | "unknown-table"
  | "too-many-rows"
  | "bad-row"
  | "duplicate-row"
  | "incomplete"
  | "interrupted"
  | "commit-interrupted"
  | "write-failed";

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
