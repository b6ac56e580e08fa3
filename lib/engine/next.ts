import { capFreeFrom } from "@/lib/engine/cap";
import { fallbackChannel, stepGapMs, type PlanOrder } from "@/lib/engine/plan";
import { PROMISE_GRACE_MS } from "@/lib/engine/promise";
import type { EngineSettings } from "@/lib/engine/settings";
import type { PlannedStep } from "@/lib/model/steps";
import {
  allowedUntil,
  inWindow,
  nextAllowed,
  SEARCH_HORIZON_MS,
  windowEnd,
} from "@/lib/engine/windows";

/** What has happened to an order so far, as stored. */
export interface NudgeProgress {
  /** Steps the agent marked done (or logged a nudge for). */
  doneSteps?: readonly string[];
  /** The order's latest logged nudge. */
  lastNudgeAt?: number;
  snoozedUntil?: number;
  /** When the buyer said they would pay (lib/engine/promise.ts): nothing is planned before it. */
  promisedAt?: number;
}

export interface NextNudge {
  /** When to nudge: possibly in the past (then it is due or overdue). */
  at: number;
  step: PlannedStep;
  /** When the answer changes by the clock alone: a later step takes over, or the order closes. */
  replanAt?: number;
}

/**
 * The next nudge of a planned order (see nextNudgeFrom). The buyer's word moves it: nothing before
 * the moment they said they would pay, plus PROMISE_GRACE_MS. When that leaves no nudge before the
 * close deadline, the final reminder (the plan's last step) still goes out before it.
 */
export function nextNudge(
  order: PlanOrder,
  plan: readonly PlannedStep[],
  progress: NudgeProgress,
  buyerNudges: readonly number[],
  s: EngineSettings,
  now: number,
): NextNudge | undefined {
  const { promisedAt, ...rest } = progress;
  if (promisedAt === undefined)
    return nextNudgeFrom(order, plan, rest, buyerNudges, s, now);
  const waited = nextNudgeFrom(
    order,
    plan,
    rest,
    buyerNudges,
    s,
    now,
    promisedAt + PROMISE_GRACE_MS,
  );
  if (waited) return waited;
  return nextNudgeFrom(order, plan.slice(-1), rest, buyerNudges, s, now);
}

/**
 * The next nudge of a planned order, given what has happened and the buyer's logged nudges (all of
 * their orders). The current step is the latest pending one already reached, else the first one
 * ahead: a missed early step gives way to a later one rather than being sent late with the wrong
 * words. Snooze, the gap after the last nudge and the buyer cap can only push the moment later,
 * and it is then moved into an allowed window again. A moment whose allowed stretch ended unused
 * before `now` moves to the next allowed one, or gives way to a later step. A moment in the soft
 * window moves past it when it can (and a later step it then passes takes over). Nothing after the
 * close deadline.
 */
