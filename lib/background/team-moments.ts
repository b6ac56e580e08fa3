import { openDueOrders } from "@/lib/db/due-orders";
import type { PayNudgeDB } from "@/lib/db/schema";
import { ownerOf, type Team } from "@/lib/db/team";
import { nextShiftChange } from "@/lib/engine/team/shifts";

/*
 * Team mode's moments (issue 17): an order's owner changes by time alone when a shift starts or
 * ends, or when its owner leaves its due nudge overdue past the lease. The due check wakes then, so
 * the order's new owner is notified and the badges on open pages say whose it is now.
 */

/**
 * From one read of the orders due now: the next moment any order's owner may change by time
 * alone, the due orders that are a colleague's now (a notification of theirs raised here before
 * it passed is taken down), and how many are this agent's (the toolbar's count).
 */
export async function teamMoments(
  db: PayNudgeDB,
  team: Team,
  now: number,
): Promise<{ next: number | undefined; theirs: string[]; mine: number }> {
  let next = nextShiftChange(team.roster, now);
  const theirs: string[] = [];
  let mine = 0;
  for (const order of await openDueOrders(db, now)) {
    const owner = ownerOf(order, team, now);
    if (owner?.mine === false) theirs.push(order.key);
    else mine += 1;
    const until = owner?.until;
    if (until !== undefined && (next === undefined || until < next))
      next = until;
  }
  return { next, theirs, mine };
}

/** The ownership moment the last check looked ahead to; unknown after the worker restarts. */
let lookedAheadTo: number | undefined;

/**
 * Whether owners may have changed since the last check (a moment it looked ahead to has come, or
 * the worker restarted and cannot tell), noting the next such moment.
 */
export function ownersMayHaveChanged(
  next: number | undefined,
  now: number,
): boolean {
  const passed = lookedAheadTo === undefined || now >= lookedAheadTo;
  lookedAheadTo = next;
  return passed;
}
