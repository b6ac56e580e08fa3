import type { PayNudgeDB } from "@/lib/db/schema";
import { openOrderPage } from "@/lib/browser-tabs/open-order-page";
import { askTabToReveal } from "@/lib/messaging/reveal-requests";

/**
 * 打开订单页 (the popup, the workspace, a notification): the order's tab brought to the front with
 * its row scrolled into view and highlighted, or the page where it was last seen opened
 * (lib/browser-tabs/open-order-page.ts). Done here: a popup closes as soon as another tab comes to
 * the front, and would not live to ask the tab to reveal the row.
 */
export async function openOrder(db: PayNudgeDB, key: string): Promise<void> {
  const order = await db.orders.get(key);
  if (!order) return;
  await openOrderPage(order.pageUrl, (tabId, show) =>
    askTabToReveal(tabId, order.orderId, show),
  );
}
