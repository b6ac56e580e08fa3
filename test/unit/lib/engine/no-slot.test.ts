import { describe, expect, it } from "vitest";
import { nextNudge } from "@/lib/engine/next";
import { noSlotCause } from "@/lib/engine/no-slot";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import { scheduleNoSlotCause } from "@/lib/engine/schedule";
import { DEFAULT_ENGINE_SETTINGS as S } from "@/lib/engine/settings";

/* Why no nudge fits before the deadline: the quiet hours or the buyer cap (issue #13). */

const MIN = 60_000;
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();
// Douyin: 30 minutes to pay.
const douyin = (placedAt: number): PlanOrder => ({
  status: "unpaid",
  placedAt,
  closesAt: placedAt + 30 * MIN,
  consulted: false,
});

describe("noSlotCause", () => {
  it("quiet hours until the deadline: an order placed at 02:30", () => {
    const o = douyin(at(23, 2, 30));
    expect(nextNudge(o, planOrder(o, S), {}, [], S, at(23, 2, 35))).toBe(
      undefined,
    );
    expect(noSlotCause(o, {}, [], S, at(23, 2, 35))).toBe("quiet-hours");
  });

  it("the buyer cap: three nudges to this buyer in the last 24 h", () => {
    const o = douyin(at(23, 12));
    const buyer = [at(23, 10), at(23, 11), at(23, 11, 50)];
    expect(noSlotCause(o, {}, buyer, S, at(23, 12, 5))).toBe("buyer-cap");
    // A cap of zero allows nothing at all: the cap is the cause as well.
    expect(
      noSlotCause(
        o,
        {},
        [],
        { ...S, buyerCap: { count: 0, windowMs: S.buyerCap.windowMs } },
        at(23, 12, 5),
      ),
    ).toBe("buyer-cap");
  });

  it("none while a nudge is planned, the order is not open, or the deadline has passed", () => {
    const o = douyin(at(23, 12));
    expect(noSlotCause(o, {}, [], S, at(23, 12, 5))).toBeUndefined();
    expect(
      noSlotCause({ ...o, status: "paid" }, {}, [], S, at(23, 2, 35)),
    ).toBeUndefined();
    const night = douyin(at(23, 2, 30));
    expect(noSlotCause(night, {}, [], S, at(23, 3, 1))).toBeUndefined();
  });

  it("none when only the steps running out explain it (every step done)", () => {
    const o = douyin(at(23, 12));
    const all = planOrder(o, S).map((p) => p.id);
    expect(
      noSlotCause(o, { doneSteps: all }, [], S, at(23, 12, 5)),
    ).toBeUndefined();
  });

  it("scheduleNoSlotCause: from a stored order; none for a declined one (its state says so)", () => {
    const stored = {
      platform: "douyin" as const,
      status: "unpaid" as const,
      createdAt: at(23, 2, 30),
      firstSeenAt: at(23, 2, 30),
      nudgeCount: 0,
    };
    expect(scheduleNoSlotCause(stored, at(23, 2, 40), S)).toBe("quiet-hours");
    expect(
      scheduleNoSlotCause(
        { ...stored, declinedAt: at(23, 2, 35) },
        at(23, 2, 40),
        S,
      ),
    ).toBeUndefined();
  });
});
