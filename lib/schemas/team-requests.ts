import { z } from "zod";
import type {
  TeamMeRequest,
  TeamRosterRequest,
} from "@/lib/messaging/team-requests";
import { ROSTER_LIMITS } from "@/lib/model/team";
import { schemaOf } from "@/lib/schemas/schema-of";

/* Checks on the Team section's requests (messaging/team-requests.ts), on arrival. */

/**
 * Any text up to a bound far above a roster file's: a longer code or file is the handler's to refuse
 * as oversized (an answer the page words), not a malformed request.
 */
export const TeamRosterRequestSchema = schemaOf<TeamRosterRequest>()(
  z
    .object({
      text: z.string().max(1_000_000),
      leaveTeam: z.boolean().optional(),
    })
    .strict(),
);

export const TeamMeRequestSchema = schemaOf<TeamMeRequest>()(
  z
    .object({
      name: z
        .string()
        .min(1)
        .max(ROSTER_LIMITS.nameLength * 2)
        .optional(),
    })
    .strict(),
);
