import { toBackground } from "@/lib/messaging/messengers";
import type { TeamRosterRequest } from "@/lib/messaging/team-requests";

/* What the options page's Team section asks the background, which holds the roster (issue 17). */

/** Holds a roster from its code or file text; answers whether it was stored, or why not. */
export const setTeamRoster = (request: TeamRosterRequest) =>
  toBackground.sendMessage("setTeamRoster", request);

/** Which roster name is this agent's (none: not chosen). */
export const setTeamMe = (name: string | undefined) =>
  toBackground.sendMessage("setTeamMe", name === undefined ? {} : { name });

/** Back to solo use; answers what was held, for the undo. */
export const removeTeamRoster = () =>
  toBackground.sendMessage("removeTeamRoster", undefined);
