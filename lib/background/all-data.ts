import { browser } from "wxt/browser";
import { z } from "zod";
import {
  GeneralSettingsSchema,
  ImportChunkSchema,
  ImportSessionSchema,
  NotificationsPausedSchema,
  SetOrderStatusSchema,
  type ImportReply,
} from "@/lib/schemas/admin";
import { BackupError, ImportStaging, wipeAll } from "@/lib/db/backup";
import type { PayNudgeDB } from "@/lib/db/schema";
import { replanOrders } from "@/lib/db/orders";
import { setSetting } from "@/lib/db/settings";
import { runDueCheck, withdrawNotifications } from "@/lib/background/scheduler";

async function clearOurNotifications(): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(
    Object.keys(all).map((id) => browser.notifications.clear(id)),
  );
}

export async function handleSaveGeneralSettings(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const settings = GeneralSettingsSchema.parse(data);
  if (settings.agentName !== undefined)
    await setSetting(db, "agentName", settings.agentName || undefined);
  if (settings.shopNames !== undefined) {
    const names = Object.fromEntries(
      Object.entries(settings.shopNames).filter(([, v]) => v),
    );
    await setSetting(db, "shopNames", names);
  }
}

/*
 * A backup restored in chunks (admin-schemas.ts describes the exchange). One import at a time,
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
  const { session } = ImportSessionSchema.parse(data);
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
    const parsed = ImportChunkSchema.safeParse(data);
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
): Promise<
  ImportReply<{ counts: Record<string, number>; recheckFailed: boolean }>
> {
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
  const { session } = ImportSessionSchema.parse(data);
  if (current?.session === session) dropImport();
}

export async function handleWipeAllData(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  z.object({ confirm: z.literal("DELETE") }).parse(data);
  await wipeAll(db);
  await clearOurNotifications();
  await runDueCheck(db, now);
}

/**
 * The agent marks an order paid or closed from the popup: its pending nudge goes (re-planned with
 * the new status), its notification is withdrawn, and alarms and the toolbar count follow.
 */
export async function handleSetOrderStatus(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  const { key, status } = SetOrderStatusSchema.parse(data);
  await db.transaction("rw", db.orders, async () => {
    const order = await db.orders.get(key);
    if (!order) throw new Error(`PayNudge: unknown order ${key}`);
    await db.orders.update(key, { status, manualStatus: status });
  });
  await replanOrders(db, [key], now);
  await withdrawNotifications([key]);
  await runDueCheck(db, now);
}

/** Off duty on/off. Either way the due check runs: on resume it shows at once what fell due meanwhile. */
export async function handleSetNotificationsPaused(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<void> {
  const { paused } = NotificationsPausedSchema.parse(data);
  await setSetting(db, "notificationsPaused", paused);
  await runDueCheck(db, now);
}
