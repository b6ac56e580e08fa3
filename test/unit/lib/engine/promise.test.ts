import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planOrder } from "@/lib/engine/plan";
import { PROMISE_GRACE_MS, promisedMoment } from "@/lib/engine/promise";
import { scheduleOrder, type SchedulableOrder } from "@/lib/engine/schedule";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import { nextMorning } from "@/lib/engine/windows";
import { WHEN_IDS } from "@/lib/templates/outcomes";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY_START = new Date(2026, 10, 23).getTime();
const at = (h: number, m = 0) => new Date(2026, 10, 23, h, m).getTime();
const s = DEFAULT_ENGINE_SETTINGS;

describe("the moment a buyer names", () => {
  it("is that day's noon, afternoon or evening, or the next day's once past", () => {
    expect(promisedMoment("noon", at(1, 3), s)).toBe(at(12));
    expect(promisedMoment("afternoon", at(1, 3), s)).toBe(at(15));
    expect(promisedMoment("evening", at(1, 3), s)).toBe(at(20));
    expect(promisedMoment("noon", at(13), s)).toBe(at(12) + 24 * HOUR);
    expect(promisedMoment("evening", at(20), s)).toBe(at(20) + 24 * HOUR);
  });

  it("is the next morning for tomorrow, the log itself for now, a typed time as is (whole ms)", () => {
    expect(promisedMoment("tomorrow", at(16), s)).toBe(
      nextMorning(at(16), s.morningAt),
    );
    expect(promisedMoment("now", at(16), s)).toBe(at(16));
    expect(promisedMoment(at(14, 30) + 0.4, at(9), s)).toBe(at(14, 30));
    expect(promisedMoment("someday", at(9), s)).toBeUndefined();
  });
});

describe("a time the agent typed", () => {
  it("is that day's time when still ahead, else the next day's", () => {
    expect(promisedMoment("14:30", at(9), s)).toBe(at(14, 30));
    expect(promisedMoment("00:00", at(9), s)).toBe(at(24));
    expect(promisedMoment("23:59", at(23, 58), s)).toBe(at(23, 59));
    expect(promisedMoment("09:15", at(9, 20), s)).toBe(at(9, 15) + 24 * HOUR);
    // The very minute of the log has begun: "after the log" means tomorrow's.
    expect(promisedMoment("09:00", at(9), s)).toBe(at(9) + 24 * HOUR);
    expect(promisedMoment("09:01", at(9) + 59_999, s)).toBe(at(9, 1));
  });

  it("is refused unless it is exactly HH:mm", () => {
    for (const wrong of [
      "9:30",
      "24:00",
      "12:60",
      "14:30:00",
      " 14:30",
      "14:30 ",
      "14.30",
      "1430",
      "",
      "constructor",
      "toString",
    ])
      expect(promisedMoment(wrong, at(9), s), wrong).toBeUndefined();
  });

  it("at every hour of the log, and every typed time: after the log, within 24 h, whole ms", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59_999 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 400 }),
        (logHour, logMinute, logMs, hour, minute, day) => {
          const logAt = DAY_START + day * 24 * HOUR + logHour * HOUR;
          const loggedAt = logAt + logMinute * MIN + logMs;
          const typed = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
          const promised = promisedMoment(typed, loggedAt, s)!;
          expect(promised).toBeGreaterThan(loggedAt);
          // Within 24 h of the clock on the wall: 24 h exactly, but where the machine's zone
          // changes its offset in between (daylight saving), by that change.
          const shift =
            (new Date(promised).getTimezoneOffset() -
              new Date(loggedAt).getTimezoneOffset()) *
            MIN;
          expect(promised).toBeLessThanOrEqual(loggedAt + 24 * HOUR + shift);
          expect(Number.isInteger(promised)).toBe(true);
          const d = new Date(promised);
          // A time a daylight-saving jump skips is read as the clock reads it then.
          if (
            d.getTimezoneOffset() ===
            new Date(promised - HOUR).getTimezoneOffset()
          )
            expect([d.getHours(), d.getMinutes(), d.getSeconds()]).toEqual([
              hour,
              minute,
              0,
            ]);
        },
      ),
      { numRuns: 2000 },
    );
    // And every hour of the log exhaustively, against one typed time either side of it.
    for (let hour = 0; hour < 24; hour++) {
      const logAt = at(hour, 17);
      for (const typed of ["00:00", "08:05", "12:00", "17:45", "23:59"]) {
        const promised = promisedMoment(typed, logAt, s)!;
        expect(promised, `${hour}h ${typed}`).toBeGreaterThan(logAt);
        expect(promised, `${hour}h ${typed}`).toBeLessThanOrEqual(
          logAt + 24 * HOUR,
        );
      }
    }
  });

  it("moves the next nudge to after it plus the grace", () => {
    const promisedAt = promisedMoment("14:30", at(1, 3), s)!;
    const next = scheduleOrder({ ...nightOrder, promisedAt }, at(1, 3), s)!;
    expect(next.at).toBeGreaterThanOrEqual(at(14, 30) + PROMISE_GRACE_MS);
    expect(Number.isInteger(next.at)).toBe(true);
  });
});

