import type { NudgeLog } from "@/lib/model/nudge-log";
import type { OrderStatus, PlatformId, StoredOrder } from "@/lib/model/order";
import type { ReportPeriod } from "@/lib/model/report";

/*
 * The team's day, merged (issue 17): each agent saves the nudges logged on their own machine as a
 * team log file, and the shop lead merges the colleagues' files into their own log, so that the
 * report counts the whole team's nudges per agent. No server: the files travel as the team likes.
 *
 * A file carries what the report needs of each nudge and no more (no buyer, no note, no items):
 * the nudge's own fields, and the facts of its order the report reads should the lead's machine
 * not know the order (amount, shop, and what the colleague saw of its payment).
 */

export const TEAM_LOG_FORMAT = "paynudge-team-log";
export const TEAM_LOG_VERSION = 1;
/** A day of a big shop's agent is a few thousand nudges; a file above either bound is refused. */
export const TEAM_LOG_MAX_BYTES = 20 * 1024 * 1024;
export const TEAM_LOG_MAX_NUDGES = 100_000;

/** What the colleague's machine knew of a nudge's order when the file was saved. */
export type TeamLogOrder = Pick<
  StoredOrder,
  | "amountCents"
  | "currency"
  | "shopName"
  | "unpaidSeenAt"
  | "paidSeenAt"
  | "paidAt"
> & { status: OrderStatus };

/** One nudge in a team log: the order named by platform and id, as the log has it otherwise. */
export type TeamLogNudge = Pick<
  NudgeLog,
  | "at"
  | "channel"
  | "step"
  | "templateId"
  | "agent"
  | "outcome"
  | "reason"
  | "when"
> & {
  platform: PlatformId;
  orderId: string;
  /** Absent when the colleague's machine no longer kept the order (pruned). */
  order?: TeamLogOrder;
};

export interface TeamLogFile {
  format: typeof TEAM_LOG_FORMAT;
  version: number;
  /** Who saved it: the agent name set on their machine. */
  agent: string;
  /** The team of the roster held when it was saved; absent without one. */
  teamId?: string;
  exportedAt: number;
  /** The report's range it was saved for; absent for the whole log. */
  range?: ReportPeriod;
  nudges: TeamLogNudge[];
}

/**
 * What makes two logged nudges one (the platform, order, step, agent and time): the same
 * nudge read from two files, or from one's own log and one's own file, is stored once.
 */
export function teamNudgeKey(
  nudge: Pick<NudgeLog, "orderKey" | "step" | "agent" | "at">,
): string {
  return JSON.stringify([
    nudge.orderKey,
    nudge.step ?? null,
    nudge.agent ?? null,
    nudge.at,
  ]);
}

/** How many nudges a merge added and found already there, for one agent (or all). */
export interface TeamMergeCount {
  /** The nudges' agent; "" for nudges logged without a name. */
  agent: string;
  added: number;
  already: number;
}
