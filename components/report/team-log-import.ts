import { t, type Locale } from "@/lib/i18n";
import { toBackground } from "@/lib/messaging/messengers";
import type {
  TeamLogImportReply,
  TeamLogImportRequest,
} from "@/lib/messaging/team-log-requests";
import { TEAM_LOG_MAX_BYTES, TEAM_LOG_MAX_NUDGES } from "@/lib/model/team-log";

/*
 * 合并同事的记录 on the report page: each chosen file read and sent as it is, one after another,
 * to the background, which checks it whole and merges it (lib/background/team-log.ts). A file over
 * the size bound is refused here, before it is read.
 */

/** One file's outcome: the background's answer, or none when it could not be asked. */
export interface TeamLogFileResult {
  file: string;
  reply: TeamLogImportReply | { ok: false; code: "failed" };
}

type Send = (request: TeamLogImportRequest) => Promise<TeamLogImportReply>;

const sendToBackground: Send = (request) =>
  toBackground.sendMessage("importTeamLog", request);

export async function importTeamLogFiles(
  files: readonly File[],
  send: Send = sendToBackground,
): Promise<TeamLogFileResult[]> {
  const results: TeamLogFileResult[] = [];
  for (const file of files) {
    if (file.size > TEAM_LOG_MAX_BYTES) {
      results.push({
        file: file.name,
        reply: { ok: false, code: "too-large" },
      });
      continue;
    }
    try {
      const reply = await send({ name: file.name, text: await file.text() });
      results.push({ file: file.name, reply });
    } catch (error) {
      console.error("PayNudge: merging a team log", error);
      results.push({ file: file.name, reply: { ok: false, code: "failed" } });
    }
  }
  return results;
}

/** What the page says of one file: what was added, or why it was refused. */
export function teamLogMessage(
  locale: Locale,
  { file, reply }: TeamLogFileResult,
): string {
  if (reply.ok)
    return t(locale, "teamLog.added", {
      file,
      agent: reply.agent,
      added: reply.added,
      already: reply.already,
    });
  switch (reply.code) {
    case "too-large":
      return t(locale, "teamLog.tooLarge", {
        file,
        mb: TEAM_LOG_MAX_BYTES / 1024 / 1024,
        rows: TEAM_LOG_MAX_NUDGES,
      });
    case "not-json":
      return t(locale, "teamLog.notJson", { file });
    case "not-team-log":
      return t(locale, "teamLog.notTeamLog", { file });
    case "newer-version":
      return t(locale, "teamLog.newerVersion", { file });
    case "bad-row":
      return t(locale, "teamLog.badRow", { file, row: reply.row ?? "?" });
    case "foreign-team":
      return t(locale, "teamLog.foreignTeam", { file });
    case "failed":
      return t(locale, "teamLog.failed", { file });
  }
}
