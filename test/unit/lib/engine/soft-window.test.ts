import { describe, expect, it } from "vitest";
import { nextNudge, type NudgeProgress } from "@/lib/engine/next";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import {
  DEFAULT_ENGINE_SETTINGS as S,
  type EngineSettings,
} from "@/lib/engine/settings";
import { inWindow } from "@/lib/engine/windows";

/* 17:00–19:00, the practice's "next worst" time: avoided when a later moment still fits (issue #13). */

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();
const order = (
  placedAt: number,
  closeAfterMs: number | undefined = 72 * HOUR,
): PlanOrder => ({
  status: "unpaid",
  placedAt,
  consulted: false,
  amountCents: 9_900,
  ...(closeAfterMs === undefined ? {} : { closesAt: placedAt + closeAfterMs }),
});
const next = (
  o: PlanOrder,
  now: number,
  s: EngineSettings = S,
  progress: NudgeProgress = {},
) => nextNudge(o, planOrder(o, s), progress, [], s, now);
const OFF: EngineSettings = {
  ...S,
  softWindow: { ...S.softWindow, on: false },
};

describe("the soft window", () => {
  it("is on by default, 17:00–19:00", () => {
    expect(S.softWindow).toEqual({ on: true, from: 17 * 60, to: 19 * 60 });
  });

  it("moves a nudge due at 17:30 to 19:00, and the answer holds until replanAt", () => {
    const o = order(at(23, 17));
    expect(next(o, at(23, 17), OFF)).toMatchObject({
      at: at(23, 17, 30),
      step: { id: "first" },
    });
    const moved = next(o, at(23, 17))!;
    expect(moved).toMatchObject({ at: at(23, 19), step: { id: "first" } });
    expect(moved.replanAt).toBeGreaterThan(at(23, 19));
    // Asked again inside the soft window, at 19:00 or just before replanAt: the same answer.
    expect(next(o, at(23, 18, 59))).toEqual(moved);
    expect(next(o, at(23, 19))).toEqual(moved);
    expect(next(o, moved.replanAt! - 1)).toEqual(moved);
  });

  it("moves a nudge whose moment came inside it: nothing says nudge now at 17:45 when it can wait", () => {
    const o = order(at(23, 17));
    expect(next(o, at(23, 17, 45))).toMatchObject({ at: at(23, 19) });
  });

  it("leaves a nudge in place when the order closes before 19:00", () => {
    // Douyin: 30 minutes to pay, placed 17:20.
    const o = order(at(23, 17, 20), 30 * MIN);
    const stays = next(o, at(23, 17, 20))!;
    expect(stays).toBeDefined();
    expect(stays.at).toBeLessThan(o.closesAt!);
    expect(inWindow(stays.at, S.softWindow)).toBe(true);
    expect(stays).toEqual(next(o, at(23, 17, 20), OFF));
  });

  it("lets a later step take over when the move passes it, still before the deadline", () => {
    // Placed 17:00, closes 19:30: first 17:30, the final (an hour before the close) 18:30.
    const o = order(at(23, 17), 150 * MIN);
    expect(next(o, at(23, 17), OFF)).toMatchObject({ at: at(23, 17, 30) });
    const moved = next(o, at(23, 17))!;
    expect(moved).toMatchObject({ at: at(23, 19), step: { id: "final" } });
    expect(moved.at).toBeLessThan(o.closesAt!);
  });

  it("reaches a later day's allowed moment when the channel is closed after 19:00", () => {
    // SMS only 08:00–18:30: the follow-up due 17:30 goes out the next morning, after the quiet hours.
    const s: EngineSettings = {
      ...S,
      channelWindows: { ...S.channelWindows, sms: [{ from: 480, to: 1110 }] },
    };
    const o = order(at(23, 13, 30));
    expect(next(o, at(23, 17, 30), s, { doneSteps: ["first"] })).toMatchObject({
      at: at(24, 9),
      step: { id: "follow-up", channel: "sms" },
    });
  });

  it("follows the seller's own window", () => {
    const s: EngineSettings = {
      ...S,
      softWindow: { on: true, from: 12 * 60, to: 13 * 60 },
    };
    const o = order(at(23, 12));
    expect(next(o, at(23, 12), s)).toMatchObject({ at: at(23, 13) });
    // 17:00–19:00 is no longer avoided.
    expect(next(order(at(23, 17)), at(23, 17), s)).toMatchObject({
      at: at(23, 17, 30),
    });
  });
});
