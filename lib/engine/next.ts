import { capFreeFrom } from "@/lib/engine/cap";
import { stepGapMs, type PlanOrder } from "@/lib/engine/plan";
import type { EngineSettings } from "@/lib/engine/settings";
import type { PlannedStep } from "@/lib/model/steps";
import { nextAllowed, SEARCH_HORIZON_MS } from "@/lib/engine/windows";

/** What has happened to an order so far, as stored. */
export interface NudgeProgress {
  /** Steps the agent marked done (or logged a nudge for). */
  doneSteps?: readonly string[];
  /** The order's latest logged nudge. */
  lastNudgeAt?: number;
  snoozedUntil?: number;
}

export interface NextNudge {
  /** When to nudge: possibly in the past (then it is due or overdue). */
  at: number;
  step: PlannedStep;
  /** When the answer changes by the clock alone: a later step takes over, or the order closes. */
  replanAt?: number;
}

/**
 * The next nudge of a planned order, given what has happened and the buyer's logged nudges (all of
 * their orders). The current step is the latest pending one already reached, else the first one
 * ahead: a missed early step gives way to a later one rather than being sent late with the wrong
 * words. Snooze, the gap after the last nudge and the buyer cap can only push the moment later,
 * and it is then moved into an allowed window again. Nothing after the close deadline.
 */
export function nextNudge(
  order: PlanOrder,
  plan: readonly PlannedStep[],
  progress: NudgeProgress,
  buyerNudges: readonly number[],
  s: EngineSettings,
  now: number,
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
    progress.snoozedUntil ?? -Infinity,
    last === undefined ? -Infinity : last + stepGapMs(order, s),
  );
  const pick = (t: number) =>
    pending.filter((step) => step.at <= t).pop() ??
    pending.find((step) => step.at > t)!;

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
    // The planned moment is already an allowed one; a pushed one has to be placed again.
    at =
      earliest === step.at
        ? step.at
        : nextAllowed(
            earliest,
            step.channel,
            s,
            closesAt === undefined
              ? earliest + SEARCH_HORIZON_MS
              : closesAt - 1,
          );
    if (at === undefined) {
      // This step fits nowhere before the order closes (a call pushed out of every phone window):
      // a later step may still fit, so the order is not left without a nudge.
      const later = pending.find((p) => p.at > step.at);
      if (!later) return undefined;
      t = later.at;
      continue;
    }
    const overtaken = pending.some((p) => p.at > step.at && p.at <= at!);
    if (!overtaken) break;
    t = at;
  }
  if (at === undefined || (closesAt !== undefined && at >= closesAt))
    return undefined;
  const following = pending.find((p) => p.at > step.at);
  const change = Math.min(following?.at ?? Infinity, closesAt ?? Infinity);
  const next: NextNudge = { at, step };
  if (Number.isFinite(change)) next.replanAt = change;
  return next;
}
