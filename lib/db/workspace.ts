import type { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";

/*
 * The workspace's search: an order by its number, its buyer or an item, among every order kept
 * (not only today's queue: the agent looks up the buyer who just wrote). Last seen first, a page of
 * results at most; the scan stops as soon as that many are found.
 */

/** Results shown at most; more means the agent types more. */
export const SEARCH_LIMIT = 50;

/** Filters of the workspace's queue and search; absent means any. */
export interface WorkspaceFilter {
  platform?: string;
  shop?: string;
}

/** Whether an order passes the platform and shop filters. */
export function passes(order: StoredOrder, filter: WorkspaceFilter): boolean {
  if (filter.platform && order.platform !== filter.platform) return false;
  if (filter.shop && order.shopName !== filter.shop) return false;
  return true;
}

/** Whether the order's number, buyer or an item title holds the words (case-insensitive). */
function matches(order: StoredOrder, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return false;
  const text = [
    order.orderId,
    order.buyer ?? "",
    ...order.items.map((item) => item.title),
  ]
    .join("\n")
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

export async function searchOrders(
  db: PayNudgeDB,
  query: string,
  filter: WorkspaceFilter = {},
): Promise<StoredOrder[]> {
  if (!query.trim()) return [];
  return db.orders
    .orderBy("lastSeenAt")
    .reverse()
    .filter((order) => passes(order, filter) && matches(order, query))
    .limit(SEARCH_LIMIT)
    .toArray();
}
