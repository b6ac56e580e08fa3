import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { ClockTime } from "@/lib/model/clock-time";
import type { Roster, TeamAgent } from "@/lib/model/team";
import { ownershipOf } from "@/lib/engine/team/ownership";
import { buyerRanking } from "@/lib/engine/team/ranking";
import { agentsOnShift, nextShiftChange } from "@/lib/engine/team/shifts";

/*
 * One owner per buyer at a moment (issue 17): the hash order over the agents on shift, a lease
 * from the memo, and a due nudge left overdue passing along the buyer's order one lease at a time.
 */

const MIN = 60_000;
const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});
// Set before the module's moments are built (describe bodies run when the file is collected).
process.env.TZ = "Asia/Shanghai";

const at = (hh: number, mm = 0, day = 7) =>
  new Date(2026, 11, day, hh, mm).getTime();

const agent = (
  name: string,
  weight: number,
  ...shifts: [string, string][]
): TeamAgent => ({
  name,
  weight,
  shifts: shifts.map(([from, to]) => ({
    from: from as ClockTime,
    to: to as ClockTime,
  })),
});

const team = (agents: TeamAgent[], leaseMinutes = 30): Roster => ({
  teamId: "team-1",
  shop: "小店",
  version: 3,
  issuedAt: 0,
  leaseMinutes,
  agents,
});

// 阿华 09–18, 小美 14–23, 老王 always: at 15:00 all three, the next change at 18:00.
const ROSTER = team([
  agent("阿华", 1, ["09:00", "18:00"]),
  agent("小美", 2, ["14:00", "23:00"]),
  agent("老王", 1),
]);
const BUYERS = Array.from({ length: 5_000 }, (_, i) => `taobao:买家${i}`);

/** A buyer whose hash order at `now` starts with `first`, to make a case plain. */
function buyerRankedFirst(first: string, roster: Roster, now: number): string {
  const on = agentsOnShift(roster, now);
  const buyer = BUYERS.find((b) => buyerRanking(b, on)[0] === first);
  if (buyer === undefined) throw new Error(`no buyer ranks ${first} first`);
  return buyer;
}

describe("an order's owner", () => {
  it("is nobody when nobody is on shift: everyone sees everything", () => {
    const r = team([agent("阿华", 1, ["09:00", "18:00"])]);
    expect(ownershipOf({ buyerKey: "taobao:x" }, r, at(20))).toBeUndefined();
    expect(
      ownershipOf({ buyerKey: "taobao:x", dueSince: at(19) }, r, at(20)),
    ).toBeUndefined();
  });

  it("is the first in the buyer's hash order over the agents on shift, until the next shift change", () => {
    const now = at(15);
    for (const buyerKey of BUYERS.slice(0, 200)) {
      const ranking = buyerRanking(buyerKey, agentsOnShift(ROSTER, now));
      expect(ownershipOf({ buyerKey }, ROSTER, now)).toEqual({
        owner: ranking[0],
        byNote: false,
        takenOver: false,
        until: at(18),
      });
    }
  });

  it("has each roster's own `until` when several are asked at one moment", () => {
    // ownershipOf keeps the last shift change it worked out: by roster and moment, not moment alone.
    const early = team([
      agent("阿华", 1, ["09:00", "16:00"]),
      agent("老王", 1),
    ]);
    const late = team([agent("阿华", 1, ["09:00", "20:00"]), agent("老王", 1)]);
    for (let round = 0; round < 2; round++) {
      expect(ownershipOf({ buyerKey: "jd:1" }, early, at(15))?.until).toBe(
        at(16),
      );
      expect(ownershipOf({ buyerKey: "jd:1" }, late, at(15))?.until).toBe(
        at(20),
      );
      expect(ownershipOf({ buyerKey: "jd:1" }, early, at(15, 30))?.until).toBe(
        at(16),
      );
    }
  });

  it("has no `until` when neither a shift nor a lease can change it", () => {
    const r = team([agent("阿华", 1), agent("小美", 1)]);
    const owned = ownershipOf({ buyerKey: "jd:x" }, r, at(15));
    expect(owned?.owner).toBeDefined();
    expect(owned && "until" in owned).toBe(false);
  });
});

