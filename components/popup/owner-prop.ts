import type { PopupData } from "@/lib/db/popup-data";
import { ownerOf } from "@/lib/db/team";
import type { StoredOrder } from "@/lib/model/order";
import type { OwnerView } from "@/lib/model/order-view";

/**
 * A queue row's owner tag in team mode, when it says something the list does not: over the whole
 * team's queue every row says whose it is; over the agent's own, only those passed to them (接手).
 */
export function ownerProp(
  order: StoredOrder,
  team: PopupData["team"],
  now: number,
): { owner?: OwnerView } {
  const owner = team && ownerOf(order, team.held, now);
  return owner && (team.scope === "team" || owner.takenOver) ? { owner } : {};
}
