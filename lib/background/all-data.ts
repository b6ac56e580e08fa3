import { browser } from "wxt/browser";
import { wipeAll } from "@/lib/db/backup";
import type { PayNudgeDB } from "@/lib/db/schema";
import { BackupError } from "@/lib/messaging/backup-error";
import type {
  ImportCommitted,
  ImportReply,
} from "@/lib/messaging/import-requests";
import { ImportStaging } from "@/lib/schemas/import-staging";
import { parseRequest, REQUEST_SCHEMAS } from "@/lib/schemas/requests";
import { runDueCheck } from "@/lib/background/due-check";

/* All data at once: a backup restored in chunks, or everything deleted. */

async function clearOurNotifications(): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(
    Object.keys(all).map((id) => browser.notifications.clear(id)),
  );
}

/*
 * A backup restored in chunks (lib/messaging/import-requests.ts describes the exchange). One import at a time,
 * staged in this worker's memory: a worker stopped mid-import forgets it, the next chunk or the
 * commit is refused as interrupted, and the data was never touched.
 */
let current:
  | {
      session: string;
      staging: ImportStaging;
      idle: ReturnType<typeof setTimeout>;
    }
  | undefined;
/** A staged import nobody finishes is dropped, so its rows do not hold the worker's memory. */
const IMPORT_IDLE_MS = 5 * 60_000;

function dropImport(): void {
  if (current) clearTimeout(current.idle);
  current = undefined;
}

function touchImport(): void {
  if (!current) return;
  clearTimeout(current.idle);
  current.idle = setTimeout(dropImport, IMPORT_IDLE_MS);
}

/** A refusal as the page words it: the code and where; the detail goes to the console only. */
function refusal(error: unknown): ImportReply<never> {
  if (error instanceof BackupError) {
    console.warn(`PayNudge import refused (${error.code}): ${error.message}`);
    return { ok: false, code: error.code, table: error.table, row: error.row };
  }
  console.error("PayNudge import failed", error);
  return { ok: false, code: "write-failed" };
}

function stagedImport(data: unknown): ImportStaging {
  const { session } = parseRequest("importCommit", data);
  if (!current || current.session !== session)
    throw new BackupError(
      "interrupted",
      `No import ${session} is staged (the worker restarted, or another import began).`,
    );
  return current.staging;
}

/** Starts an import, dropping any other one staged. */
export function handleImportBegin(
  data: unknown,
): ImportReply<{ session: string }> {
  dropImport();
  try {
    const staging = new ImportStaging(data);
    const session = crypto.randomUUID();
    current = {
      session,
      staging,
      idle: setTimeout(dropImport, IMPORT_IDLE_MS),
    };
    return { ok: true, session };
  } catch (error) {
    return refusal(error);
  }
}

/** Checks and stages one chunk; a refused chunk ends the import (the page starts over). */
export function handleImportChunk(
  data: unknown,
): ImportReply<{ staged: number }> {
  try {
    const parsed = REQUEST_SCHEMAS.importChunk.safeParse(data);
    if (!parsed.success)
      throw new BackupError(
        "not-backup",
        `Malformed chunk: ${parsed.error.message}`,
      );
    const { table, offset, rows } = parsed.data;
    const staged = stagedImport({ session: parsed.data.session }).add(
      table,
      offset,
      rows,
    );
    touchImport();
    return { ok: true, staged };
  } catch (error) {
    if (!(error instanceof BackupError && error.code === "interrupted"))
      dropImport();
    return refusal(error);
  }
}

/**
 * Swaps the staged rows in (one transaction: all or nothing). What follows a successful commit,
 * taking the old notifications down and re-planning alarms, can no longer undo it: a failure there
 * is logged and reported as such, never as a refused import.
 */
export async function handleImportCommit(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<ImportReply<ImportCommitted>> {
  let counts: Record<string, number>;
  try {
    const staging = stagedImport(data);
    dropImport();
    counts = await staging.commit(db);
  } catch (error) {
    return refusal(error);
  }
  let recheckFailed = false;
  try {
    await clearOurNotifications();
    await runDueCheck(db, now);
  } catch (error) {
    console.error(
      "PayNudge: imported, but the due check afterwards failed",
      error,
    );
    recheckFailed = true;
  }
  return { ok: true, counts, recheckFailed };
}

export function handleImportAbort(data: unknown): void {
  const { session } = parseRequest("importAbort", data);
  if (current?.session === session) dropImport();
}

export async function handleWipeAllData(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  parseRequest("wipeAllData", data);
  await wipeAll(db);
  await clearOurNotifications();
  await runDueCheck(db, now);
}
