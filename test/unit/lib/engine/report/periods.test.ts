import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  dayStarts,
  previousPeriod,
  reportPeriod,
} from "@/lib/engine/report/periods";
import type { ReportRangeId } from "@/lib/model/report";
import {
  DAY,
  HOUR,
  MIN,
  figuresOf,
  loggedNudge,
  paidOrder,
  storedOrder,
} from "@/test/support/report-rows";

/*
 * The report's periods are whole local days, whatever the hour it is read at, in zones with and
 * without clock changes; and the figures of a period depend on the stored rows alone, never on the
 * hour the report is computed.
 */

const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const ZONES = [
  "Asia/Shanghai",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
];
const RANGES = ["today", "yesterday", "7d", "30d"] as const;
const DAYS: Record<(typeof RANGES)[number], number> = {
  today: 1,
  yesterday: 1,
  "7d": 7,
  "30d": 30,
};

const isMidnight = (t: number) => {
  const d = new Date(t);
  return (
    d.getHours() === 0 &&
    d.getMinutes() === 0 &&
    d.getSeconds() === 0 &&
    d.getMilliseconds() === 0
  );
};
const localDate = (t: number) => {
  const d = new Date(t);
  return [d.getFullYear(), d.getMonth(), d.getDate()];
};

describe("the ranges' bounds", () => {
  it.each([
    ["today", [23, 24]],
    ["yesterday", [22, 23]],
    ["7d", [17, 24]],
    ["30d", [25 - 31, 24]],
  ] as const)("%s at 15:00 on 23 November", (range, [first, end]) => {
    process.env.TZ = "Asia/Shanghai";
    const now = new Date(2026, 10, 23, 15, 0).getTime();
    expect(reportPeriod(range, now)).toEqual({
      from: new Date(2026, 10, first).getTime(),
      to: new Date(2026, 10, end).getTime(),
    });
  });

  it("a chosen range runs from its first day's midnight to the one after its last, days in either order", () => {
    process.env.TZ = "Asia/Shanghai";
    const now = new Date(2026, 10, 23, 15, 0).getTime();
    const first = new Date(2026, 10, 3, 18, 30).getTime();
    const last = new Date(2026, 10, 5, 9, 0).getTime();
    const want = {
      from: new Date(2026, 10, 3).getTime(),
      to: new Date(2026, 10, 6).getTime(),
    };
    expect(reportPeriod("custom", now, { first, last })).toEqual(want);
    expect(reportPeriod("custom", now, { first: last, last: first })).toEqual(
      want,
    );
    expect(previousPeriod(want)).toEqual({
      from: new Date(2026, 9, 31).getTime(),
      to: want.from,
    });
  });

  it.each(ZONES)(
    "are whole local days at every hour of every day, clock changes included (%s)",
    (zone) => {
      process.env.TZ = zone;
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 365 }),
          fc.integer({ min: 0, max: 24 * 60 - 1 }),
          fc.constantFrom(...RANGES),
          (dayOffset, minute, range) => {
            const start = new Date(2026, 0, 1 + dayOffset).getTime();
            const now = start + minute * MIN;
            // A day of 23 hours has fewer minutes: stay inside the day.
            if (!(now < new Date(2026, 0, 2 + dayOffset).getTime())) return;
            const period = reportPeriod(range, now);
            const days = dayStarts(period);
            expect(days).toHaveLength(DAYS[range]);
            expect(days.every(isMidnight)).toBe(true);
            expect(days[0]).toBe(period.from);
            expect(isMidnight(period.to)).toBe(true);
            const end = range === "yesterday" ? start - 1 : now;
            expect(localDate(period.to - 1)).toEqual(localDate(end));
            const previous = previousPeriod(period);
            expect(previous.to).toBe(period.from);
            expect(dayStarts(previous)).toHaveLength(DAYS[range]);
            expect(isMidnight(previous.from)).toBe(true);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it.each(ZONES)(
    "today's period holds the moment at each of the day's hours (%s)",
    (zone) => {
      process.env.TZ = zone;
      // New York's and London's clock changes, and an ordinary day.
      for (const date of [
        "2026-03-08",
        "2026-03-29",
        "2026-11-01",
        "2026-11-23",
      ]) {
        const [y, m, d] = date.split("-").map(Number) as [
          number,
          number,
          number,
        ];
        const midnight = new Date(y, m - 1, d).getTime();
        const next = new Date(y, m - 1, d + 1).getTime();
        for (let at = midnight; at < next; at += HOUR) {
          expect(reportPeriod("today", at)).toEqual({
            from: midnight,
            to: next,
          });
          expect(reportPeriod("yesterday", at).to).toBe(midnight);
        }
      }
    },
  );
});

describe("the figures at any hour", () => {
  const base = new Date(2026, 10, 1).getTime();
  // Rows spread over 40 days: orders seen, nudged, paid at arbitrary moments.
  const rowsArb = fc.array(
    fc.record({
      seen: fc.integer({ min: 0, max: 40 * 24 }),
      nudges: fc.array(fc.integer({ min: 0, max: 96 }), { maxLength: 3 }),
      paidAfter: fc.option(fc.integer({ min: 0, max: 120 }), {
        nil: undefined,
      }),
      reason: fc.constantFrom(undefined, "balance", "comparing"),
    }),
    { maxLength: 25 },
  );

  it.each(["Asia/Shanghai", "America/New_York"])(
    "are the same whenever in the day they are computed (%s)",
    (zone) => {
      process.env.TZ = zone;
      fc.assert(
        fc.property(
          rowsArb,
          fc.integer({ min: 30, max: 42 }),
          fc.integer({ min: 0, max: 23 }),
          fc.integer({ min: 0, max: 23 }),
          fc.constantFrom<ReportRangeId>(...RANGES),
          (rows, day, h1, h2, range) => {
            const orders = rows.map((r, i) => {
              const seen = base + r.seen * HOUR;
              return r.paidAfter === undefined
                ? storedOrder(String(i), seen)
                : paidOrder(String(i), seen, seen + r.paidAfter * HOUR);
            });
            const nudges = rows.flatMap((r, i) =>
              r.nudges.map((h) =>
                loggedNudge(String(i), base + (r.seen + h) * HOUR, {
                  ...(r.reason && { reason: r.reason }),
                }),
              ),
            );
            const midnight = new Date(2026, 10, 1 + day).getTime();
            const at = (h: number) =>
              Math.min(
                midnight + h * HOUR,
                new Date(2026, 10, 2 + day).getTime() - 1,
              );
            const figures = (now: number) =>
              figuresOf(
                orders,
                nudges,
                { attributionHours: 72 },
                reportPeriod(range, now),
              );
            expect(figures(at(h1))).toEqual(figures(at(h2)));
          },
        ),
        { numRuns: 150 },
      );
    },
  );

  it("do not move by themselves between two runs a day apart: yesterday then is the day before today now", () => {
    process.env.TZ = "Asia/Shanghai";
    const noon = new Date(2026, 10, 23, 12).getTime();
    const orders = [paidOrder("1", noon - DAY, noon - DAY + 2 * HOUR)];
    const nudges = [loggedNudge("1", noon - DAY + HOUR)];
    const todayThen = figuresOf(
      orders,
      nudges,
      { attributionHours: 72 },
      reportPeriod("today", noon - DAY),
    );
    const yesterdayNow = figuresOf(
      orders,
      nudges,
      { attributionHours: 72 },
      reportPeriod("yesterday", noon),
    );
    expect(yesterdayNow.current).toEqual(todayThen.current);
    expect(yesterdayNow.current.recovered).toBe(1);
  });
});
