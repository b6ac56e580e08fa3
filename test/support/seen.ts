import { storeSeenOrders } from "@/lib/background/orders-seen";
import { runDueCheck } from "@/lib/background/due-check";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { OrderView } from "@/lib/model/order-view";

/**
 * A page's batch stored, then the due check run over it before anything is asserted (in the
 * extension the page has its answer first and the check follows: answerOrdersSeen).
 */
export async function handleOrdersSeen(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<OrderView[]> {
  const views = await storeSeenOrders(db, data, now);
  await runDueCheck(db, now);
  return views;
}
