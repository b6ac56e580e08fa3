import type { PayNudgeDB } from "@/lib/db/schema";

/**
 * Whether PayNudge has ever recognised an order on a page: the empty queue tells a seller who has
 * not opened an order list yet what to open, rather than that nothing is due. One row read, at most.
 */
export async function hasSeenAnyOrder(db: PayNudgeDB): Promise<boolean> {
  return (await db.orders.toCollection().first()) !== undefined;
}
