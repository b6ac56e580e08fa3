import type { PayNudgeDB } from "@/lib/db/schema";
import type {
  TeamRemoved,
  TeamRosterReply,
} from "@/lib/messaging/team-requests";
import type { Roster } from "@/lib/model/team";
import { parseRequest } from "@/lib/schemas/requests";
import { readRosterText, RosterRefusal } from "@/lib/schemas/roster";
import { getSetting, setSetting } from "@/lib/schemas/settings";

/*
 * The team roster this agent holds (issue 17), set only from the extension's own pages (routes.ts).
 * Every agent's PayNudge must hold the same roster to compute the same owners, so a roster replaces
 * the held one only when it is a newer version of the same team's; anything else is answered with
 * why, and the held roster stays exactly as it was.
 */

const heldOf = (roster: Roster) => ({
  shop: roster.shop,
  version: roster.version,
});

/** Holds the roster a code or a file carries, or answers why not (nothing written then). */
export async function handleSetTeamRoster(
  db: PayNudgeDB,
  data: unknown,
): Promise<TeamRosterReply> {
  const { text, leaveTeam } = parseRequest("setTeamRoster", data);
  let roster: Roster;
  try {
    roster = readRosterText(text);
  } catch (error) {
    if (error instanceof RosterRefusal) return { answer: error.kind };
    throw error;
  }
  return db.transaction("rw", db.settings, async () => {
    const held = await getSetting(db, "teamRoster");
    const sameTeam = held?.teamId === roster.teamId;
    if (held && !sameTeam && !leaveTeam)
      return { answer: "other-team", held: heldOf(held) };
    if (held && sameTeam && roster.version < held.version)
      return { answer: "older", held: heldOf(held) };
    // Two rosters of one version are one roster: the lead raises the version on every change.
    if (held && sameTeam && roster.version === held.version)
      return { answer: "already-held", held: heldOf(held) };
    await setSetting(db, "teamRoster", roster);
    // The agent's name carries over while the new roster still holds it; else it is theirs to
    // choose again, starting from the nickname they sign notes with when the roster has it.
    const names = roster.agents.map((agent) => agent.name);
    const me = await getSetting(db, "teamMe");
    const agentName = await getSetting(db, "agentName");
    const kept =
      sameTeam && me !== undefined && names.includes(me)
        ? me
        : agentName !== undefined && names.includes(agentName)
          ? agentName
          : undefined;
    if (kept === undefined) await db.settings.delete("teamMe");
    else await setSetting(db, "teamMe", kept);
    return { answer: "stored", held: heldOf(roster) };
  });
}

/** Which name of the held roster is this agent's; a name not on it is refused. */
export async function handleSetTeamMe(
  db: PayNudgeDB,
  data: unknown,
): Promise<void> {
  const { name } = parseRequest("setTeamMe", data);
  await db.transaction("rw", db.settings, async () => {
    if (name === undefined) {
      await db.settings.delete("teamMe");
      return;
    }
    const roster = await getSetting(db, "teamRoster");
    if (!roster?.agents.some((agent) => agent.name === name))
      throw new Error("PayNudge: that name is not on the team roster");
    await setSetting(db, "teamMe", name);
  });
}

/** Back to solo use; answers what was held, so the page can put it back (its undo). */
export async function handleRemoveTeamRoster(
  db: PayNudgeDB,
): Promise<TeamRemoved> {
  return db.transaction("rw", db.settings, async () => {
    const removed: TeamRemoved = {
      roster: await getSetting(db, "teamRoster"),
      me: await getSetting(db, "teamMe"),
    };
    await db.settings.bulkDelete(["teamRoster", "teamMe"]);
    return removed;
  });
}
