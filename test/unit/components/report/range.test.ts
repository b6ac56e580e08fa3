import { describe, expect, it } from "vitest";
import { periodOf, type RangeChoice } from "@/components/report/range";

/** 7 December 2026, 15:30 local time. */
const NOW = new Date(2026, 11, 7, 15, 30).getTime();
const day = (d: number, m = 11) => new Date(2026, m, d).getTime();
const choice = (
  id: RangeChoice["id"],
  fromDay = "",
  toDay = "",
): RangeChoice => ({ id, fromDay, toDay });

describe("the report's ranges as periods of whole local days", () => {
  it.each([
    ["today", day(7), day(8)],
    ["yesterday", day(6), day(7)],
    ["7d", day(1), day(8)],
    ["30d", day(8, 10), day(8)],
  ] as const)("%s", (id, from, to) => {
    expect(periodOf(choice(id), NOW)).toEqual({ from, to });
  });

  it("a chosen range runs from its first day's midnight to the midnight after its last", () => {
    expect(periodOf(choice("custom", "2026-11-20", "2026-11-22"), NOW)).toEqual(
      { from: day(20, 10), to: day(23, 10) },
    );
    // Days given the wrong way round are read in order; one day is one day.
    expect(periodOf(choice("custom", "2026-11-22", "2026-11-20"), NOW)).toEqual(
      { from: day(20, 10), to: day(23, 10) },
    );
    expect(periodOf(choice("custom", "2026-11-20", "2026-11-20"), NOW)).toEqual(
      { from: day(20, 10), to: day(21, 10) },
    );
  });

  it("a chosen range with a field left empty ends (or starts) today", () => {
    expect(periodOf(choice("custom", "2026-12-05", ""), NOW)).toEqual({
      from: day(5),
      to: day(8),
    });
  });

  it("a chosen range longer than a year keeps its last 366 days", () => {
    const period = periodOf(choice("custom", "2020-01-01", "2026-12-07"), NOW);
    expect(period.to).toBe(day(8));
    expect(Math.round((period.to - period.from) / 86_400_000)).toBe(366);
  });
});
