import { t, type Locale, type MessageKey } from "@/lib/i18n";
import type { NoSlotCause, StoredOrder } from "@/lib/model/order";
import { formatClock } from "@/lib/model/time-format";

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
      | "promisedAt"
      | "promisedWhen"
      | "noSlotCause"
    >
  > & {
    /** Who of the team owns the order's buyer now (team mode); absent in solo use. */
    owner?: OwnerView;
  };

/** The owner as a badge and a queue row show it (lib/model/team.ts Ownership, as this agent sees it). */
export interface OwnerView {
  name: string;
  /** This agent owns it (or has not said which roster name is theirs: then everything is theirs). */
  mine: boolean;
  /** Passed on from an agent who left its due nudge overdue (接手). */
  takenOver: boolean;
  /** The next moment ownership may change by time alone (a shift boundary, a lease running out). */
  until?: number;
}

/** The badge's view of a stored order; fields without a value are left out. */
export function toView(order: StoredOrder, owner?: OwnerView): OrderView {
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
  if (order.promisedAt !== undefined) view.promisedAt = order.promisedAt;
  if (order.promisedWhen !== undefined) view.promisedWhen = order.promisedWhen;
  if (order.noSlotCause !== undefined) view.noSlotCause = order.noSlotCause;
  if (owner) view.owner = owner;
  return view;
}

/** Whose the order is in team mode: 我的, 接手 (passed to this agent), 阿华的, 阿华接手. */
export function ownerText(owner: OwnerView, locale: Locale): string {
  if (owner.mine)
    return t(locale, owner.takenOver ? "owner.mineTakenOver" : "owner.mine");
  return t(locale, owner.takenOver ? "owner.theirsTakenOver" : "owner.theirs", {
    agent: owner.name,
  });
}

const NO_SLOT_WORDS: Readonly<Record<NoSlotCause, MessageKey>> = {
  "quiet-hours": "noSlot.quietHours",
  "buyer-cap": "noSlot.buyerCap",
};

/**
 * "静默时段至关闭" / "已达买家催付上限": why no nudge is planned while the deadline is ahead, or ""
 * when one is planned, the order is not open or the deadline has passed.
 */
export function noSlotText(
  order: Pick<
    StoredOrder,
    "status" | "nextDueAt" | "deadlineAt" | "noSlotCause"
  >,
  now: number,
  locale: Locale,
): string {
  if (
    order.noSlotCause === undefined ||
    order.status !== "unpaid" ||
    order.nextDueAt !== undefined ||
    order.deadlineAt === undefined ||
    now >= order.deadlineAt
  )
    return "";
  return t(locale, NO_SLOT_WORDS[order.noSlotCause]);
}

// The words a buyer can name (lib/templates/outcomes.ts WHEN_IDS), as the badge says them.
const WHEN_WORDS: Readonly<Record<string, MessageKey>> = {
  now: "when.now",
  noon: "when.noon",
  afternoon: "when.afternoon",
  evening: "when.evening",
  tomorrow: "when.tomorrow",
};

/** "买家说中午付" / "买家说 14:30 付": what the buyer said of when they pay, or "" when nothing. */
export function promiseText(
  order: Pick<StoredOrder, "promisedAt" | "promisedWhen">,
  locale: Locale,
): string {
  if (order.promisedAt === undefined) return "";
  const word =
    order.promisedWhen === undefined
      ? undefined
      : WHEN_WORDS[order.promisedWhen];
  return word !== undefined
    ? t(locale, "badge.promised", { when: t(locale, word) })
    : t(locale, "badge.promisedAt", { time: formatClock(order.promisedAt) });
}
