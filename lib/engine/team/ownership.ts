import type { Ownership, Roster } from "@/lib/model/team";
import { buyerRanking } from "@/lib/engine/team/ranking";
import { agentsOnShift, nextShiftChange } from "@/lib/engine/team/shifts";

const MINUTE_MS = 60_000;

/**
 * The last shift change worked out, by roster and moment: a due check asks for thousands of orders
 * at one `now`, and the answer (about 0.1 ms to find) is the same for all of them. Invisible to
 * callers: the same roster object at the same moment always has the same answer.
 */
let lastShiftChange:
  { roster: Roster; now: number; at: number | undefined } | undefined;

function shiftChangeAfter(roster: Roster, now: number): number | undefined {
  if (lastShiftChange?.roster !== roster || lastShiftChange.now !== now)
    lastShiftChange = { roster, now, at: nextShiftChange(roster, now) };
  return lastShiftChange.at;
}

export interface OwnershipInput {
  buyerKey: string;
  /** The latest standard note in the order's memo (agent nickname, epoch ms). */
  memoNote?: { agent: string; at: number };
  /** The due moment of the order's next nudge when it is due now or overdue (nextDueAt ≤ now), else undefined. */
  dueSince?: number;
}

/**
 * Who works an order's buyer at `now` (issue 17), the same on every agent's machine:
 * - nobody on shift: undefined, everyone sees everything, as in solo use;
 * - an on-shift agent's note in the memo holds the order for them (a lease), else the buyer's hash
 *   order over the agents on shift picks the owner;
 * - a due nudge left overdue a whole lease passes along the buyer's order (the base owner, then the
 *   others in hash order, round again), one agent per lease, so an absent owner never strands it.
 * `until` is when the answer may next change by time alone: a shift change or the lease running out.
 */
export function ownershipOf(
  input: OwnershipInput,
  roster: Roster,
  now: number,
): Ownership | undefined {
  const ranking = buyerRanking(input.buyerKey, agentsOnShift(roster, now));
  const top = ranking[0];
  if (top === undefined) return undefined;

  const noter = input.memoNote?.agent;
  const byNote = noter !== undefined && ranking.includes(noter);
  const base = byNote ? noter : top;
  const sequence = [base, ...ranking.filter((name) => name !== base)];

  const lease = roster.leaseMinutes * MINUTE_MS;
  let owner = base;
  let leaseEnds: number | undefined;
  // A lease of no length is a roster the checks should have refused: nothing passes then.
  if (input.dueSince !== undefined && lease > 0) {
    // A note written while the nudge was already due (an agent took the order over) starts the
    // lease afresh: the one who just took it gets a whole lease, not what the last owner left.
    const noteAt = byNote ? (input.memoNote?.at ?? 0) : 0;
    const from = Math.max(input.dueSince, Math.min(noteAt, now));
    const overdue = now - from;
    const passes = overdue >= lease ? Math.floor(overdue / lease) : 0;
    owner = sequence[passes % sequence.length] ?? base;
    leaseEnds = from + (passes + 1) * lease;
  }

  const shiftChange = shiftChangeAfter(roster, now);
  const until =
    shiftChange === undefined
      ? leaseEnds
      : leaseEnds === undefined
        ? shiftChange
        : Math.min(shiftChange, leaseEnds);

  return {
    owner,
    byNote,
    takenOver: owner !== base,
    ...(until === undefined ? {} : { until }),
  };
}
