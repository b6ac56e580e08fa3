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
