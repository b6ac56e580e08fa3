import type { TeamMergeCount } from "@/lib/model/team-log";

/*
 * 合并同事的记录 (issue 17): the report page reads a colleague's team log file and sends its text
 * as it is; the background checks it whole (lib/schemas/team-log.ts) and merges it in one
 * transaction (lib/db/team-log-merge.ts), or refuses it with nothing stored.
 */

export interface TeamLogImportRequest {
  /** The file's name, for the page's message only. */
  name: string;
  text: string;
}

/** Why a team log file was refused (lib/schemas/team-log.ts TeamLogRefusal), worded by the page. */
export type TeamLogRefusalCode =
  | "too-large"
  | "not-json"
  | "not-team-log"
  | "newer-version"
  | "bad-row"
  | "foreign-team";

export type TeamLogImportReply =
  | {
      ok: true;
      /** Who saved the file. */
      agent: string;
      added: number;
      already: number;
      byAgent: TeamMergeCount[];
    }
  | { ok: false; code: TeamLogRefusalCode; row?: number };