function nextNudgeFrom(
  order: PlanOrder,
  plan: readonly PlannedStep[],
  progress: NudgeProgress,
  buyerNudges: readonly number[],
  s: EngineSettings,
  now: number,
  notBefore = -Infinity,
): NextNudge | undefined {
  if (order.status !== "unpaid") return undefined;
  const { closesAt } = order;
  if (closesAt !== undefined && now >= closesAt) return undefined;
  const done = new Set(progress.doneSteps ?? []);
  const last = progress.lastNudgeAt;
  // A step done makes the earlier ones moot, and a nudge logged after a step's moment took care of
  // it, whatever step it was logged for.
  const lastDone = plan.reduce(
    (latest, step, i) => (done.has(step.id) ? i : latest),
    -1,
  );
  const pending = plan.filter(
    (step, i) =>
      i > lastDone &&
      !done.has(step.id) &&
      !(last !== undefined && step.at <= last),
  );
  if (!pending.length) return undefined;

  const gate = Math.max(
    notBefore,
    progress.snoozedUntil ?? -Infinity,
    last === undefined ? -Infinity : last + stepGapMs(order, s),
  );
  const pick = (t: number) =>
    pending.filter((step) => step.at <= t).pop() ??
    pending.find((step) => step.at > t)!;

  const limit = (from: number) =>
    closesAt === undefined ? from + SEARCH_HORIZON_MS : closesAt - 1;
  // The step's moment, placed in an allowed stretch. A stretch that ended by `now` was missed (a
  // step due at 01:45, still pending at 02:09 in quiet hours): the step moves to the stretch holding
  // `now` or the next one, so nothing says "nudge now" while its channel is not allowed.
  const placeDue = (from: number, channel: PlannedStep["channel"]) => {
    let at = nextAllowed(from, channel, s, limit(from));
    while (at !== undefined && at < now) {
      const end = allowedUntil(at, channel, s, now);
      if (end === undefined) break;
      at = nextAllowed(end, channel, s, limit(end));
    }
    return at;
  };

  // The soft window (17:00–19:00): a moment inside moves to its end, into an allowed stretch again,
  // when that is before the deadline and itself outside the soft window (a later day's may be
  // reached when the channel's windows are narrow); otherwise it stays. Each try lands at least a
  // day's soft window later, so a horizon's worth of days bounds it.
  const soft = s.softWindow;
  const inSoft = (x: number) => soft.on && inWindow(x, soft);
  const avoidSoft = (placed: number, channel: PlannedStep["channel"]) => {
    let moved: number | undefined = placed;
    for (let day = 0; moved !== undefined && inSoft(moved); day++) {
      if (day > SEARCH_HORIZON_MS / 86_400_000) return placed;
      moved = placeDue(windowEnd(moved, soft), channel);
    }
    return moved ?? placed;
  };

  let t = Math.max(now, gate);
  let step = pick(t);
  let at: number | undefined;
  // Each turn moves to a later step, so this ends within pending.length turns.
  for (let turn = 0; turn <= pending.length; turn++) {
    step = pick(t);
    const earliest = capFreeFrom(
      Math.max(step.at, gate),
      buyerNudges,
      s.buyerCap,
    );
    if (!Number.isFinite(earliest)) return undefined;
    at = placeDue(earliest, step.channel);
    const fallback = fallbackChannel(step.channel);
    if (at === undefined && fallback !== undefined) {
      // Its channel is closed until the deadline (SMS after 21:00): the chat takes the step over.
      at = placeDue(earliest, fallback);
      if (at !== undefined) step = { ...step, channel: fallback };
    }
    if (at !== undefined) at = avoidSoft(at, step.channel);
    if (at === undefined) {
      // This step fits nowhere before the order closes (a call pushed out of every phone window):
      // a later step may still fit, so the order is not left without a nudge.
      const later = pending.find((p) => p.at > step.at);
      if (!later) return undefined;
      t = later.at;
      continue;
    }
    // Pushed past a later step's own moment: the first step passed takes over (placed in its turn),
    // not the last, so the answer does not change back to the skipped one once its moment comes.
    const overtaking = pending.find((p) => p.at > step.at && p.at <= at!);
    if (!overtaking) break;
    t = overtaking.at;
  }
  if (at === undefined || (closesAt !== undefined && at >= closesAt))
    return undefined;
  const following = pending.find((p) => p.at > step.at);
  let change = Math.min(following?.at ?? Infinity, closesAt ?? Infinity);
  // Once the allowed stretch holding the due moment ends unused, the nudge moves on.
  const stretchEnd = allowedUntil(
    at,
    step.channel,
    s,
    Number.isFinite(change) ? change : at + SEARCH_HORIZON_MS,
  );
  if (stretchEnd !== undefined) change = Math.min(change, stretchEnd);
  const next: NextNudge = { at, step };
  if (Number.isFinite(change)) next.replanAt = change;
  return next;
}
