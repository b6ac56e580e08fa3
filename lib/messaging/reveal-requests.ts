import { toContent } from "@/lib/messaging/messengers";

/*
 * 打开订单页 (the popup, the workspace, a notification) asks the order script of a tab whether its
 * page shows an order and, once the tab is in front, to scroll to its row and highlight it
 * (lib/page/reveal-order.ts).
 */

/** Which order; `show`: scroll to it and highlight it, else only say whether the page shows it. */
export interface RevealOrder {
  orderId: string;
  show: boolean;
}

/** `shown`: scrolled to and highlighted; `here`: the page shows it (not asked to show); `absent`. */
export type RevealAnswer = "shown" | "here" | "absent";

/** An order id as the order script reads them (lib/schemas/order.ts holds the same shape). */
const ORDER_ID = /^[A-Za-z0-9#_-]{1,64}$/;

/** The script in the page checks what it is sent, as every receiver does (no zod in the page). */
export function isRevealOrder(data: unknown): data is RevealOrder {
  if (typeof data !== "object" || data === null) return false;
  const { orderId, show } = data as Record<string, unknown>;
  return (
    typeof orderId === "string" &&
    ORDER_ID.test(orderId) &&
    typeof show === "boolean"
  );
}

/**
 * Asks the order script in the tab `tabId`; true when it shows the order (and showed it, when
 * asked to). Rejects when no script answers there (not an order page, or not loaded yet).
 */
export async function askTabToReveal(
  tabId: number,
  orderId: string,
  show: boolean,
): Promise<boolean> {
  const answer = await toContent.sendMessage(
    "revealOrder",
    { orderId, show },
    tabId,
  );
  return answer === (show ? "shown" : "here");
}
