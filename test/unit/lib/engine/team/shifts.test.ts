import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ClockTime } from "@/lib/model/clock-time";
import type { Roster, Shift, TeamAgent } from "@/lib/model/team";
import { agentsOnShift, nextShiftChange } from "@/lib/engine/team/shifts";

/*
 * Who is on shift, and when that next changes, in the browser's local time. Checked against the
 * calendar minute by minute in zones with clock changes (an hour, half an hour; northern and
 * southern) and one without, on their change days and on any day.
 */

const MIN = 60_000;
const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const clock = (minute: number): ClockTime =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}` as ClockTime;

const roster = (agents: TeamAgent[]): Roster => ({
  teamId: "team-1",
  shop: "小店",
  version: 1,
  issuedAt: 0,
  leaseMinutes: 30,
  agents,
});

const agent = (name: string, ...shifts: [string, string][]): TeamAgent => ({
  name,
  weight: 1,
  shifts: shifts.map(([from, to]) => ({
    from: from as ClockTime,
    to: to as ClockTime,
  })),
});

/** The minutes of the day a shift covers, walked one by one from `from` round to `to`. */
function shiftMinutes(shift: Shift): Set<number> {
  const [fh, fm] = shift.from.split(":").map(Number);
  const [th, tm] = shift.to.split(":").map(Number);
  const from = (fh ?? 0) * 60 + (fm ?? 0);
  const to = (th ?? 0) * 60 + (tm ?? 0);
  const minutes = new Set<number>([from]);
  for (let m = (from + 1) % 1440; m !== to; m = (m + 1) % 1440) {
    if (m === from) break; // from === to: the whole day
    minutes.add(m);
  }
  return minutes;
}

/** The crew at each minute of the day (names on shift, joined), from the shifts walked through. */
function crewsByMinute(r: Roster): string[] {
  const covered = r.agents.map((a) => {
    const minutes = new Set<number>();
    for (const shift of a.shifts)
      for (const minute of shiftMinutes(shift)) minutes.add(minute);
    return minutes;
  });
  return Array.from({ length: 1440 }, (_, minute) =>
    r.agents
      .filter((a, i) => a.shifts.length === 0 || covered[i]?.has(minute))
      .map((a) => a.name)
      .join("|"),
  );
}

/** The minute of the day the calendar reads at an instant. */
const calendarMinute = (t: number) => {
  const d = new Date(t);
  return d.getHours() * 60 + d.getMinutes();
};

const names = (agents: TeamAgent[]) => agents.map((a) => a.name).join("|");

const shiftArb = fc
  .record({
    from: fc.integer({ min: 0, max: 1439 }),
    to: fc.integer({ min: 0, max: 1439 }),
  })
  .map(({ from, to }) => ({ from: clock(from), to: clock(to) }));
// Minutes around the hours the clocks change at (00:00–03:00), where mistakes would hide.
const nearChangeArb = fc
  .record({
    from: fc.integer({ min: 0, max: 200 }),
    to: fc.integer({ min: 0, max: 200 }),
  })
  .map(({ from, to }) => ({ from: clock(from), to: clock(to) }));
const rosterArb = fc
  .array(fc.array(fc.oneof(shiftArb, nearChangeArb), { maxLength: 3 }), {
    minLength: 1,
    maxLength: 5,
  })
  .map((shiftLists) =>
    roster(
      shiftLists.map((shifts, i) => ({ name: `a${i}`, weight: 1, shifts })),
    ),
  );

const ZONES = [
  { zone: "America/New_York", changes: ["2026-03-08", "2026-11-01"] },
  { zone: "Europe/London", changes: ["2026-03-29", "2026-10-25"] },
  { zone: "Australia/Lord_Howe", changes: ["2026-04-05", "2026-10-04"] },
  { zone: "Asia/Shanghai", changes: ["2026-11-11"] },
];

describe.each(ZONES)("shifts in $zone", ({ zone, changes }) => {
  beforeEach(() => {
    process.env.TZ = zone;
  });

  it("are the calendar's at every minute of a day, and the next change is the first minute the crew differs", () => {
    const dayArb = fc.oneof(
      fc.constantFrom(...changes),
      fc
        .integer({ min: 0, max: 364 })
        .map((n) =>
          new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10),
        ),
    );
    fc.assert(
      fc.property(
        rosterArb,
        dayArb,
        fc.integer({ min: 0, max: MIN - 1 }),
        (r, day, ms) => {
          const [y, m, d] = day.split("-").map(Number);
          const start = new Date(y ?? 0, (m ?? 1) - 1, d ?? 1).getTime();
          // The crew at every whole minute of the day and the three after it, from the calendar.
          const count = 4 * 1440;
          const byMinute = crewsByMinute(r);
          const crews: string[] = [];
          for (let k = 0; k < count; k++)
            crews.push(byMinute[calendarMinute(start + k * MIN)] ?? "");
          // For each minute, the first later minute whose crew differs (scanning back).
          const nextDiff: (number | undefined)[] = new Array<
            number | undefined
          >(count);
          for (let k = count - 2; k >= 0; k--)
            nextDiff[k] = crews[k + 1] !== crews[k] ? k + 1 : nextDiff[k + 1];
          const everChanges = new Set(byMinute).size > 1;

          const wrong: string[] = [];
          for (let k = 0; k < 1440 + 120; k++) {
            const now = start + k * MIN + ms;
            const on = names(agentsOnShift(r, now));
            if (on !== crews[k]) wrong.push(`on at ${k}: ${on} ≠ ${crews[k]}`);
            const next = nextShiftChange(r, now);
            const diff = nextDiff[k];
            const expected =
              diff === undefined ? undefined : start + diff * MIN;
            if (!everChanges ? next !== undefined : next !== expected)
              wrong.push(`next at ${k}: ${next} ≠ ${expected}`);
          }
          expect(wrong.slice(0, 5)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe("a shift", () => {
  beforeEach(() => {
    process.env.TZ = "Asia/Shanghai";
  });
  const at = (hh: number, mm = 0, day = 7) =>
    new Date(2026, 11, day, hh, mm).getTime();

  it("is half-open: on at its start, off at its end", () => {
    const r = roster([agent("阿华", ["09:00", "18:00"])]);
    expect(names(agentsOnShift(r, at(8, 59)))).toBe("");
    expect(names(agentsOnShift(r, at(9)))).toBe("阿华");
    expect(names(agentsOnShift(r, at(17, 59) + 59_999))).toBe("阿华");
    expect(names(agentsOnShift(r, at(18)))).toBe("");
  });

  it("runs past midnight when it ends before it starts", () => {
    const r = roster([agent("夜班", ["22:00", "06:00"])]);
    expect(names(agentsOnShift(r, at(21, 59)))).toBe("");
    expect(names(agentsOnShift(r, at(22)))).toBe("夜班");
    expect(names(agentsOnShift(r, at(0)))).toBe("夜班");
    expect(names(agentsOnShift(r, at(5, 59)))).toBe("夜班");
    expect(names(agentsOnShift(r, at(6)))).toBe("");
    expect(nextShiftChange(r, at(12))).toBe(at(22));
    expect(nextShiftChange(r, at(23))).toBe(at(6, 0, 8));
  });

  it("covers the whole day when it ends where it starts, and no shifts means always on", () => {
    const r = roster([agent("全天", ["08:00", "08:00"]), agent("随时")]);
    for (let minute = 0; minute < 1440; minute += 7)
      expect(names(agentsOnShift(r, at(0, minute)))).toBe("全天|随时");
    expect(nextShiftChange(r, at(12))).toBeUndefined();
  });

  it("never changes the crew when the shifts tile the day", () => {
    const r = roster([agent("阿华", ["00:00", "12:00"], ["12:00", "00:00"])]);
    expect(nextShiftChange(r, at(11, 59))).toBeUndefined();
  });

  it("changes the crew at the first boundary where someone comes or goes", () => {
    const r = roster([
      agent("阿华", ["09:00", "18:00"]),
      agent("小美", ["14:00", "23:00"]),
    ]);
    expect(nextShiftChange(r, at(8))).toBe(at(9));
    expect(nextShiftChange(r, at(9))).toBe(at(14));
    expect(nextShiftChange(r, at(14, 30) + 1234)).toBe(at(18));
    expect(nextShiftChange(r, at(23))).toBe(at(9, 0, 8));
  });
});

describe("shifts on the days New York's clocks change", () => {
  beforeEach(() => {
    process.env.TZ = "America/New_York";
  });
  const utc = (iso: string) => Date.parse(iso);

  it("start at the wall clock's time on a 23-hour day, not so many hours after midnight", () => {
    const r = roster([agent("Day", ["09:00", "17:00"])]);
    // 2026-03-08: 02:00 EST becomes 03:00 EDT. Midnight is 05:00Z; 09:00 EDT is 13:00Z.
    expect(nextShiftChange(r, utc("2026-03-08T05:00:00Z"))).toBe(
      utc("2026-03-08T13:00:00Z"),
    );
    expect(names(agentsOnShift(r, utc("2026-03-08T13:00:00Z")))).toBe("Day");
    expect(names(agentsOnShift(r, utc("2026-03-08T12:59:00Z")))).toBe("");
  });

  it("end inside the skipped hour at the jump", () => {
    const r = roster([agent("Early", ["01:00", "02:30"])]);
    // 01:30 EST (06:30Z) on; the clock jumps from 01:59 EST to 03:00 EDT (07:00Z), past 02:30.
    expect(names(agentsOnShift(r, utc("2026-03-08T06:30:00Z")))).toBe("Early");
    expect(nextShiftChange(r, utc("2026-03-08T06:30:00Z"))).toBe(
      utc("2026-03-08T07:00:00Z"),
    );
    expect(names(agentsOnShift(r, utc("2026-03-08T07:00:00Z")))).toBe("");
  });

  it("follow the wall clock through the repeated hour on a 25-hour day", () => {
    const r = roster([agent("Night", ["22:00", "01:30"])]);
    // 2026-11-01: 02:00 EDT becomes 01:00 EST, so 01:00–01:59 happens twice.
    const first130 = utc("2026-11-01T05:30:00Z"); // 01:30 EDT
    const back = utc("2026-11-01T06:00:00Z"); // 01:00 EST, the clock read 01:00 again
    const second130 = utc("2026-11-01T06:30:00Z"); // 01:30 EST
    expect(nextShiftChange(r, utc("2026-11-01T04:00:00Z"))).toBe(first130);
    expect(names(agentsOnShift(r, first130))).toBe("");
    expect(nextShiftChange(r, first130)).toBe(back);
    expect(names(agentsOnShift(r, back))).toBe("Night");
    expect(nextShiftChange(r, back)).toBe(second130);
    // Then 22:00 EST, 03:00Z the next day.
    expect(nextShiftChange(r, second130)).toBe(utc("2026-11-02T03:00:00Z"));
  });
});
