import type { PayNudgeDB } from "@/lib/db/schema";
import { readPlainSetting } from "@/lib/db/setting-values";
import { ownershipOf } from "@/lib/engine/team/ownership";
import { buyerKeyOf } from "@/lib/engine/team/ranking";
import type { StoredOrder } from "@/lib/model/order";
import type { OwnerView } from "@/lib/model/order-view";
import type { Roster } from "@/lib/model/team";
import { latestNote, latestTakeover, parseNotes } from "@/lib/templates/notes";

/*
 * Team mode as this machine's agent sees it (issue 17): the roster held and which of its names is
 * this agent's. Every read that shows or counts orders (badges, queue, notifications, the toolbar)
 * asks the same question here, so they cannot disagree about whose an order is.
 */

export interface Team {
  roster: Roster;
  /** The roster name that is this agent's; undefined until they say, when everything is theirs. */
  me: string | undefined;
}

/** The team held, or undefined in solo use (no roster, or a roster of no agents). */
export async function readTeam(db: PayNudgeDB): Promise<Team | undefined> {
  const [roster, me] = await Promise.all([
    readPlainSetting(db, "teamRoster"),
    readPlainSetting(db, "teamMe"),
  ]);
  if (!roster?.agents.length) return undefined;
  return {
    roster,
    me: roster.agents.some((agent) => agent.name === me) ? me : undefined,
  };
}

/** Who owns `order`'s buyer at `now`, as every agent's PayNudge computes it; undefined: everyone. */
export function ownerOf(
  order: StoredOrder,
  team: Team | undefined,
  now: number,
): OwnerView | undefined {
  if (!team || order.status !== "unpaid") return undefined;
  const note = holdingNote(order, now);
  const dueSince =
    order.nextDueAt !== undefined && order.nextDueAt <= now
      ? order.nextDueAt
      : undefined;
  const ownership = ownershipOf(
    {
      buyerKey: buyerKeyOf(order),
      ...(note ? { memoNote: note } : {}),
      ...(dueSince !== undefined ? { dueSince } : {}),
    },
    team.roster,
    now,
  );
  if (!ownership) return undefined;
  const view: OwnerView = {
    name: ownership.owner,
    mine: team.me === undefined || ownership.owner === team.me,
    takenOver: ownership.takenOver,
  };
  if (ownership.until !== undefined) view.until = ownership.until;
  return view;
}

/**
 * The latest word on who holds the order: a nudge note or a takeover note in the memo, or this
 * agent's own takeover not yet in the memo (the page shows the memo once the platform saved it).
 */
function holdingNote(
  order: StoredOrder,
  now: number,
): { agent: string; at: number } | undefined {
  const candidates = [
    latestNote(parseNotes(order.memo, now)),
    latestTakeover(order.memo, now),
    order.claimedBy !== undefined && order.claimedAt !== undefined
      ? { agent: order.claimedBy, at: order.claimedAt }
      : undefined,
  ];
  let latest: { agent: string; at: number } | undefined;
  for (const c of candidates)
    if (c && (!latest || c.at > latest.at))
      latest = { agent: c.agent, at: c.at };
  return latest;
}

/** Whether `order` is this agent's to work: theirs, or nobody's in particular (solo, no one on shift). */
export function isMine(
  order: StoredOrder,
  team: Team | undefined,
  now: number,
): boolean {
  return ownerOf(order, team, now)?.mine ?? true;
}

/**
 * Records that `agent` took `key` over at `now` (it stays theirs here until a later memo note says
 * otherwise). Only an unpaid order can be taken over.
 */
export async function claimOrder(
  db: PayNudgeDB,
  key: string,
  agent: string,
  now: number,
): Promise<StoredOrder> {
  return db.transaction("rw", db.orders, async () => {
    const order = await db.orders.get(key);
    if (!order) throw new Error(`PayNudge: take over refused: no order ${key}`);
    if (order.status !== "unpaid")
      throw new Error(
        `PayNudge: take over refused: order ${key} is not unpaid`,
      );
    const claimed = { ...order, claimedBy: agent, claimedAt: now };
    await db.orders.put(claimed);
    return claimed;
  });
}
