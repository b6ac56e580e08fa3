import { t, type Locale } from "@/lib/i18n";
import type { NudgeChannel, StepScenario } from "@/lib/model/steps";
import { PLATFORMS } from "@/lib/model/platforms";

/** A platform's id: a key of the table of platforms (model/platforms.ts). */
export type PlatformId = keyof typeof PLATFORMS;
/** In the table's order. */
export const PLATFORM_IDS = Object.keys(PLATFORMS) as readonly PlatformId[];

export const ORDER_STATUSES = ["unpaid", "paid", "closed", "other"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Longest text kept from a page field; page text is untrusted and may be huge. */
export const MAX_TEXT = 500;

/** Cut untrusted page text down to something safe to store and show. */
export function clipText(
  value: string | null | undefined,
  max = MAX_TEXT,
): string | undefined {
  if (value == null) return undefined;
  const text = value.replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/*
 * Plain types: page code and the popup use the model without zod. lib/schemas/order.ts checks
 * orders arriving from pages and backups against these very types.
 */

export interface OrderItem {
  title: string;
  attrs?: string;
  priceCents?: number;
  quantity?: number;
}

/**
 * What an adapter reads off one order row. Every field but the id, platform and status may be
 * unknown: a row is never dropped because one field is missing.
 */
export interface OrderSnapshot {
  platform: PlatformId;
  /** Kept a string: Taobao's 19 digits are beyond Number.MAX_SAFE_INTEGER. */
  orderId: string;
  status: OrderStatus;
  statusText?: string;
  /** Epoch ms. */
  createdAt?: number;
  amountCents?: number;
  currency?: "CNY" | "USD";
  buyer?: string;
  items: OrderItem[];
  memo?: string;
  flag?: number;
  /** Auto-close deadline read from the page, when it shows one. */
  closesAt?: number;
  /** The buyer chatted before ordering (询单拍下), when the page tells. */
  consulted?: boolean;
  /**
   * When the order was paid, epoch ms, for a page that shows its payment time (付款时间). No adapter
   * reads one yet: the report then uses paidSeenAt and says the time is estimated.
   */
  paidAt?: number;
}

/** An order as the background keeps it: the last snapshot plus what PayNudge knows of it. */
export interface StoredOrder extends OrderSnapshot {
  /** `platform:orderId`, the primary key. */
  key: string;
  pageUrl: string;
  shopName?: string;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Epoch ms of the next nudge; absent when nothing is scheduled (then it is not indexed). */
  nextDueAt?: number;
  /** The due moment that was already notified, so a nudge never notifies twice. */
  notifiedDueAt?: number;
  /**
   * Kept by the database on every write (lib/db/due-index.ts), never set by hand: nextDueAt while
   * unpaid, and that again while not yet notified. Indexed, so the due check reads keys only.
   */
  openDueAt?: number;
  pendingDueAt?: number;
  /** deadlineAt while no nudge fits before it (noSlotCause): the popup's list of those, by close. */
  noSlotUntil?: number;
  nudgeCount: number;
  lastNudgeAt?: number;
  /**
   * The agent marked the order paid or closed by hand: it holds while the page still shows the
   * (stale) unpaid status, and gives way as soon as the page shows any other status.
   */
  manualStatus?: "paid" | "closed";
  /** Who made the last nudge logged here. */
  lastAgent?: string;
  /** When the platform closes the order unpaid, as the plan reckons it (page deadline or default). */
  deadlineAt?: number;
  /** The plan step the next nudge belongs to, and how and with which words (lib/engine). */
  nextStep?: string;
  nextChannel?: NudgeChannel;
  nextScenario?: StepScenario;
  /** When the next nudge changes by the clock alone (a later step takes over, the order closes). */
  replanAt?: number;
  /** The agent snoozed the order until then. */
  snoozedUntil?: number;
  /** Plan steps the agent finished (logged a nudge for, or marked done). */
  doneSteps?: string[];
  /**
   * When the buyer said they no longer want the order (the outcome of the latest nudge logged with
   * one). Nudging stops: the agent thanks them and offers to close it. A later outcome lifts it.
   */
  declinedAt?: number;
  /**
   * When the buyer said they would pay (the latest logged answer, "will pay" with a time): the next
   * nudge waits for it unless the deadline comes first. `promisedWhen` is the word they used (a
   * lib/templates/outcomes.ts when id), absent for a time the agent typed. A later answer replaces it.
   */
  promisedAt?: number;
  promisedWhen?: string;
  /**
   * Team mode: this agent took the order over from its owner (接手, lib/db/team.ts), by this
   * roster name at this moment. It holds here until a later note in the memo says otherwise; the
   * colleagues learn of it from the takeover note the agent writes into the memo.
   */
  claimedBy?: string;
  claimedAt?: number;
  /**
   * Nudges of this order merged from colleagues' team logs (lib/db/team-log-merge.ts): not this
   * machine's (nudgeCount, the plan and the notes leave them out), but the report looks for them
   * as it does for its own, so an order a colleague nudged is never "paid by itself".
   */
  mergedNudges?: number;
  /**
   * Why no nudge is planned while the deadline is ahead (lib/engine/no-slot.ts): absent when one
   * is, or when nothing but the steps running out explains it.
   */
  noSlotCause?: NoSlotCause;
  /**
   * When PayNudge first saw the order unpaid (a page showed it so): the report's unpaid orders
   * seen, and the mark that a later payment was one PayNudge saw happen. Absent on orders stored
   * before it was kept, and on orders only ever seen otherwise.
   */
  unpaidSeenAt?: number;
  /**
   * When PayNudge first saw the order paid: a page showing it paid (a new order, or one stored with
   * another status), or the agent marking it paid by hand. Kept once set (a refund or a close
   * afterwards leaves it: the report counts the payment it saw). Absent on orders stored paid
   * before it was kept: when they were paid is unknown.
   */
  paidSeenAt?: number;
}

/** What keeps every nudge out until the deadline: the quiet (or closed) hours, or the buyer cap. */
export const NO_SLOT_CAUSES = ["quiet-hours", "buyer-cap"] as const;
export type NoSlotCause = (typeof NO_SLOT_CAUSES)[number];

export function orderKey(platform: PlatformId, orderId: string): string {
  return `${platform}:${orderId}`;
}

export function formatAmount(
  cents: number | undefined,
  currency: "CNY" | "USD" = "CNY",
): string | undefined {
  if (cents === undefined) return undefined;
  const symbol = currency === "USD" ? "$" : "¥";
  return `${symbol}${(cents / 100).toFixed(2)}`;
}

/** "first title" or "first title 等3件" when the order holds several items. */
export function itemSummary(
  items: readonly OrderItem[],
  locale: Locale = "zh",
): string | undefined {
  const first = items[0];
  if (!first) return undefined;
  if (items.length === 1) return first.title;
  return t(locale, "order.items", {
    title: first.title,
    count: items.length,
    others: items.length - 1,
  });
}