describe("a lease from the memo", () => {
  const now = at(15);

  it("keeps the order with the on-shift agent whose note is in the memo", () => {
    const buyerKey = buyerRankedFirst("老王", ROSTER, now);
    expect(
      ownershipOf(
        { buyerKey, memoNote: { agent: "小美", at: at(14, 30) } },
        ROSTER,
        now,
      ),
    ).toEqual({ owner: "小美", byNote: true, takenOver: false, until: at(18) });
  });

  it("does not hold for an agent off shift or not in the roster", () => {
    const buyerKey = buyerRankedFirst("老王", ROSTER, at(20));
    for (const noter of ["阿华", "路人甲"])
      expect(
        ownershipOf(
          { buyerKey, memoNote: { agent: noter, at: at(12) } },
          ROSTER,
          at(20),
        ),
      ).toEqual({
        owner: "老王",
        byNote: false,
        takenOver: false,
        until: at(23),
      });
  });
});

describe("a due nudge left overdue", () => {
  const now = at(15);
  const buyerKey = BUYERS[7] ?? "";
  const ranking = buyerRanking(buyerKey, agentsOnShift(ROSTER, now));

  it("stays with its owner for a lease, then passes along the buyer's hash order, one agent a lease", () => {
    const owners = [0, 29, 30, 59, 60, 89, 90, 120].map((overdue) =>
      ownershipOf({ buyerKey, dueSince: now - overdue * MIN }, ROSTER, now),
    );
    const [first, second, third] = ranking;
    expect(owners.map((o) => o?.owner)).toEqual([
      first,
      first,
      second,
      second,
      third,
      third,
      first, // round again: nobody is left out for good
      second,
    ]);
    expect(owners.map((o) => o?.takenOver)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      false,
      true,
    ]);
    // Until the lease runs out (before the 18:00 shift change).
    expect(owners.map((o) => o?.until)).toEqual([
      now + 30 * MIN,
      now + 1 * MIN,
      now + 30 * MIN,
      now + 1 * MIN,
      now + 30 * MIN,
      now + 1 * MIN,
      now + 30 * MIN,
      now + 30 * MIN,
    ]);
  });

  it("passes from the agent who holds the lease, then on in hash order without them", () => {
    const noter = ranking[2] ?? "";
    const rest = ranking.filter((name) => name !== noter);
    const owner = (overdue: number) =>
      ownershipOf(
        {
          buyerKey,
          memoNote: { agent: noter, at: at(10) },
          dueSince: now - overdue * MIN,
        },
        ROSTER,
        now,
      );
    expect(owner(10)).toMatchObject({
      owner: noter,
      byNote: true,
      takenOver: false,
    });
    expect(owner(30)).toMatchObject({
      owner: rest[0],
      byNote: true,
      takenOver: true,
    });
    expect(owner(60)).toMatchObject({ owner: rest[1], takenOver: true });
    expect(owner(90)).toMatchObject({ owner: noter, takenOver: false });
  });

  it("gives an agent who takes an overdue order over a whole lease from that moment", () => {
    const taker = ranking[2] ?? "";
    const owner = (takenAgo: number) =>
      ownershipOf(
        {
          buyerKey,
          memoNote: { agent: taker, at: now - takenAgo * MIN },
          dueSince: now - 50 * MIN,
        },
        ROSTER,
        now,
      );
    // Taken 10 minutes ago, 40 minutes into the overdue: the taker's for 20 more minutes.
    expect(owner(10)).toMatchObject({
      owner: taker,
      byNote: true,
      takenOver: false,
      until: now + 20 * MIN,
    });
    // Left overdue a whole lease since the takeover: on to the next in hash order.
    expect(owner(31)).toMatchObject({
      owner: ranking.filter((name) => name !== taker)[0],
      takenOver: true,
    });
  });

  it("never passes with one agent on shift", () => {
    const r = team([
      agent("阿华", 1, ["09:00", "18:00"]),
      agent("夜班", 1, ["22:00", "06:00"]),
    ]);
    for (const overdue of [0, 30, 61, 600])
      expect(
        ownershipOf({ buyerKey, dueSince: now - overdue * MIN }, r, now),
      ).toMatchObject({ owner: "阿华", takenOver: false });
  });

  it("is held until the shift change when that comes before the lease runs out", () => {
    const owned = ownershipOf(
      { buyerKey, dueSince: at(17, 45) - 10 * MIN },
      ROSTER,
      at(17, 45),
    );
    expect(owned?.until).toBe(at(18));
  });

  it("uses the roster's lease", () => {
    const r = { ...ROSTER, leaseMinutes: 10 };
    expect(
      ownershipOf({ buyerKey, dueSince: now - 10 * MIN }, r, now),
    ).toMatchObject({
      owner: ranking[1],
      takenOver: true,
      until: now + 10 * MIN,
    });
  });
});

