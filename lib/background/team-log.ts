import type { PayNudgeDB } from "@/lib/db/schema";
import { mergeTeamLog } from "@/lib/db/team-log-merge";
import type { TeamLogImportReply } from "@/lib/messaging/team-log-requests";
import { parseRequest } from "@/lib/schemas/requests";
import { getSetting } from "@/lib/schemas/settings";
import { parseTeamLog, TeamLogError } from "@/lib/schemas/team-log";

/*
 * 合并同事的记录 (issue 17), from the extension's own pages only (routes.ts): a colleague's team
 * log file checked whole, then merged in one transaction, or refused with nothing stored. A file
 * of another team (its teamId not the held roster's) is refused as well.
 */

export async function handleImportTeamLog(
  db: PayNudgeDB,
  data: unknown,
): Promise<TeamLogImportReply> {
  const { text } = parseRequest("importTeamLog", data);
  const roster = await getSetting(db, "teamRoster");
  let file;
  try {
    file = parseTeamLog(text, roster?.teamId);
  } catch (error) {
    if (!(error instanceof TeamLogError)) throw error;
    console.warn(`PayNudge refused a team log: ${error.message}`);
    return {
      ok: false,
      code: error.code,
      ...(error.row === undefined ? {} : { row: error.row }),
    };
  }
  const merged = await mergeTeamLog(db, file);
  return {
    ok: true,
    agent: file.agent,
    added: merged.added,
    already: merged.already,
    byAgent: merged.byAgent,
  };
}
