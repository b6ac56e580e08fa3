import { z } from "zod";
import { rosterProblems } from "@/lib/model/roster-rules";
import type { Roster, TeamAgent } from "@/lib/model/team";
import { isClockTime, type ClockTime } from "@/lib/model/clock-time";

/*
 * The team roster as it travels (issue 17): a short text code an agent pastes into their own
 * PayNudge, and a file. Both are checked whole before anything is stored; the checks are the plain
 * rules of lib/model/roster-rules.ts (the popup reads the stored roster without zod), reported by
 * zod at their fields.
 *
 * The code: `PN-TEAM1.<payload>.<crc>`: the prefix names the format's version; the payload is the
 * roster's compact JSON as base64url (UTF-8, so Chinese nicknames survive); the CRC-32 of the
 * payload, 8 hex digits, tells a damaged copy from a whole one before anything is read.
 */

/** A roster, every field checked against ROSTER_LIMITS; each broken rule is an issue at its field. */
const RosterSchema = z.unknown().transform((value, ctx) => {
  const problems = rosterProblems(value);
  for (const { path, rule } of problems)
    ctx.addIssue({ code: "custom", message: rule, path });
  return problems.length === 0 ? (value as Roster) : z.NEVER;
});

/** Why a code or a file was refused. */
export type RosterRefusalKind = "damaged" | "format" | "oversized";

export class RosterRefusal extends Error {
  override name = "RosterRefusal";
  constructor(
    readonly kind: RosterRefusalKind,
    message: string,
  ) {
    super(message);
  }
}

const CODE_PREFIX = "PN-TEAM1.";
/** Any PayNudge team code, of this format version or another. */
const ANY_CODE = /^PN-TEAM\d+\./;
/**
 * The longest code read: the largest roster ROSTER_LIMITS allows (50 agents of 20-character
 * Chinese nicknames, 4 shifts each) encodes to about 13 000 characters. Anything longer is refused
 * before it is decoded or parsed.
 */
export const MAX_CODE_CHARS = 16_384;
/** A roster file is the roster's JSON with an envelope: a little more room, same idea. */
const MAX_FILE_CHARS = 4 * MAX_CODE_CHARS;

const ROSTER_FILE_FORMAT = "paynudge-team-roster";
const ROSTER_FILE_VERSION = 1;

// CRC-32 (IEEE), over the payload's characters (base64url: ASCII only).
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++)
    crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary)
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/**
 * The roster in few characters: the same fields under one-letter keys, an agent as
 * [name, weight, "09:00-18:00", …]. Decoded back into a Roster, then checked like any other.
 */
type Compact = {
  t: string;
  s: string;
  v: number;
  i: number;
  l: number;
  a: [string, number, ...string[]][];
};

function compact(roster: Roster): Compact {
  return {
    t: roster.teamId,
    s: roster.shop,
    v: roster.version,
    i: roster.issuedAt,
    l: roster.leaseMinutes,
    a: roster.agents.map((agent) => [
      agent.name,
      agent.weight,
      ...agent.shifts.map((shift) => `${shift.from}-${shift.to}`),
    ]),
  };
}

/** The compact form read back: anything that is not one is handed on as it is, and refused there. */
function expand(data: unknown): unknown {
  const c = data as Partial<Compact> | null;
  if (typeof c !== "object" || c === null || !Array.isArray(c.a)) return data;
  return {
    teamId: c.t,
    shop: c.s,
    version: c.v,
    issuedAt: c.i,
    leaseMinutes: c.l,
    agents: c.a.map((agent: unknown): unknown => {
      if (!Array.isArray(agent)) return agent;
      const [name, weight, ...shifts] = agent as unknown[];
      return {
        name,
        weight,
        shifts: shifts.map((shift) => {
          const [from, to] = typeof shift === "string" ? shift.split("-") : [];
          return isClockTime(from) && isClockTime(to)
            ? { from: from as ClockTime, to: to as ClockTime }
            : shift;
        }),
      } satisfies Record<keyof TeamAgent, unknown>;
    }),
  };
}

