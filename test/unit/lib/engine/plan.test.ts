import { describe, expect, it } from "vitest";
import { capFreeFrom, nudgesInWindow } from "@/lib/engine/cap";
import { nextNudge } from "@/lib/engine/next";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import { DEFAULT_ENGINE_SETTINGS as S } from "@/lib/engine/settings";

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();
const steps = (order: PlanOrder, s = S) =>
  planOrder(order, s).map((p) => [p.id, p.channel, p.scenario, p.at]);
const taobao = (
  placedAt: number,
  extra: Partial<PlanOrder> = {},
): PlanOrder => ({
  status: "unpaid",
  placedAt,
  closesAt: placedAt + 72 * HOUR,
  ...extra,
});

describe("the default plan", () => {
  it("silent Taobao order at 12:00: first at 12:30, follow-up at 16:00, final 1 h before the close", () => {
    expect(steps(taobao(at(23, 12)))).toEqual([
      ["first", "chat", "first", at(23, 12, 30)],
      ["follow-up", "sms", "follow-up", at(23, 16)],
      ["final", "sms", "final", at(26, 11)],
    ]);
  });

  it("consulted order: a chat prompt right away instead of the 30-minute one", () => {
    expect(steps(taobao(at(23, 12), { consulted: true }))[0]).toEqual([
      "consulted-now",
      "chat",
      "consulted-now",
      at(23, 12),
    ]);
    expect(
      steps(taobao(at(23, 12), { consulted: true })).map((s) => s[0]),
    ).toEqual(["consulted-now", "follow-up", "final"]);
  });

  it("high-value order (≥ ¥500): a phone step in the next phone window after an hour", () => {
    const plan = steps(taobao(at(23, 12), { amountCents: 59_800 }));
    expect(plan).toContainEqual(["phone", "phone", "phone", at(23, 16)]);
    // The follow-up would collide with the call at 16:00: it goes an hour later.
    expect(plan.map((s) => s[0])).toEqual([
      "first",
      "phone",
      "follow-up",
      "final",
    ]);
    expect(plan.find((s) => s[0] === "follow-up")![3]).toBe(at(23, 17));
    expect(
      steps(taobao(at(23, 12), { amountCents: 49_999 })).map((s) => s[0]),
    ).not.toContain("phone");
  });

  it("moves a step out of quiet hours: an order at 01:45 gets its first nudge at 09:00", () => {
    const plan = steps(taobao(at(23, 1, 45)));
    expect(plan[0]).toEqual(["first", "chat", "first", at(23, 9)]);
    // 05:45 → 09:00 as well would be too close: the follow-up goes an hour later.
    expect(plan[1]).toEqual(["follow-up", "sms", "follow-up", at(23, 10)]);
  });

  it("puts a final nudge that would move past the close before the quiet hours instead", () => {
    // Closes 03:30: the final at 02:30 cannot wait for 09:00; as a chat step it goes at 01:50.
    const order = taobao(at(22, 20), { closesAt: at(23, 3, 30) });
    const chatFinal = {
      ...S,
      steps: S.steps.map((r) =>
        r.id === "final" ? { ...r, channel: "chat" as const } : r,
      ),
    };
    expect(steps(order, chatFinal).at(-1)).toEqual([
      "final",
      "chat",
      "final",
      at(23, 1, 50),
    ]);
    // An SMS final cannot go after 21:00 either: it moves before 21:00.
    expect(steps(order).at(-1)).toEqual([
      "final",
      "sms",
      "final",
      at(22, 20, 50),
    ]);
  });

  it("drops a step that fits nowhere before the close", () => {
    // Placed 02:10, closes 08:00: every moment until the close is quiet.
    expect(
      steps({ status: "unpaid", placedAt: at(23, 2, 10), closesAt: at(23, 8) }),
    ).toEqual([]);
  });

  it("Douyin (closes after 30 min): the order-anchored and final nudges shrink to a third of the window", () => {
    // Issue #13: the 30-min step used to land on the deadline and be dropped.
    expect(
      steps({
        status: "unpaid",
        placedAt: at(23, 12),
        closesAt: at(23, 12, 30),
      }),
    ).toEqual([
      ["first", "chat", "first", at(23, 12, 10)],
      ["final", "sms", "final", at(23, 12, 20)],
    ]);
    const consulted = steps({
      status: "unpaid",
      placedAt: at(23, 12),
      closesAt: at(23, 12, 30),
      consulted: true,
    });
    expect(consulted.map((s) => [s[0], s[3]])).toEqual([
      ["consulted-now", at(23, 12)],
      ["follow-up", at(23, 12, 10)],
      ["final", at(23, 12, 20)],
    ]);
  });

  it("Douyin at 00:49: the SMS final falls back to the chat, open until the deadline (issue #13)", () => {
    expect(
      steps({
        status: "unpaid",
        placedAt: at(23, 0, 49),
        closesAt: at(23, 1, 19),
      }),
    ).toEqual([
      ["first", "chat", "first", at(23, 0, 59)],
      ["final", "chat", "final", at(23, 1, 9)],
    ]);
  });

  it("due times are whole milliseconds in a window not divisible by the shares", () => {
    const placedAt = at(23, 12);
    const plan = planOrder(
      { status: "unpaid", placedAt, closesAt: placedAt + 30 * 60_000 + 1 },
      S,
    );
    expect(plan.length).toBeGreaterThan(0);
    for (const step of plan) expect(Number.isInteger(step.at)).toBe(true);
  });

  it("Shopify (never closes): no final step", () => {
    expect(
      steps({ status: "unpaid", placedAt: at(23, 12) }).map((s) => s[0]),
    ).toEqual(["first", "follow-up"]);
  });

  it("promotion: low-stock and event-ending wording, inside the promotion windows", () => {
    const s = { ...S, promotions: [{ from: "2026-11-10", to: "2026-11-11" }] };
    expect(steps(taobao(at(10, 0, 10)), s).slice(0, 2)).toEqual([
      ["first", "chat", "promo-low-stock", at(10, 0, 40)],
      // 04:10 is outside 00–03/10–12/20–24 (and SMS waits for 08:00): 10:00.
      ["follow-up", "sms", "promo-ending", at(10, 10)],
    ]);
  });

  it("has no steps for paid, closed or other orders", () => {
    for (const status of ["paid", "closed", "other"] as const)
      expect(planOrder({ ...taobao(at(23, 12)), status }, S)).toEqual([]);
  });
});

