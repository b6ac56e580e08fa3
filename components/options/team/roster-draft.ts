import type { MessageKey } from "@/lib/i18n";
import { rosterProblems, type RosterRule } from "@/lib/model/roster-rules";
import {
  DEFAULT_LEASE_MINUTES,
  ROSTER_LIMITS,
  type Roster,
} from "@/lib/model/team";

/*
 * The lead's roster form as the seller types it (text in every field), and the roster it makes:
 * the same rules as every code and file (lib/model/roster-rules.ts), each broken one marked at its
 * field. Pure, so the form's checks are tested without a page.
 */

interface ShiftDraft {
  from: string;
  to: string;
}

export interface AgentDraft {
  name: string;
  weight: string;
  shifts: ShiftDraft[];
}

export interface RosterDraft {
  shop: string;
  leaseMinutes: string;
  agents: AgentDraft[];
}

export const emptyAgent = (name = ""): AgentDraft => ({
  name,
  weight: "1",
  shifts: [],
});

/** A new roster's form: the lead's own nickname first, when they have one. */
export function newDraft(agentName: string | undefined): RosterDraft {
  return {
    shop: "",
    leaseMinutes: String(DEFAULT_LEASE_MINUTES),
    agents: [emptyAgent(agentName ?? "")],
  };
}

/** The held roster in the form, for the lead's next version. */
export function draftOf(roster: Roster): RosterDraft {
  return {
    shop: roster.shop,
    leaseMinutes: String(roster.leaseMinutes),
    agents: roster.agents.map((agent) => ({
      name: agent.name,
      weight: String(agent.weight),
      shifts: agent.shifts.map((shift) => ({ ...shift })),
    })),
  };
}

/** What identifies the version the lead publishes: the team, its next version and when. */
export interface Issue {
  teamId: string;
  version: number;
  issuedAt: number;
}

/** A field's place in the form, as an error names it: "shop", "agents.1.name", "agents.0.shifts.2". */
export type FieldErrors = Record<string, MessageKey>;

/** Each rule's words (literal keys: test/unit/lib/i18n checks each is used). */
function ruleKey(rule: RosterRule): MessageKey {
  switch (rule) {
    case "shop":
      return "team.error.shop";
    case "lease":
      return "team.error.lease";
    case "agents-count":
      return "team.error.agentsCount";
    case "name":
      return "team.error.name";
    case "name-taken":
      return "team.error.nameTaken";
    case "weight":
      return "team.error.weight";
    case "shifts-count":
      return "team.error.shiftsCount";
    case "shift":
      return "team.error.shift";
    // The form cannot make these; should one ever arise, the whole roster is said to be wrong.
    case "shape":
    case "team-id":
    case "version":
    case "issued-at":
      return "team.error.invalid";
  }
}

/** A number typed in a field ("1.5", " 2 "); anything else is NaN, which every rule refuses. */
const numberOf = (text: string) =>
  /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;

/** The roster the form makes, or each field's error. */
export function rosterOfDraft(
  draft: RosterDraft,
  issue: Issue,
): { roster: Roster } | { errors: FieldErrors } {
  const candidate = {
    teamId: issue.teamId,
    shop: draft.shop.trim(),
    version: issue.version,
    issuedAt: issue.issuedAt,
    leaseMinutes: numberOf(draft.leaseMinutes),
    agents: draft.agents.map((agent) => ({
      name: agent.name.trim(),
      weight: numberOf(agent.weight),
      shifts: agent.shifts.map((shift) => ({
        from: shift.from.trim(),
        to: shift.to.trim(),
      })),
    })),
  };
  const problems = rosterProblems(candidate);
  if (problems.length === 0) return { roster: candidate as Roster };
  const errors: FieldErrors = {};
  for (const { path, rule } of problems) {
    const at = path.join(".") || "roster";
    errors[at] ??= ruleKey(rule);
  }
  return { errors };
}

/** The bounds each error's words name. */
export const LIMIT_VARS = {
  max: ROSTER_LIMITS.agents,
  nameMax: ROSTER_LIMITS.nameLength,
  shopMax: ROSTER_LIMITS.shopLength,
  shiftsMax: ROSTER_LIMITS.shiftsPerAgent,
  minWeight: ROSTER_LIMITS.minWeight,
  maxWeight: ROSTER_LIMITS.maxWeight,
  minLease: ROSTER_LIMITS.minLeaseMinutes,
  maxLease: ROSTER_LIMITS.maxLeaseMinutes,
};

/** A fresh team's id (chosen once, when the lead first publishes): tells its codes from others'. */
export function newTeamId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return `team-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
