import { runDueCheck } from "@/lib/background/due-check";
import { withdrawNotifications } from "@/lib/background/notices";
import type { PayNudgeDB } from "@/lib/db/schema";
import { claimOrder, ownerOf, readTeam } from "@/lib/db/team";
import { toView, type OrderView } from "@/lib/model/order-view";
import { parseRequest } from "@/lib/schemas/requests";

/**
 * Team mode: the agent takes an order over from its owner (接手). Refused with no roster, before
 * the agent said which roster name is theirs, and for an order no longer unpaid. Notifications and
 * the toolbar count follow at once.
 */
export async function handleTakeOver(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView> {
  const { key } = parseRequest("takeOver", data);
  const team = await readTeam(db);
  if (!team?.me)
    throw new Error(
      "PayNudge: take over refused: no team roster, or this agent has not said which name is theirs",
    );
  const order = await claimOrder(db, key, team.me, now);
  await withdrawNotifications([key]);
  await runDueCheck(db, now);
  return toView(order, ownerOf(order, team, now));
}
