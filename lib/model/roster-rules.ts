import { isClockTime } from "@/lib/model/clock-time";
import { ROSTER_LIMITS, type Roster } from "@/lib/model/team";

/*
 * What a team roster must be (issue 17), as plain rules with no zod: the stored `teamRoster`
 * setting is checked where the popup reads it (lib/db/setting-values.ts ships without zod), and
 * the code, the file and the options form (lib/schemas/roster.ts) report these same rules, each
 * at its field, so the three can never disagree.
 */

/** Which rule a roster breaks; the options page words each one. */
export type RosterRule =
  | "shape"
  | "team-id"
  | "shop"
  | "version"
  | "issued-at"
  | "lease"
  | "agents-count"
  | "name"
  | "name-taken"
  | "weight"
  | "shifts-count"
  | "shift";

export interface RosterProblem {
  /** Where: ["agents", 2, "shifts", 0] is the third agent's first shift. */
  path: (string | number)[];
  rule: RosterRule;
}

/** A roster's id: letters, digits, "-" and "_", as the options page makes one. */
const TEAM_ID = /^[A-Za-z0-9_-]{8,64}$/;

const ROSTER_KEYS = [
  "teamId",
  "shop",
  "version",
  "issuedAt",
  "leaseMinutes",
  "agents",
].sort();
const AGENT_KEYS = ["name", "shifts", "weight"];
const SHIFT_KEYS = ["from", "to"];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Exactly these keys: a field this version does not know is refused, not carried along unseen. */
const hasKeys = (v: Record<string, unknown>, keys: readonly string[]) => {
  const own = Object.keys(v).sort();
  return own.length === keys.length && own.every((k, i) => k === keys[i]);
};

/** Trimmed text of 1..max characters (a nickname as agentName holds it). */
const isName = (v: unknown, max: number): v is string =>
  typeof v === "string" &&
  v.length >= 1 &&
  [...v].length <= max &&
  v.trim() === v;

function shiftProblems(shifts: unknown, at: number): RosterProblem[] {
  const path = ["agents", at, "shifts"];
  if (!Array.isArray(shifts)) return [{ path, rule: "shape" }];
  const problems: RosterProblem[] =
    shifts.length > ROSTER_LIMITS.shiftsPerAgent
      ? [{ path, rule: "shifts-count" }]
      : [];
  shifts.forEach((shift: unknown, i) => {
    // A shift from a time to the same time is no shift at all (nor "always": that is no shifts).
    if (
      !isRecord(shift) ||
      !hasKeys(shift, SHIFT_KEYS) ||
      !isClockTime(shift.from) ||
      !isClockTime(shift.to) ||
      shift.from === shift.to
    )
      problems.push({ path: [...path, i], rule: "shift" });
  });
  return problems;
}

function agentProblems(agents: unknown): RosterProblem[] {
  if (!Array.isArray(agents)) return [{ path: ["agents"], rule: "shape" }];
  const problems: RosterProblem[] =
    agents.length < 1 || agents.length > ROSTER_LIMITS.agents
      ? [{ path: ["agents"], rule: "agents-count" }]
      : [];
  const seen = new Set<string>();
  agents.forEach((agent: unknown, i) => {
    if (!isRecord(agent) || !hasKeys(agent, AGENT_KEYS)) {
      problems.push({ path: ["agents", i], rule: "shape" });
      return;
    }
    if (!isName(agent.name, ROSTER_LIMITS.nameLength))
      problems.push({ path: ["agents", i, "name"], rule: "name" });
    else if (seen.has(agent.name))
      problems.push({ path: ["agents", i, "name"], rule: "name-taken" });
    else seen.add(agent.name);
    const weight = agent.weight;
    if (
      typeof weight !== "number" ||
      !Number.isFinite(weight) ||
      weight < ROSTER_LIMITS.minWeight ||
      weight > ROSTER_LIMITS.maxWeight
    )
      problems.push({ path: ["agents", i, "weight"], rule: "weight" });
    problems.push(...shiftProblems(agent.shifts, i));
  });
  return problems;
}

/** Every rule a value breaks as a roster, each at its field; none for a valid roster. */
export function rosterProblems(value: unknown): RosterProblem[] {
  if (!isRecord(value) || !hasKeys(value, ROSTER_KEYS))
    return [{ path: [], rule: "shape" }];
  const problems: RosterProblem[] = [];
  if (typeof value.teamId !== "string" || !TEAM_ID.test(value.teamId))
    problems.push({ path: ["teamId"], rule: "team-id" });
  if (!isName(value.shop, ROSTER_LIMITS.shopLength))
    problems.push({ path: ["shop"], rule: "shop" });
  if (!Number.isSafeInteger(value.version) || (value.version as number) < 1)
    problems.push({ path: ["version"], rule: "version" });
  if (!Number.isSafeInteger(value.issuedAt) || (value.issuedAt as number) < 1)
    problems.push({ path: ["issuedAt"], rule: "issued-at" });
  const lease = value.leaseMinutes;
  if (
    !Number.isInteger(lease) ||
    (lease as number) < ROSTER_LIMITS.minLeaseMinutes ||
    (lease as number) > ROSTER_LIMITS.maxLeaseMinutes
  )
    problems.push({ path: ["leaseMinutes"], rule: "lease" });
  problems.push(...agentProblems(value.agents));
  return problems;
}

export function isRoster(value: unknown): value is Roster {
  return rosterProblems(value).length === 0;
}
