import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextNudge, type NudgeProgress } from "@/lib/engine/next";
import { noSlotCause } from "@/lib/engine/no-slot";
import { planOrder, stepGapMs, type PlanOrder } from "@/lib/engine/plan";
import {
  DEFAULT_ENGINE_SETTINGS,
  type EngineSettings,
} from "@/lib/engine/settings";
import type { DayWindow, PlannedStep } from "@/lib/model/steps";
import {
  allowedAt,
  inAnyWindow,
  nextAllowed,
  inWindow,
  promotionAt,
  windowEnd,
} from "@/lib/engine/windows";
import { nudgeState } from "@/lib/model/nudge-state";
import { PLATFORMS } from "@/lib/model/platforms";

const MIN = 60_000;
const HOUR = 60 * MIN;
const BASE = new Date(2026, 10, 1).getTime();

const windowArb: fc.Arbitrary<DayWindow> = fc
  .record({
    from: fc.integer({ min: 0, max: 47 }),
    to: fc.integer({ min: 1, max: 48 }),
  })
  .map(({ from, to }) => ({ from: from * 30, to: to * 30 }));
const isoDay = (offset: number) => {
  const d = new Date(BASE + offset * 24 * HOUR);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

const settingsArb: fc.Arbitrary<EngineSettings> = fc
  .record({
    quietHours: fc.oneof(
      fc.constant(DEFAULT_ENGINE_SETTINGS.quietHours),
      fc.array(windowArb, { maxLength: 2 }),
    ),
    phone: fc.oneof(
      fc.constant(DEFAULT_ENGINE_SETTINGS.channelWindows.phone!),
      fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    ),
    sms: fc.option(fc.array(windowArb, { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
    promo: fc.option(
      fc.record({
        start: fc.integer({ min: 0, max: 20 }),
        days: fc.integer({ min: 0, max: 3 }),
      }),
      { nil: undefined },
    ),
    promoWindows: fc.oneof(
      fc.constant(DEFAULT_ENGINE_SETTINGS.promoWindows),
      fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    ),
    softWindow: fc.oneof(
      fc.constant(DEFAULT_ENGINE_SETTINGS.softWindow),
      fc
        .record({
          on: fc.boolean(),
          from: fc.integer({ min: 0, max: 46 }),
          length: fc.integer({ min: 1, max: 8 }),
        })
        .map(({ on, from, length }) => ({
          on,
          from: from * 30,
          to: Math.min(48, from + length) * 30,
        })),
    ),
    capCount: fc.integer({ min: 1, max: 4 }),
    capHours: fc.integer({ min: 1, max: 48 }),
    minGapMin: fc.integer({ min: 5, max: 180 }),
    highValueCents: fc.integer({ min: 0, max: 100_000 }),
  })
  .map((r) => ({
    ...DEFAULT_ENGINE_SETTINGS,
    quietHours: r.quietHours,
    channelWindows: r.sms ? { phone: r.phone, sms: r.sms } : { phone: r.phone },
    promotions: r.promo
      ? [
          {
            from: isoDay(r.promo.start),
            to: isoDay(r.promo.start + r.promo.days),
          },
        ]
      : [],
    promoWindows: r.promoWindows,
    softWindow: r.softWindow,
    buyerCap: { count: r.capCount, windowMs: r.capHours * HOUR },
    minGapMs: r.minGapMin * MIN,
    highValueCents: r.highValueCents,
  }));

const orderArb: fc.Arbitrary<PlanOrder> = fc
  .record({
    placedAt: fc.integer({ min: BASE, max: BASE + 25 * 24 * HOUR }),
    closeAfterMin: fc.option(fc.integer({ min: 5, max: 96 * 60 }), {
      nil: undefined,
    }),
    amountCents: fc.option(fc.integer({ min: 0, max: 200_000 }), {
      nil: undefined,
    }),
    consulted: fc.boolean(),
  })
  .map((r) => {
    const order: PlanOrder = {
      status: "unpaid",
      placedAt: r.placedAt,
      consulted: r.consulted,
    };
    if (r.closeAfterMin !== undefined)
      order.closesAt = r.placedAt + r.closeAfterMin * MIN;
    if (r.amountCents !== undefined) order.amountCents = r.amountCents;
    return order;
  });

/** What every nudge moment must satisfy, stated from the rules rather than from the engine's code. */
function checkMoment(
  at: number,
  step: PlannedStep,
  order: PlanOrder,
  s: EngineSettings,
) {
  if (promotionAt(at, s.promotions))
    expect(inAnyWindow(at, s.promoWindows)).toBe(true);
  else expect(inAnyWindow(at, s.quietHours)).toBe(false);
  if (step.channel === "phone")
    expect(inAnyWindow(at, s.channelWindows.phone!)).toBe(true);
  if (order.closesAt !== undefined) expect(at).toBeLessThan(order.closesAt);
}

/**
 * A nudge inside the soft window (17:00–19:00) only when no allowed moment for its channel outside
 * any soft window is left before the deadline: the first allowed moment after each soft stretch is
 * inside a later one, until the deadline.
 */
function checkSoft(
  next: { at: number; step: PlannedStep },
  order: PlanOrder,
  s: EngineSettings,
) {
  const soft = s.softWindow;
  if (!soft.on || order.closesAt === undefined) return;
  const limit = order.closesAt - 1;
  let x: number | undefined = next.at;
  while (x !== undefined && inWindow(x, soft))
    x = nextAllowed(windowEnd(x, soft), next.step.channel, s, limit);
  if (x !== next.at) expect(x).toBeUndefined();
}

// PAYNUDGE_FC_RUNS raises the count for a long hunt (e.g. 20000) without slowing the everyday suite.
const RUNS = { numRuns: Number(process.env.PAYNUDGE_FC_RUNS ?? 300) };

describe("engine properties over random orders, times and settings", () => {
  it("plans steps only at allowed moments: no quiet hours, phone in phone windows, none after close, ordered and apart", () => {
    fc.assert(
      fc.property(orderArb, settingsArb, (order, s) => {
        const plan = planOrder(order, s);
        plan.forEach((step, i) => {
          checkMoment(step.at, step, order, s);
          expect(allowedAt(step.at, step.channel, s)).toBe(true);
          expect(step.at).toBeGreaterThanOrEqual(order.placedAt);
          if (i > 0)
            expect(step.at - plan[i - 1]!.at).toBeGreaterThanOrEqual(
              stepGapMs(order, s),
            );
        });
        expect(new Set(plan.map((p) => p.id)).size).toBe(plan.length);
      }),
      RUNS,
    );
  });

  it("is stable when recomputed: the plan never depends on the clock, and the due moment does not drift as time passes", () => {
    fc.assert(
      fc.property(
        orderArb,
        settingsArb,
        fc.integer({ min: -HOUR, max: 100 * HOUR }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: -30 * HOUR, max: 0 }), { maxLength: 4 }),
        (order, s, offset, fraction, nudgeOffsets) => {
          expect(planOrder(order, s)).toEqual(planOrder({ ...order }, s));
          const plan = planOrder(order, s);
          const now = order.placedAt + offset;
          const buyer = nudgeOffsets.map((o) => now + o);
          const first = nextNudge(order, plan, {}, buyer, s, now);
          if (!first) return;
          checkMoment(first.at, first.step, order, s);
          checkSoft(first, order, s);
          // Until the plan itself says it changes, asking again later gives the same answer.
          const until = first.replanAt ?? now + 200 * HOUR;
          const later = now + Math.floor((until - now) * fraction * 0.999);
          expect(
            nextNudge(order, plan, {}, buyer, s, Math.max(now, later)),
          ).toEqual(first);
        },
      ),
      RUNS,
    );
  });

  it("never goes above the buyer cap, and never nudges at a forbidden moment, when an agent follows the plan", () => {
    fc.assert(
      fc.property(
        fc.array(orderArb, { minLength: 1, maxLength: 3 }),
        settingsArb,
        fc.array(fc.constantFrom("act", "snooze", "done", "pay"), {
          minLength: 1,
          maxLength: 12,
        }),
        (orders, s, actions) => {
          const progress: NudgeProgress[] = orders.map(() => ({}));
          const plans = orders.map((o) => planOrder(o, s));
          const paid = orders.map(() => false);
          const nudges: number[] = [];
          let clock = Math.min(...orders.map((o) => o.placedAt));
          for (const action of actions) {
            const due = orders
              .map((o, i) => ({
                i,
                next: paid[i]
                  ? undefined
                  : nextNudge(o, plans[i]!, progress[i]!, nudges, s, clock),
              }))
              .filter((d) => d.next !== undefined)
              .sort((a, b) => a.next!.at - b.next!.at)[0];
            if (!due) break;
            const { i, next } = due as {
              i: number;
              next: NonNullable<typeof due.next>;
            };
            // Processing the earliest due moment first, time never runs backwards.
            expect(next.at).toBeGreaterThanOrEqual(clock);
            clock = next.at;
            const order = orders[i]!;
            checkMoment(clock, next.step, order, s);
            if (action === "act") {
              nudges.push(clock);
              progress[i] = {
                ...progress[i],
                lastNudgeAt: clock,
                doneSteps: [...(progress[i]!.doneSteps ?? []), next.step.id],
              };
              delete progress[i]!.snoozedUntil;
            } else if (action === "snooze") {
              progress[i] = { ...progress[i], snoozedUntil: clock + 15 * MIN };
            } else if (action === "done") {
              progress[i] = {
                ...progress[i],
                doneSteps: [...(progress[i]!.doneSteps ?? []), next.step.id],
              };
            } else {
              paid[i] = true;
              plans[i] = planOrder({ ...order, status: "paid" }, s);
              expect(plans[i]).toEqual([]);
            }
          }
          for (const x of nudges) {
            const inWindow = nudges.filter(
              (y) => y <= x && y > x - s.buyerCap.windowMs,
            ).length;
            expect(inWindow).toBeLessThanOrEqual(s.buyerCap.count);
          }
        },
      ),
      RUNS,
    );
  });
});

/*
 * Issue #13: every open order gets a fitting plan at any hour, or an honest reason. Checked at every
 * hour of the day (not the hour the suite runs) × every platform's default close window × the order
 * segments × promotion on and off, with the defaults the seller starts from.
 */
describe("a plan for every open order, or an honest reason, at every hour", () => {
  const DAY = 24 * HOUR;
  const day = new Date(2026, 10, 23).getTime();
  const segments: { name: string; order: Partial<PlanOrder> }[] = [
    { name: "silent", order: { consulted: false, amountCents: 9_900 } },
    { name: "consulted", order: { consulted: true, amountCents: 9_900 } },
    {
      name: "silent high-value",
      order: { consulted: false, amountCents: 90_000 },
    },
    {
      name: "consulted high-value",
      order: { consulted: true, amountCents: 90_000 },
    },
  ];
  const promo = {
    ...DEFAULT_ENGINE_SETTINGS,
    promotions: [{ from: "2026-11-20", to: "2026-11-30" }],
  };
  const cases = Object.entries(PLATFORMS).flatMap(([platform, p]) =>
    [false, true].flatMap((promotion) =>
      segments.map((segment) => ({
        platform,
        closeAfterMs: p.closeAfterMs,
        promotion,
        segment,
      })),
    ),
  );
  const runs = {
    numRuns: Math.max(
      4,
      Math.round(Number(process.env.PAYNUDGE_FC_RUNS ?? 300) / 75),
    ),
  };

  for (let hour = 0; hour < 24; hour++) {
    it(`orders placed at ${String(hour).padStart(2, "0")}:xx, every platform, segment, with and without a promotion`, () => {
      for (const c of cases) {
        const s = c.promotion ? promo : DEFAULT_ENGINE_SETTINGS;
        fc.assert(
          fc.property(
            fc.integer({ min: 0, max: HOUR - 1 }),
            fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
            (withinHour, fraction) => {
              const placedAt = day + hour * HOUR + withinHour;
              const order: PlanOrder = {
                status: "unpaid",
                placedAt,
                ...c.segment.order,
              };
              if (c.closeAfterMs !== undefined)
                order.closesAt = placedAt + c.closeAfterMs;
              const plan = planOrder(order, s);
              for (const step of plan) {
                expect(Number.isInteger(step.at)).toBe(true);
                expect(allowedAt(step.at, step.channel, s)).toBe(true);
                checkMoment(step.at, step, order, s);
              }
              const span = c.closeAfterMs ?? 3 * DAY;
              const now = placedAt + Math.floor(span * fraction);
              const next = nextNudge(order, plan, {}, [], s, now);
              // A nudge exists exactly when the chat (open whenever nudging is) has a moment left.
              const limit =
                order.closesAt === undefined
                  ? now + 14 * DAY
                  : order.closesAt - 1;
              const room = nextAllowed(now, "chat", s, limit) !== undefined;
              expect(
                next !== undefined,
                `${c.platform} ${c.segment.name}`,
              ).toBe(room);
              if (next) {
                expect(Number.isInteger(next.at)).toBe(true);
                checkMoment(next.at, next.step, order, s);
                expect(allowedAt(next.at, next.step.channel, s)).toBe(true);
                // Soft window on (the default): inside 17–19 only when nothing after it fits.
                checkSoft(next, order, s);
                // "Nudge now" only while that step's channel is allowed.
                if (next.at <= now)
                  expect(allowedAt(now, next.step.channel, s)).toBe(true);
                if (next.replanAt !== undefined)
                  expect(next.replanAt).toBeGreaterThan(now);
              }
              const state = nudgeState(
                {
                  status: "unpaid",
                  nudgeCount: 0,
                  ...(next ? { nextDueAt: next.at } : {}),
                  ...(order.closesAt === undefined
                    ? {}
                    : { deadlineAt: order.closesAt }),
                },
                now,
              );
              if (order.closesAt !== undefined)
                expect(state).not.toBe("expired");
              if (!next) {
                expect(state).toBe("no-slot");
                // And says which: with no nudges logged, only the closed hours keep it out.
                expect(noSlotCause(order, {}, [], s, now)).toBe("quiet-hours");
              }
            },
          ),
          runs,
        );
      }
    });
  }

  it("the Douyin order of 00:49 (issue #13): a chat nudge before the deadline, never 超时未付 with time left", () => {
    const placedAt = new Date(2026, 10, 23, 0, 49).getTime();
    const order: PlanOrder = {
      status: "unpaid",
      placedAt,
      closesAt: placedAt + PLATFORMS.douyin.closeAfterMs,
      consulted: false,
    };
    const plan = planOrder(order, DEFAULT_ENGINE_SETTINGS);
    expect(plan.length).toBeGreaterThan(0);
    const now = placedAt + 14 * MIN;
    const next = nextNudge(order, plan, {}, [], DEFAULT_ENGINE_SETTINGS, now);
    expect(next).toBeDefined();
    expect(next!.at).toBeLessThan(order.closesAt!);
    expect(next!.step.channel).toBe("chat");
  });

  it("at 02:09 a step missed before the quiet hours is not due: it moves to 09:00, before the deadline", () => {
    // Taobao order at 01:00 (closes in 72 h): the first chat step was 01:30, missed.
    const placedAt = new Date(2026, 10, 23, 1, 0).getTime();
    const order: PlanOrder = {
      status: "unpaid",
      placedAt,
      closesAt: placedAt + 72 * HOUR,
      consulted: false,
    };
    const plan = planOrder(order, DEFAULT_ENGINE_SETTINGS);
    const at = (h: number, m = 0) => new Date(2026, 10, 23, h, m).getTime();
    expect(plan[0]).toMatchObject({ id: "first", at: at(1, 30) });
    const before = nextNudge(
      order,
      plan,
      {},
      [],
      DEFAULT_ENGINE_SETTINGS,
      at(1, 45),
    );
    expect(before).toMatchObject({ at: at(1, 30), replanAt: at(2) });
    const inQuiet = nextNudge(
      order,
      plan,
      {},
      [],
      DEFAULT_ENGINE_SETTINGS,
      at(2, 9),
    );
    expect(inQuiet!.at).toBeGreaterThan(at(2, 9));
    expect(
      allowedAt(inQuiet!.at, inQuiet!.step.channel, DEFAULT_ENGINE_SETTINGS),
    ).toBe(true);
    expect(
      nudgeState(
        { status: "unpaid", nudgeCount: 0, nextDueAt: inQuiet!.at },
        at(2, 9),
      ),
    ).toBe("upcoming");
  });
});
