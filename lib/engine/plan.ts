import type { OrderStatus } from "@/lib/model/order";
import type { EngineSettings, StepRule } from "@/lib/engine/settings";
import type { PlannedStep } from "@/lib/model/steps";
import {
  lastAllowedBefore,
  nextAllowed,
  promotionAt,
  SEARCH_HORIZON_MS,
} from "@/lib/engine/windows";

/** What the plan needs to know of an order. */
export interface PlanOrder {
  status: OrderStatus;
  /** When the order was placed (or first seen, when the page hides it). */
  placedAt: number;
  /** The auto-close deadline, when the order has one. */
  closesAt?: number;
  amountCents?: number;
  consulted?: boolean;
}

function applies(rule: StepRule, order: PlanOrder, s: EngineSettings): boolean {
  switch (rule.only) {
    case "consulted":
      return order.consulted === true;
    case "silent":
      return order.consulted !== true;
    case "high-value":
      return (
        order.amountCents !== undefined && order.amountCents >= s.highValueCents
      );
    default:
      return true;
  }
}

/**
 * With a short close window (Douyin: 30 min) the usual "30 min after the order", "1 h before close"
 * and "1 h apart" would not fit at all: each shrinks to a share of the window. Whole milliseconds,
 * so every due time derived from it is one too.
 */
function shrink(ms: number, order: PlanOrder, share: number): number {
  if (order.closesAt === undefined) return ms;
  return Math.min(
    ms,
    Math.max(0, Math.floor((order.closesAt - order.placedAt) * share)),
  );
}

/** The least gap between two steps of this order's plan. */
export function stepGapMs(order: PlanOrder, s: EngineSettings): number {
  return shrink(s.minGapMs, order, 1 / 4);
}

/**
 * The channel a step falls back to when its own is not allowed at any moment before the deadline
 * (an SMS step of a night order on a 30-minute window): the chat, open whenever nudging is. A phone
 * step has none: it is a call on top of the chat and SMS series, and a chat in its place would
 * repeat them.
 */
export function fallbackChannel(
  channel: PlannedStep["channel"],
): PlannedStep["channel"] | undefined {
  return channel === "sms" || channel === "button" ? "chat" : undefined;
}

/**
 * Where a step may go: its planned moment moved forward to the next allowed one; if that is not
 * before the close deadline, moved back before the forbidden stretch (never before `floor`);
 * otherwise nowhere.
 */
function placeStep(
  raw: number,
  channel: PlannedStep["channel"],
  closesAt: number | undefined,
  floor: number,
  s: EngineSettings,
): number | undefined {
  if (closesAt !== undefined && raw >= closesAt) return undefined;
  const limit = closesAt === undefined ? raw + SEARCH_HORIZON_MS : closesAt - 1;
  const forward = nextAllowed(raw, channel, s, limit);
  if (forward !== undefined) return forward;
  if (closesAt === undefined) return undefined;
  return lastAllowedBefore(raw, channel, s, floor);
}

/**
 * The order's plan: its steps at allowed moments, ordered, at least the step gap apart and all
 * before the close deadline. It depends on the order and the settings only, never on the clock,
 * so recomputing it gives the same plan. Paid, closed and other orders have none.
 */
export function planOrder(order: PlanOrder, s: EngineSettings): PlannedStep[] {
  if (order.status !== "unpaid") return [];
  const { placedAt, closesAt } = order;
  const promo = promotionAt(placedAt, s.promotions) !== undefined;

  const candidates: (PlannedStep & { rank: number })[] = [];
  s.steps.forEach((rule, rank) => {
    if (!applies(rule, order, s)) return;
    let raw: number;
    if (rule.anchor === "close") {
      if (closesAt === undefined) return;
      raw = closesAt - shrink(rule.offsetMs, order, 1 / 3);
    } else {
      raw = placedAt + shrink(rule.offsetMs, order, 1 / 3);
    }
    const { scenario, channel } = promo && rule.promo ? rule.promo : rule;
    const at = placeStep(raw, channel, closesAt, placedAt, s);
    if (at !== undefined) {
      candidates.push({ id: rule.id, scenario, channel, at, rank });
      return;
    }
    const fallback = fallbackChannel(channel);
    if (fallback === undefined) return;
    const chatAt = placeStep(raw, fallback, closesAt, placedAt, s);
    if (chatAt !== undefined)
      candidates.push({
        id: rule.id,
        scenario,
        channel: fallback,
        at: chatAt,
        rank,
      });
  });

  const gap = stepGapMs(order, s);
  const queue = candidates.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const kept: typeof candidates = [];
  while (queue.length) {
    const step = queue.shift()!;
    const last = kept[kept.length - 1];
    if (!last || step.at >= last.at + gap) {
      kept.push(step);
      continue;
    }
    // The last step before close recovers best: it wins over an earlier one it collides with.
    const rule = s.steps[step.rank]!;
    if (rule.anchor === "close" && s.steps[last.rank]!.anchor !== "close") {
      kept.pop();
      queue.unshift(step);
      continue;
    }
    // A step pushed past the final reminder is dropped: the final words close the series.
    if (rule.anchor !== "close" && s.steps[last.rank]!.anchor === "close")
      continue;
    let channel = step.channel;
    let later = placeStep(last.at + gap, channel, closesAt, last.at + gap, s);
    const fallback = fallbackChannel(channel);
    if (later === undefined && fallback !== undefined) {
      channel = fallback;
      later = placeStep(last.at + gap, channel, closesAt, last.at + gap, s);
    }
    if (later === undefined) continue;
    queue.push({ ...step, channel, at: later });
    queue.sort((a, b) => a.at - b.at || a.rank - b.rank);
  }
  return kept.map(({ id, scenario, channel, at }) => ({
    id,
    scenario,
    channel,
    at,
  }));
}