describe("the next nudge", () => {
  const order = taobao(at(23, 12));
  const plan = planOrder(order, S);
  const next = (now: number, progress = {}, buyer: number[] = []) =>
    nextNudge(order, plan, progress, buyer, S, now);

  it("is the first step, then stays due (overdue) until the follow-up takes over", () => {
    expect(next(at(23, 12))).toMatchObject({
      at: at(23, 12, 30),
      step: { id: "first" },
      replanAt: at(23, 16),
    });
    expect(next(at(23, 15))).toMatchObject({
      at: at(23, 12, 30),
      step: { id: "first" },
    });
    // Issue #13: the SMS follow-up stays due only while SMS is allowed (until 21:00); missed, it
    // moves to the next morning's SMS window instead of saying "nudge now" at night.
    expect(next(at(23, 16, 1))).toMatchObject({
      at: at(23, 16),
      step: { id: "follow-up" },
      replanAt: at(23, 21),
    });
    expect(next(at(23, 21, 30))).toMatchObject({
      at: at(24, 9),
      step: { id: "follow-up" },
      replanAt: at(24, 21),
    });
    expect(next(at(26, 11, 30))).toMatchObject({
      at: at(26, 11),
      step: { id: "final" },
      replanAt: at(26, 12),
    });
    expect(next(at(26, 12))).toBeUndefined();
  });

  it("moves on when a step is done or a nudge was logged after it", () => {
    expect(next(at(23, 12, 40), { doneSteps: ["first"] })).toMatchObject({
      at: at(23, 16),
      step: { id: "follow-up" },
    });
    expect(next(at(23, 12, 40), { lastNudgeAt: at(23, 12, 35) })).toMatchObject(
      { at: at(23, 16) },
    );
    expect(
      next(at(23, 17), { doneSteps: ["first", "follow-up", "final"] }),
    ).toBeUndefined();
  });

  it("keeps an hour after the last nudge", () => {
    expect(next(at(23, 15, 30), { lastNudgeAt: at(23, 15, 30) })).toMatchObject(
      { at: at(23, 16, 30), step: { id: "follow-up" } },
    );
  });

  it("waits for a snooze, out of quiet hours", () => {
    expect(
      next(at(23, 12, 35), { snoozedUntil: at(23, 12, 50) }),
    ).toMatchObject({ at: at(23, 12, 50), step: { id: "first" } });
    // Snoozed until 01:00 tonight: a chat step could go then, but the follow-up is an SMS (08–21, quiet until 09).
    expect(next(at(23, 12, 35), { snoozedUntil: at(24, 1) })).toMatchObject({
      at: at(24, 9),
      step: { id: "follow-up" },
    });
  });

  it("respects the buyer cap across orders: three nudges in 24 h, then wait until the oldest ages out", () => {
    const buyer = [at(23, 10), at(23, 11), at(23, 12, 10)];
    expect(next(at(23, 12, 20), {}, buyer)).toMatchObject({
      at: at(24, 10),
      step: { id: "follow-up" },
    });
    expect(next(at(23, 12, 20), {}, buyer.slice(1))).toMatchObject({
      at: at(23, 12, 30),
    });
  });

  it("gives no nudge once the deadline passes or the cap would only free after it", () => {
    const douyin: PlanOrder = {
      status: "unpaid",
      placedAt: at(23, 12),
      closesAt: at(23, 12, 30),
    };
    const p = planOrder(douyin, S);
    expect(nextNudge(douyin, p, {}, [], S, at(23, 12, 30))).toBeUndefined();
    expect(
      nextNudge(
        douyin,
        p,
        {},
        [at(23, 11), at(23, 11, 30), at(23, 11, 50)],
        S,
        at(23, 12),
      ),
    ).toBeUndefined();
  });
});

