import type { SnoozeChoice } from "@/lib/engine/snooze";
import type { NudgeEntry } from "@/lib/model/nudge-log";
import type { OrderSnapshot, StoredOrder } from "@/lib/model/order";
import type { OrderView } from "@/lib/model/order-view";
import type { PayWhenText } from "@/lib/templates/outcomes";

/*
 * What the order script (and the popup, for the same actions) asks about orders. Plain types: the
 * sender ships without zod; lib/schemas/ checks each request against these on arrival.
 */

/** A batch of orders a page shows. */
export interface OrdersSeen {
  pageUrl: string;
  shopName?: string;
  orders: OrderSnapshot[];
}

/** One order, named by its key (`platform:orderId`). */
export interface MessageRequest {
  key: string;
}

/** The filled-in reminder, and the template variables it could not fill. */
export interface MessageReply {
  text: string;
  missing: string[];
}

/**
 * A nudge the agent made on the page (chat sent, SMS, call, the platform's button). `again`: the
 * agent says it is another nudge of the same step (再记一次), not a repeat of the last log. `when`
 * (with "will pay"): a word, or the time the agent typed as "HH:mm"; nothing else is accepted.
 */
export type LogNudgeRequest = Omit<NudgeEntry, "when"> & {
  key: string;
  when?: PayWhenText;
  again?: boolean;
};

/**
 * The answer to a logged nudge: the order as it now is. With `duplicate` nothing was logged: the
 * same step was logged at `duplicate.at` (a double click, another tab), and only `again` logs it
 * once more.
 */
export type LogNudgeReply = OrderView & {
  duplicate?: { at: number; step?: string };
};

/** "Remind me later": 15 minutes, an hour, or tomorrow morning. */
export interface SnoozeRequest {
  key: string;
  for: SnoozeChoice;
}

/** "Done for this step": the current step (or the named one) is finished; the next one takes over. */
export interface StepDoneRequest {
  key: string;
  step?: string;
}

/** The badges of a page ask again what the background knows of their orders. */
export interface ViewsForRequest {
  keys: string[];
}

/** The agent marks an order paid or closed from the popup (the page may not show it yet). */
export interface SetOrderStatusRequest {
  key: string;
  status: NonNullable<StoredOrder["manualStatus"]>;
}

/**
 * The popup's undo of a mark (paid, closed) or a snooze: the order's status, manual mark, snooze
 * and first sight of payment (a paid mark sets it) as they were before it (an absent field is
 * removed); the plan follows from them.
 */
export type RestoreOrderRequest = Pick<
  StoredOrder,
  "key" | "status" | "manualStatus" | "snoozedUntil" | "paidSeenAt"
>;
