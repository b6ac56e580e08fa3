import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextNudge, type NudgeProgress } from "@/lib/engine/next";
import { planOrder, stepGapMs, type PlanOrder } from "@/lib/engine/plan";
import {
  DEFAULT_ENGINE_SETTINGS,
  type EngineSettings,
} from "@/lib/engine/settings";
import type { DayWindow, PlannedStep } from "@/lib/model/steps";
import { allowedAt, inAnyWindow, promotionAt } from "@/lib/engine/windows";

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
