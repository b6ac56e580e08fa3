import { z } from "zod";
import type {
  TeamLogImportRequest,
  TeamLogRefusalCode,
} from "@/lib/messaging/team-log-requests";
import { ORDER_STATUSES, PLATFORM_IDS } from "@/lib/model/order";
import { NUDGE_CHANNELS } from "@/lib/model/steps";
import {
  TEAM_LOG_FORMAT,
  TEAM_LOG_MAX_BYTES,
  TEAM_LOG_MAX_NUDGES,
  TEAM_LOG_VERSION,
  type TeamLogFile,
  type TeamLogNudge,
  type TeamLogOrder,
} from "@/lib/model/team-log";
import { epochMs, OrderSnapshotSchema } from "@/lib/schemas/order";
import { payWhenText } from "@/lib/schemas/pay-when";
import { schemaOf } from "@/lib/schemas/schema-of";
import { OUTCOME_IDS, REASON_IDS } from "@/lib/templates/outcomes";

/*
 * A colleague's team log file (lib/model/team-log.ts) checked whole before anything of it is
 * stored: one bad row refuses the file, so a merge never stores half of a file and leaves the
 * seller to guess which half. Fields are bounded as the stored rows are (stored-rows.ts), unknown
 * fields refused: a file PayNudge did not write is not trusted to mean what its fields say.
 */

export class TeamLogError extends Error {
  constructor(
    readonly code: TeamLogRefusalCode,
    detail: string,
    /** 1-based, as a seller counts rows. */
    readonly row?: number,
  ) {
    super(detail);
    this.name = "TeamLogError";
  }
}

const agent = z.string().min(1).max(60);
const teamId = z.string().min(1).max(100);

const TeamLogOrderSchema = schemaOf<TeamLogOrder>()(
  z
    .object({
      status: z.enum(ORDER_STATUSES),
      amountCents: OrderSnapshotSchema.shape.amountCents,
      currency: OrderSnapshotSchema.shape.currency,
      shopName: z.string().min(1).max(200).optional(),
      unpaidSeenAt: epochMs.optional(),
      paidSeenAt: epochMs.optional(),
      paidAt: epochMs.optional(),
    })
    .strict(),
);

const TeamLogNudgeSchema = schemaOf<TeamLogNudge>()(
  z
    .object({
      platform: z.enum(PLATFORM_IDS),
      orderId: OrderSnapshotSchema.shape.orderId,
      at: epochMs,
      channel: z.enum(NUDGE_CHANNELS),
      step: z.string().min(1).max(40).optional(),
      templateId: z.string().min(1).max(80).optional(),
      agent: agent.optional(),
      outcome: z.enum(OUTCOME_IDS).optional(),
      reason: z.enum(REASON_IDS).optional(),
      when: payWhenText.optional(),
      order: TeamLogOrderSchema.optional(),
    })
    .strict(),
);

/** The envelope: its rows are checked one by one after it, so a refusal can name the row. */
const EnvelopeSchema = z
  .object({
    format: z.literal(TEAM_LOG_FORMAT),
    version: z.number().int().min(1),
    agent,
    teamId: teamId.optional(),
    exportedAt: epochMs,
    range: z.object({ from: epochMs, to: epochMs }).strict().optional(),
    nudges: z.array(z.unknown()),
  })
  .strict();

/**
 * A team log file's text checked whole: the file's size, JSON, format and version, every row, and
 * its team against the roster held (`heldTeamId`; a file or a machine without a roster says
 * nothing of its team, so only two different ids refuse). Throws a TeamLogError naming the first
 * problem.
 */
export function parseTeamLog(text: string, heldTeamId?: string): TeamLogFile {
  // Characters, not bytes: a Chinese text is up to 3 bytes a character, so this bound is looser
  // than the page's, which reads the file's size before reading it (ReportApp).
  if (text.length > TEAM_LOG_MAX_BYTES)
    throw new TeamLogError("too-large", `${text.length} characters`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new TeamLogError("not-json", "The file is not JSON.");
  }
  const envelope = EnvelopeSchema.safeParse(data);
  if (!envelope.success)
    throw new TeamLogError(
      "not-team-log",
      `Not a PayNudge team log: ${envelope.error.message}`,
    );
  const file = envelope.data;
  if (file.version > TEAM_LOG_VERSION)
    throw new TeamLogError("newer-version", `format ${file.version}`);
  if (file.nudges.length > TEAM_LOG_MAX_NUDGES)
    throw new TeamLogError("too-large", `${file.nudges.length} nudges`);
  if (
    heldTeamId !== undefined &&
    file.teamId !== undefined &&
    file.teamId !== heldTeamId
  )
    throw new TeamLogError("foreign-team", `team ${file.teamId}`);
  const nudges = file.nudges.map((row, i) => {
    const result = TeamLogNudgeSchema.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new TeamLogError(
        "bad-row",
        `row ${i + 1}: ${issue?.path.join(".") || "row"} ${issue?.message ?? "is invalid"}`,
        i + 1,
      );
    }
    return result.data;
  });
  const { teamId: id, range, ...rest } = file;
  return {
    ...rest,
    format: TEAM_LOG_FORMAT,
    ...(id === undefined ? {} : { teamId: id }),
    ...(range === undefined ? {} : { range }),
    nudges,
  };
}

/** The report page's request: the file's name and text, bounded as the file is. */
export const TeamLogImportSchema = schemaOf<TeamLogImportRequest>()(
  z
    .object({
      name: z.string().max(500),
      text: z.string().max(TEAM_LOG_MAX_BYTES),
    })
    .strict(),
);