describe("a shift's end", () => {
  const owners = (now: number) =>
    BUYERS.map((buyerKey) => ownershipOf({ buyerKey }, ROSTER, now)?.owner);

  it("moves only the leaving agent's buyers, and they come back with the agent", () => {
    const before = owners(at(17, 59));
    const after = owners(at(18));
    const nextDay = owners(at(17, 59, 8));
    const moved = BUYERS.filter((_, i) => before[i] !== after[i]);
    expect(moved.length).toBeGreaterThan(0);
    expect(
      BUYERS.filter((_, i) => before[i] !== after[i] && before[i] !== "阿华"),
    ).toEqual([]);
    expect(after).not.toContain("阿华");
    expect(nextDay).toEqual(before);
  });

  it("moves only the buyers of whoever comes or goes, at every change of a random roster's day", () => {
    const shiftArb = fc
      .record({
        from: fc.integer({ min: 0, max: 47 }),
        to: fc.integer({ min: 0, max: 47 }),
      })
      .map(({ from, to }) => {
        const clock = (half: number) =>
          `${String(Math.floor(half / 2)).padStart(2, "0")}:${half % 2 ? "30" : "00"}`;
        return [clock(from), clock(to)] as [string, string];
      });
    const rosterArb = fc
      .array(
        fc.tuple(
          fc.double({ min: 0.5, max: 4, noNaN: true }),
          fc.array(shiftArb, { maxLength: 2 }),
        ),
        { minLength: 2, maxLength: 8 },
      )
      .map((agents) =>
        team(agents.map(([w, shifts], i) => agent(`客服${i}`, w, ...shifts))),
      );
    fc.assert(
      fc.property(rosterArb, (r) => {
        const buyers = BUYERS.slice(0, 200);
        let now = at(0);
        const end = at(0, 0, 8);
        const wrong: string[] = [];
        while (now < end) {
          const next = nextShiftChange(r, now);
          if (next === undefined) break;
          const was = new Set(agentsOnShift(r, now).map((a) => a.name));
          const is = new Set(agentsOnShift(r, next).map((a) => a.name));
          for (const buyerKey of buyers) {
            const a = ownershipOf({ buyerKey }, r, now)?.owner;
            const b = ownershipOf({ buyerKey }, r, next)?.owner;
            // A buyer changes hands only to someone who just came or from someone who just left.
            if (
              a !== b &&
              !(a !== undefined && !is.has(a)) &&
              !(b !== undefined && !was.has(b))
            )
              wrong.push(`${buyerKey}: ${a} → ${b} at ${next}`);
          }
          now = next;
        }
        expect(wrong.slice(0, 5)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
