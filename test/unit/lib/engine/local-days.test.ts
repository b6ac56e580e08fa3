import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  inWindow,
  nextMorning,
  windowEnd,
  withLocalDays,
} from "@/lib/engine/windows";

/*
 * Local times of day are read as offsets from a kept midnight on days of 24 hours, and from the
 * calendar on days with a clock change. Checked against the calendar itself in zones with clock
 * changes (an hour, half an hour; northern and southern), across their change days.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

/** Minutes since local midnight, from the calendar. */
const calendarMinute = (t: number) => {
  const d = new Date(t);
  return (
    d.getHours() * 60 +
    d.getMinutes() +
    d.getSeconds() / 60 +
    d.getMilliseconds() / 60_000
  );
};
const calendarAt = (t: number, days: number, minutes: number) => {
  const d = new Date(t);
  return new Date(
    d.getFullYear(),
    d.getMonth(),
    d.getDate() + days,
    0,
    minutes,
  ).getTime();
};

const ZONES = [
  { zone: "America/New_York", changes: ["2026-03-08", "2026-11-01"] },
  { zone: "Europe/London", changes: ["2026-03-29", "2026-10-25"] },
  { zone: "Australia/Lord_Howe", changes: ["2026-04-05", "2026-10-04"] },
  { zone: "Asia/Shanghai", changes: ["2026-11-11"] },
];

const window = fc
  .record({
    from: fc.integer({ min: 0, max: 1439 }),
    to: fc.integer({ min: 1, max: 1440 }),
  })
  .filter((w) => w.from !== w.to);

describe.each(ZONES)("local times of day in $zone", ({ zone, changes }) => {
  it("are the calendar's, on the days of a clock change and around them", () => {
    process.env.TZ = zone;
    const moments = changes.map((date) =>
      new Date(`${date}T12:00:00Z`).getTime(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...moments),
        fc.array(fc.integer({ min: -50 * HOUR, max: 50 * HOUR }), {
          minLength: 1,
          maxLength: 12,
        }),
        window,
        fc.integer({ min: 0, max: 23 * 60 }),
        (around, offsets, w, morningAt) =>
          // Several moments in one planning: the days kept serve the later ones.
          withLocalDays(() => {
            for (const offset of offsets) {
              const t = around + offset;
              const m = calendarMinute(t);
              const inside =
                w.from < w.to
                  ? m >= w.from && m < w.to
                  : m >= w.from || m < w.to;
              expect(inWindow(t, w), `inWindow ${new Date(t).toString()}`).toBe(
                inside,
              );
              if (inside)
                expect(windowEnd(t, w)).toBe(
                  calendarAt(t, w.from > w.to && m >= w.from ? 1 : 0, w.to),
                );
              const morning =
                new Date(t).getHours() < 5 && calendarAt(t, 0, morningAt) > t
                  ? calendarAt(t, 0, morningAt)
                  : calendarAt(t, 1, morningAt);
              expect(nextMorning(t, morningAt)).toBe(morning);
            }
          }),
      ),
      { numRuns: 300 },
    );
  });
});