/** A Taobao order placed at 00:58, its first nudge logged at 01:03 with the buyer's answer. */
const nightOrder: SchedulableOrder = {
  platform: "taobao",
  status: "unpaid",
  createdAt: at(0, 58),
  firstSeenAt: at(0, 58),
  nudgeCount: 1,
  lastNudgeAt: at(1, 3),
  doneSteps: ["first"],
};

describe("a promise to pay", () => {
  it("moves the next nudge to after the promised noon (was 09:00)", () => {
    const without = scheduleOrder(nightOrder, at(1, 3), s)!;
    expect(without.at).toBeLessThan(at(12));
    const next = scheduleOrder(
      { ...nightOrder, promisedAt: at(12) },
      at(1, 3),
      s,
    )!;
    expect(next.at).toBeGreaterThanOrEqual(at(12) + PROMISE_GRACE_MS);
    expect(Number.isInteger(next.at)).toBe(true);
  });

  it("keeps the final reminder before the deadline when the deadline comes first", () => {
    const order = { ...nightOrder, closesAt: at(11), promisedAt: at(12) };
    const next = scheduleOrder(order, at(1, 3), s)!;
    expect(next).toBeDefined();
    expect(next.step.id).toBe("final");
    expect(next.at).toBeLessThan(at(11));
    expect(next.at).toBeGreaterThanOrEqual(at(1, 3));
    expect(Number.isInteger(next.at)).toBe(true);
  });

  it("at every hour of the log: after the promise plus grace, or the final reminder before the deadline", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.constantFrom(...WHEN_IDS),
        fc.constantFrom("taobao", "pdd", "jd", "douyin") as fc.Arbitrary<
          SchedulableOrder["platform"]
        >,
        fc.integer({ min: 0, max: 30 }),
        (minute, when, platform, sinceOrder) => {
          const logAt = DAY_START + minute * MIN;
          const placed = logAt - sinceOrder * MIN;
          const promisedAt = promisedMoment(when, logAt, s)!;
          const order: SchedulableOrder = {
            platform,
            status: "unpaid",
            createdAt: placed,
            firstSeenAt: placed,
            nudgeCount: 1,
            lastNudgeAt: logAt,
            promisedAt,
          };
          const next = scheduleOrder(order, logAt, s);
          if (!next) return;
          expect(Number.isInteger(next.at)).toBe(true);
          if (next.at >= promisedAt + PROMISE_GRACE_MS) return;
          // The deadline came first: only the plan's last step, still before the deadline.
          const closesAt = placed + s.closeAfterMs[platform]!;
          const plan = planOrder(
            { status: "unpaid", placedAt: placed, closesAt },
            s,
          );
          expect(next.step.id).toBe(plan.at(-1)?.id);
          expect(next.at).toBeLessThan(closesAt);
        },
      ),
      { numRuns: 300 },
    );
  });
});
