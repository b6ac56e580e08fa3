import { describe, expect, it } from "vitest";
import { isRoster, rosterProblems } from "@/lib/model/roster-rules";
import { ROSTER_LIMITS, type Roster } from "@/lib/model/team";
import {
  decodeRosterCode,
  encodeRosterCode,
  MAX_CODE_CHARS,
  readRosterText,
  RosterRefusal,
  rosterFileText,
} from "@/lib/schemas/roster";
import { TEAM as SHARED_TEAM } from "@/test/support/team-roster";

/*
 * The team roster's code and file (issue 17): what the lead publishes reads back the same on every
 * agent's machine, and a damaged, malformed or oversized one is refused with its reason.
 */

// The shared roster, its third agent a Latin and Chinese name of weight 0.5.
const TEAM: Roster = {
  ...SHARED_TEAM,
  agents: [
    ...SHARED_TEAM.agents.slice(0, 2),
    { name: "Lee 李", weight: 0.5, shifts: [] },
  ],
};

function refusal(read: () => unknown): RosterRefusal {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(RosterRefusal);
    return error as RosterRefusal;
  }
  throw new Error("not refused");
}

describe("the roster's text code", () => {
  it("round-trips a roster with Chinese names, shifts past midnight and fractional weights", () => {
    const roster: Roster = {
      ...TEAM,
      agents: [
        ...TEAM.agents,
        {
          name: "夜班·小王",
          weight: 1.5,
          shifts: [{ from: "22:00", to: "06:00" }],
        },
      ],
    };
    const code = encodeRosterCode(roster);
    expect(code).toMatch(/^PN-TEAM1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(decodeRosterCode(code)).toEqual(roster);
  });

  it("reads a code a chat app broke into lines, spaced or padded with zero-width characters", () => {
    const code = encodeRosterCode(TEAM);
    const broken = `  ${code.slice(0, 20)}\n${code.slice(20, 41)}\r\n ${code.slice(41, 60)}\u200b${code.slice(60)}\n`;
    expect(decodeRosterCode(broken)).toEqual(TEAM);
  });

  it("fits the largest roster the limits allow well under the size bound", () => {
    const name = (i: number) =>
      `${"客服".repeat(9)}${String(i).padStart(2, "0")}`;
    const largest: Roster = {
      ...TEAM,
      shop: "店".repeat(ROSTER_LIMITS.shopLength),
      agents: Array.from({ length: ROSTER_LIMITS.agents }, (_, i) => ({
        name: name(i),
        weight: 0.125,
        shifts: Array.from({ length: ROSTER_LIMITS.shiftsPerAgent }, () => ({
          from: "09:30" as const,
          to: "18:45" as const,
        })),
      })),
    };
    const code = encodeRosterCode(largest);
    expect(code.length).toBeLessThan(MAX_CODE_CHARS);
    expect(decodeRosterCode(code)).toEqual(largest);
  });

  it("refuses a code with one character changed as damaged", () => {
    const code = encodeRosterCode(TEAM);
    for (const at of [12, Math.floor(code.length / 2), code.length - 12]) {
      const ch = code[at] === "A" ? "B" : "A";
      const changed = code.slice(0, at) + ch + code.slice(at + 1);
      expect(refusal(() => decodeRosterCode(changed)).kind, `at ${at}`).toBe(
        "damaged",
      );
    }
  });

  it("refuses a truncated code as damaged", () => {
    const code = encodeRosterCode(TEAM);
    for (const length of [5, 9, 30, code.length - 9, code.length - 1])
      expect(
        refusal(() => decodeRosterCode(code.slice(0, length))).kind,
        `${length} of ${code.length}`,
      ).toBe("damaged");
  });

  it("refuses a code whose checksum is wrong as damaged", () => {
    const code = encodeRosterCode(TEAM);
    const wrong = `${code.slice(0, -8)}${"0".repeat(8)}`;
    expect(refusal(() => decodeRosterCode(wrong)).kind).toBe("damaged");
  });

  it("refuses malformed content inside a valid checksum as not a roster", () => {
    // A code written by hand with the right checksum: its payload is all that is wrong.
    const sealed = (json: string) => {
      const payload = btoa(
        String.fromCharCode(...new TextEncoder().encode(json)),
      )
        .replace(/\+/g, "-")
        .replace(/\//g, "_")
        .replace(/=+$/, "");
      return `PN-TEAM1.${payload}.${crcOf(payload)}`;
    };
    // The helper seals as the codec does: a real roster sealed by it reads back.
    expect(decodeRosterCode(sealed(JSON.stringify(compactOf(TEAM))))).toEqual(
      TEAM,
    );
    expect(refusal(() => decodeRosterCode(sealed("{not json"))).kind).toBe(
      "format",
    );
    const error = refusal(() =>
      decodeRosterCode(sealed(JSON.stringify({ ...compactOf(TEAM), l: 1 }))),
    );
    expect(error.kind).toBe("format");
    expect(error.message).toMatch(/leaseMinutes/);
  });

  it("refuses another format's code and text that is no code at all", () => {
    expect(refusal(() => decodeRosterCode("PN-TEAM2.abc.00000000")).kind).toBe(
      "format",
    );
    expect(refusal(() => decodeRosterCode("你好，我是阿华")).kind).toBe(
      "format",
    );
  });

  it("refuses an oversized paste before reading it", () => {
    const code = encodeRosterCode(TEAM);
    const huge = `PN-TEAM1.${"A".repeat(MAX_CODE_CHARS)}.${code.slice(-8)}`;
    expect(refusal(() => decodeRosterCode(huge)).kind).toBe("oversized");
    expect(
      refusal(() => decodeRosterCode(" ".repeat(3 * MAX_CODE_CHARS))).kind,
    ).toBe("oversized");
  });
});

/** The code's compact JSON (lib/schemas/roster.ts), as a code written by hand would hold it. */
const compactOf = (roster: Roster) => ({
  t: roster.teamId,
  s: roster.shop,
  v: roster.version,
  i: roster.issuedAt,
  l: roster.leaseMinutes,
  a: roster.agents.map((a) => [
    a.name,
    a.weight,
    ...a.shifts.map((s) => `${s.from}-${s.to}`),
  ]),
});

/** The codec's CRC-32 of a payload: the IEEE polynomial, written out again here on purpose. */
function crcOf(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i);
    for (let k = 0; k < 8; k++)
      crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}

describe("the roster file", () => {
  it("round-trips, and also holds a code as text", () => {
    expect(readRosterText(rosterFileText(TEAM))).toEqual(TEAM);
    expect(readRosterText(`\ufeff${encodeRosterCode(TEAM)}\n`)).toEqual(TEAM);
  });

  it("refuses a file that is not JSON, of another format or version, or with a bad roster", () => {
    const file = JSON.parse(rosterFileText(TEAM));
    const cases: [string, string][] = [
      ["{ roster", "format"],
      [JSON.stringify({ ...file, format: "paynudge-backup" }), "format"],
      [JSON.stringify({ ...file, version: 2 }), "format"],
      [JSON.stringify({ ...file, extra: 1 }), "format"],
      [
        JSON.stringify({ ...file, roster: { ...TEAM, leaseMinutes: 1 } }),
        "format",
      ],
      [`{"x":"${"a".repeat(5 * MAX_CODE_CHARS)}"}`, "oversized"],
    ];
    for (const [text, kind] of cases)
      expect(refusal(() => readRosterText(text)).kind, text.slice(0, 60)).toBe(
        kind,
      );
  });
});

describe("the roster's rules", () => {
  const withAgents = (agents: unknown[]) => ({ ...TEAM, agents });
  const agent = (extra: Record<string, unknown> = {}) => ({
    name: "阿华",
    weight: 1,
    shifts: [],
    ...extra,
  });

  it("holds every limit, each broken rule reported at its field", () => {
    expect(isRoster(TEAM)).toBe(true);
    const cases: [unknown, (string | number)[], string][] = [
      [{ ...TEAM, version: 0 }, ["version"], "version"],
      [{ ...TEAM, version: 1.5 }, ["version"], "version"],
      [{ ...TEAM, issuedAt: -1 }, ["issuedAt"], "issued-at"],
      [{ ...TEAM, leaseMinutes: 4 }, ["leaseMinutes"], "lease"],
      [{ ...TEAM, leaseMinutes: 24 * 60 + 1 }, ["leaseMinutes"], "lease"],
      [{ ...TEAM, shop: " 店" }, ["shop"], "shop"],
      [{ ...TEAM, shop: "店".repeat(41) }, ["shop"], "shop"],
      [{ ...TEAM, teamId: "x" }, ["teamId"], "team-id"],
      [withAgents([]), ["agents"], "agents-count"],
      [
        withAgents(
          Array.from({ length: 51 }, (_, i) => agent({ name: `a${i}` })),
        ),
        ["agents"],
        "agents-count",
      ],
      [withAgents([agent(), agent()]), ["agents", 1, "name"], "name-taken"],
      [
        withAgents([agent({ name: "名".repeat(21) })]),
        ["agents", 0, "name"],
        "name",
      ],
      [withAgents([agent({ weight: 0 })]), ["agents", 0, "weight"], "weight"],
      [withAgents([agent({ weight: 11 })]), ["agents", 0, "weight"], "weight"],
      [
        withAgents([agent({ shifts: [{ from: "9:00", to: "18:00" }] })]),
        ["agents", 0, "shifts", 0],
        "shift",
      ],
      [
        withAgents([agent({ shifts: [{ from: "09:00", to: "09:00" }] })]),
        ["agents", 0, "shifts", 0],
        "shift",
      ],
      [
        withAgents([
          agent({
            shifts: Array.from({ length: 5 }, () => ({
              from: "09:00",
              to: "10:00",
            })),
          }),
        ]),
        ["agents", 0, "shifts"],
        "shifts-count",
      ],
      [{ ...TEAM, secret: 1 }, [], "shape"],
    ];
    for (const [value, path, rule] of cases) {
      expect(isRoster(value), rule).toBe(false);
      expect(rosterProblems(value), rule).toContainEqual({ path, rule });
    }
  });
});
