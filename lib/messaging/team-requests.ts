import type { Roster } from "@/lib/model/team";

/* What the options page's Team section asks the background (issue 17; lib/background/team-roster.ts). */

/** A team roster as its text code or a roster file's text (lib/schemas/roster.ts reads either). */
export interface TeamRosterRequest {
  text: string;
  /**
   * The agent chose to leave the team they hold for this roster's (a second step in the page):
   * without it, a roster of another team is refused.
   */
  leaveTeam?: boolean;
}

/**
 * What became of a roster sent: stored, or why nothing changed. The first three are the code's or
 * file's own refusals (damaged in copying, not a roster, too long); the others compare it with the
 * roster held.
 */
type TeamRosterAnswer =
  | "stored"
  | "already-held"
  | "older"
  | "other-team"
  | "damaged"
  | "format"
  | "oversized";

export interface TeamRosterReply {
  answer: TeamRosterAnswer;
  /** The roster held after the request (the one sent when stored; the old one when refused). */
  held?: Pick<Roster, "shop" | "version">;
}

/** Which roster name is this agent's; none: not chosen. */
export interface TeamMeRequest {
  name?: string;
}

/** What a removal took away, for its undo. */
export interface TeamRemoved {
  roster?: Roster;
  me?: string;
}