/** The roster as its text code; throws for a roster that breaks a rule (it would be refused anyway). */
export function encodeRosterCode(roster: Roster): string {
  const checked = RosterSchema.parse(roster);
  const payload = toBase64Url(
    new TextEncoder().encode(JSON.stringify(compact(checked))),
  );
  return `${CODE_PREFIX}${payload}.${crc32(payload)}`;
}

/** Spaces, line breaks and zero-width characters a chat app puts into a long pasted word. */
const PASTE_NOISE = /[\s\u200b-\u200d\u2060\ufeff]+/g;

/** The roster a code holds; throws a RosterRefusal saying why not. */
export function decodeRosterCode(text: string): Roster {
  // Bounded first: nothing of an oversized paste is looked into.
  if (text.length > 2 * MAX_CODE_CHARS)
    throw new RosterRefusal("oversized", "The code is too long.");
  const code = text.replace(PASTE_NOISE, "");
  if (code.length > MAX_CODE_CHARS)
    throw new RosterRefusal("oversized", "The code is too long.");
  if (!code.startsWith(CODE_PREFIX))
    throw ANY_CODE.test(code)
      ? new RosterRefusal("format", "A team code of another format version.")
      : code.length > 0 && CODE_PREFIX.startsWith(code)
        ? new RosterRefusal("damaged", "The code is cut short.")
        : new RosterRefusal("format", "Not a PayNudge team code.");
  const parts = code.slice(CODE_PREFIX.length).split(".");
  if (
    parts.length !== 2 ||
    !/^[A-Za-z0-9_-]+$/.test(parts[0]!) ||
    !/^[0-9a-f]{8}$/i.test(parts[1]!) ||
    crc32(parts[0]!) !== parts[1]!.toLowerCase()
  )
    throw new RosterRefusal("damaged", "The code's checksum does not match.");
  // The checksum matched: what follows is the writer's content, not a copying accident.
  let data: unknown;
  try {
    data = JSON.parse(
      new TextDecoder("utf-8", { fatal: true }).decode(
        fromBase64Url(parts[0]!),
      ),
    );
  } catch {
    throw new RosterRefusal("format", "The code holds no roster.");
  }
  return checkedRoster(expand(data));
}

function checkedRoster(data: unknown): Roster {
  const parsed = RosterSchema.safeParse(data);
  if (!parsed.success)
    throw new RosterRefusal(
      "format",
      `The roster breaks a rule: ${parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "roster"} ${issue.message}`)
        .join(", ")}`,
    );
  return parsed.data;
}

/** A roster file: the roster's own JSON in an envelope that names it. */
const RosterFileSchema = z
  .object({
    format: z.literal(ROSTER_FILE_FORMAT),
    version: z.number(),
    roster: z.unknown(),
  })
  .strict();

/** The file's text for a roster (the options page's 下载文件). */
export function rosterFileText(roster: Roster): string {
  const file: z.input<typeof RosterFileSchema> = {
    format: ROSTER_FILE_FORMAT,
    version: ROSTER_FILE_VERSION,
    roster: RosterSchema.parse(roster),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * The roster a file's or a paste's text holds: a roster file, or a code (saved into a text file, or
 * pasted as is). Throws a RosterRefusal saying why not.
 */
export function readRosterText(text: string): Roster {
  if (text.length > MAX_FILE_CHARS)
    throw new RosterRefusal("oversized", "The file is too large.");
  const trimmed = text.replace(/^\ufeff/, "").trim();
  if (!trimmed.startsWith("{")) return decodeRosterCode(trimmed);
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    throw new RosterRefusal("format", "The file is not JSON.");
  }
  const file = RosterFileSchema.safeParse(data);
  if (!file.success)
    throw new RosterRefusal("format", "The file is not a PayNudge roster.");
  if (file.data.version !== ROSTER_FILE_VERSION)
    throw new RosterRefusal(
      "format",
      "A roster file of another format version.",
    );
  return checkedRoster(file.data.roster);
}
