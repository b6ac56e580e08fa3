import { describe, expect, it } from "vitest";
import { nextNudge } from "@/lib/engine/next";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import {
  DEFAULT_ENGINE_SETTINGS,
  type EngineSettings,
} from "@/lib/engine/settings";

/*
 * A step pushed past later steps' moments (a call snoozed beyond the evening's phone window) gives
 * way to the first step it passed, not the last: otherwise the answer skips a step, then changes
 * back to it once its moment comes, earlier than the moment it first gave (found by the engine's
 * property test, fast-check seed -1212563024).
 */

const at = (day: number, h: number, m = 0, ms = 0) =>
  new Date(2026, 10, day, h, m, 0, ms).getTime();

const s: EngineSettings = {
  ...DEFAULT_ENGINE_SETTINGS,
  quietHours: [{ from: 690, to: 1200 }],
  channelWindows: {
    phone: [
      { from: 660, to: 720 },
      { from: 960, to: 1020 },
      { from: 1140, to: 1260 },
    ],
    sms: [{ from: 0, to: 30 }],
  },
  promotions: [],
  softWindow: { on: true, from: 1020, to: 1140 },
  buyerCap: { count: 1, windowMs: 7 * 3_600_000 },
  highValueCents: 0,
  minGapMs: 5 * 60_000,
  morningAt: 540,
  promoWindows: [
    { from: 0, to: 180 },
    { from: 600, to: 720 },
    { from: 1200, to: 1440 },
  ],
  steps: [
    {
      id: "first",
      scenario: "first",
      channel: "chat",
      anchor: "order",
      offsetMs: 30 * 60_000,
      only: "silent",
    },
    {
      id: "phone",
      scenario: "phone",
      channel: "phone",
      anchor: "order",
      offsetMs: 3_600_000,
      only: "high-value",
    },
    {
      id: "follow-up",
      scenario: "follow-up",
      channel: "sms",
      anchor: "order",
      offsetMs: 4 * 3_600_000,
    },
    {
      id: "final",
      scenario: "final",
      channel: "sms",
      anchor: "close",
      offsetMs: 3_600_000,
    },
  ],
};

const order: PlanOrder = {
  status: "unpaid",
  placedAt: at(9, 4, 29, 1),
  consulted: false,
  closesAt: at(10, 11, 0, 1),
  amountCents: 0,
};

describe("a step pushed past later ones", () => {
  it("gives way to the first step it passed, and says the same once that step's moment comes", () => {
    const plan = planOrder(order, s);
    const ids = plan.map((step) => step.id);
    expect(ids).toEqual(
      expect.arrayContaining(["phone", "follow-up", "final"]),
    );
    const progress = {
      doneSteps: ["first"],
      lastNudgeAt: at(9, 4, 59, 1),
      // The call is snoozed past the evening's last phone window (19:00–21:00).
      snoozedUntil: at(9, 21),
    };
    const nudges = [at(9, 4, 59, 1)];
    const before = nextNudge(order, plan, progress, nudges, s, at(9, 20, 45));
    const when = nextNudge(order, plan, progress, nudges, s, at(10, 0, 0, 1));
    expect(before?.step.id).toBe("follow-up");
    expect(before?.at).toBe(at(10, 0));
    expect(when?.step.id).toBe(before?.step.id);
    expect(when?.at).toBe(before?.at);
  });
});