describe("the buyer cap", () => {
  const cap = { count: 3, windowMs: 24 * HOUR };
  it.each([
    [[], at(23, 12), at(23, 12)],
    [[at(23, 1), at(23, 2)], at(23, 12), at(23, 12)],
    [[at(23, 1), at(23, 2), at(23, 3)], at(23, 12), at(24, 1)],
    [[at(23, 1), at(23, 2), at(23, 3), at(23, 4)], at(23, 12), at(24, 2)],
    [[at(22, 1), at(23, 2), at(23, 3)], at(23, 12), at(23, 12)],
  ])("nudges %j: the next may go at %i → %i", (nudges, t, expected) => {
    expect(capFreeFrom(t, nudges, cap)).toBe(expected);
    expect(nudgesInWindow(expected, nudges, cap)).toBeLessThan(cap.count);
  });

  it("allows nothing with a cap of zero", () => {
    expect(capFreeFrom(at(23, 12), [], { count: 0, windowMs: HOUR })).toBe(
      Infinity,
    );
  });
});

describe("a step that cannot be placed", () => {
  it("gives way to the next step instead of leaving the order without a nudge", () => {
    // Found by the buyer-cap property: the cap pushes the phone call out of every phone window
    // before the order closes; the final reminder before the close must still be planned.
    const s = {
      ...S,
      quietHours: [{ from: 120, to: 540 }],
      channelWindows: {
        phone: [
          { from: 660, to: 720 },
          { from: 960, to: 1020 },
          { from: 1140, to: 1260 },
        ],
        sms: [{ from: 0, to: 1320 }],
      },
      buyerCap: { count: 1, windowMs: 60 * 60_000 },
      highValueCents: 0,
      minGapMs: 5 * 60_000,
    };
    const order: PlanOrder = {
      status: "unpaid",
      // 19:50 local, odd milliseconds as the property had them; closes 3 h 10 min later.
      placedAt: new Date(2026, 10, 13, 19, 50, 0, 1).getTime(),
      consulted: false,
      closesAt: new Date(2026, 10, 13, 23, 0, 0, 1).getTime(),
      amountCents: 0,
    };
    const plan = planOrder(order, s);
    // Since issue #13 the 4-h follow-up shrinks into the 3 h 10 min window (it used to be dropped).
    expect(plan.map((p) => p.id)).toEqual([
      "first",
      "phone",
      "follow-up",
      "final",
    ]);
    const firstAt = plan[0]!.at;
    const next = nextNudge(
      order,
      plan,
      { lastNudgeAt: firstAt, doneSteps: ["first"] },
      [firstAt],
      s,
      firstAt,
    );
    expect(next?.step.id).toBe("follow-up");
    expect(next?.at).toBe(firstAt + 60 * 60_000);
  });
});
