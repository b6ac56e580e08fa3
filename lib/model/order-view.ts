import type { StoredOrder } from "@/lib/model/order";

/**
 * What a badge needs of an order, as the background knows it: what the page cannot read off the
 * row itself (the plan, the snooze, who nudged last).
 */
export type OrderView = Pick<
  StoredOrder,
  "key" | "orderId" | "status" | "nudgeCount"
> &
  Partial<
    Pick<
      StoredOrder,
      | "nextDueAt"
      | "nextStep"
      | "nextChannel"
      | "snoozedUntil"
      | "deadlineAt"
      | "lastNudgeAt"
      | "lastAgent"
      | "declinedAt"
    >
  >;

/** The badge's view of a stored order; fields without a value are left out. */
export function toView(order: StoredOrder): OrderView {
  const view: OrderView = {
    key: order.key,
    orderId: order.orderId,
    status: order.status,
    nudgeCount: order.nudgeCount,
  };
  if (order.nextDueAt !== undefined) view.nextDueAt = order.nextDueAt;
  if (order.nextStep !== undefined) view.nextStep = order.nextStep;
  if (order.nextChannel !== undefined) view.nextChannel = order.nextChannel;
  if (order.snoozedUntil !== undefined) view.snoozedUntil = order.snoozedUntil;
  if (order.deadlineAt !== undefined) view.deadlineAt = order.deadlineAt;
  if (order.lastNudgeAt !== undefined) view.lastNudgeAt = order.lastNudgeAt;
  if (order.lastAgent !== undefined) view.lastAgent = order.lastAgent;
  if (order.declinedAt !== undefined) view.declinedAt = order.declinedAt;
  return view;
}
