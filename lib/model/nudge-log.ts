import type { NudgeChannel } from "@/lib/model/steps";

/**
 * One nudge an agent made: the shared record that stops a second agent repeating it, and what the
 * report, the CSV export and a backup carry. Every other shape of a logged nudge derives from it.
 * The buyer's answer is kept as the text stored (lib/templates/outcomes.ts names the known ones):
 * a row read back is checked before it is counted.
 */
export interface NudgeLog {
  /** Given by the database when the row is added. */
  id?: number;
  orderKey: string;
  /** Epoch ms; never in the future. */
  at: number;
  channel: NudgeChannel;
  /** The plan step it carried out. */
  step?: string;
  templateId?: string;
  agent?: string;
  /** What the buyer said (an outcome id). */
  outcome?: string;
  /** Why they had not paid (a reason id). */
  reason?: string;
  /** When the buyer said they would pay (an outcome detail). */
  when?: string;
  /** The standard order note written for this nudge. */
  note?: string;
  /**
   * The colleague whose team log file brought it (lib/model/team-log.ts): logged on their machine,
   * merged here for the report, where it plans nothing (lib/db/team-log-merge.ts says why). Absent
   * on the nudges logged on this machine: they alone go into this machine's own team log file.
   */
  importedFrom?: string;
}

/** A nudge as the agent reports it, before it is logged against its order. */
export type NudgeEntry = Omit<NudgeLog, "id" | "orderKey" | "importedFrom">;
