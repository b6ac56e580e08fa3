import { BackupError } from "@/lib/messaging/backup-error";
import { chunksOf, manifestOf } from "@/lib/messaging/import-chunks";
import type {
  Backup,
  ImportCommitted,
  ImportRefusal,
} from "@/lib/messaging/import-requests";
import type {
  RequestData,
  RequestReply,
  RequestType,
} from "@/lib/messaging/protocol";

/*
 * The options page's side of a chunked import: the file is checked and split here, each chunk is
 * checked again and staged by the background, and nothing changes until the commit.
 */

type Ask<K extends RequestType> = (
  data: RequestData<K>,
) => Promise<RequestReply<K>>;

/** The background's import requests (protocol.ts), as the page sends them. */
export interface ImportTransport {
  begin: Ask<"importBegin">;
  chunk: Ask<"importChunk">;
  commit: Ask<"importCommit">;
  abort: Ask<"importAbort">;
}

export type ImportProgress =
  | { phase: "sending"; done: number; total: number }
  | { phase: "saving"; rows: number };

/** The data is in; `recheckFailed`: re-planning reminders afterwards failed (they follow at the next check). */
export type ImportResult = ImportCommitted;

function refused(reply: ImportRefusal): never {
  throw new BackupError(
    reply.code,
    `refused by the background: ${reply.code}`,
    reply.table,
    reply.row,
  );
}

/**
 * Sends a checked backup to the background in chunks and commits it. Any failure before the
 * commit leaves the data as it was: a message that never got an answer (the worker stopped) is
 * reported as an interrupted import to retry. A commit without an answer may or may not have
 * landed (it is one transaction, so it is all or nothing): `commit-interrupted` says so.
 */
export async function sendBackup(
  backup: Backup,
  transport: ImportTransport,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportResult> {
  const chunks = chunksOf(backup);
  const total = chunks.length;
  let session: string | undefined;
  const ask = async <T>(request: Promise<T>): Promise<T> => {
    try {
      return await request;
    } catch (error) {
      throw new BackupError("interrupted", `no answer: ${String(error)}`);
    }
  };
  try {
    const begun = await ask(transport.begin(manifestOf(backup)));
    if (!begun.ok) refused(begun);
    session = begun.session;
    onProgress({ phase: "sending", done: 0, total });
    for (const [index, chunk] of chunks.entries()) {
      const reply = await ask(transport.chunk({ session, ...chunk }));
      if (!reply.ok) refused(reply);
      onProgress({ phase: "sending", done: index + 1, total });
    }
  } catch (error) {
    if (session !== undefined)
      void transport.abort({ session }).catch(() => undefined);
    throw error;
  }
  onProgress({
    phase: "saving",
    rows: chunks.reduce((n, chunk) => n + chunk.rows.length, 0),
  });
  let committed;
  try {
    committed = await transport.commit({ session });
  } catch (error) {
    throw new BackupError("commit-interrupted", `no answer: ${String(error)}`);
  }
  if (!committed.ok) refused(committed);
  return { counts: committed.counts, recheckFailed: committed.recheckFailed };
}
