import { z } from "zod";
import type { ComposeContext } from "@/lib/db/compose";
import { OUTCOME_IDS, REASON_IDS, WHEN_IDS } from "@/lib/templates/outcomes";
import { NUDGE_CHANNELS } from "@/lib/model/steps";
import { SNOOZE_CHOICES } from "@/lib/engine/snooze";
import {
  type OrderSnapshot,
  ORDER_STATUSES,
  type PlatformId,
} from "@/lib/model/order";
import { OrderSnapshotSchema } from "@/lib/schemas/order";

/*
 * The one contract between content scripts and the background. A content script runs in the
 * seller's page, so everything it sends is checked on arrival: the envelope must parse, and each
 * order is validated on its own so one bad row never loses the others.
 */

export const OrdersSeenSchema = z.object({
  pageUrl: z.string().url().max(4096),
  shopName: z.string().min(1).max(200).optional(),
  // Unbounded here: rows past MAX_BATCH_ORDERS are skipped and counted, never the whole batch.
  orders: z.array(z.unknown()),
});
/** The most orders one batch stores; the content script sends a big page in smaller chunks. */
export const MAX_BATCH_ORDERS = 2000;
export interface OrdersSeen {
  pageUrl: string;
  shopName?: string;
  orders: OrderSnapshot[];
}

export const OrderViewSchema = z.object({
  key: z.string(),
  orderId: z.string(),
  status: z.enum(ORDER_STATUSES),
  nextDueAt: z.number().optional(),
  nudgeCount: z.number(),
  /** The plan step and channel of the next nudge (lib/engine). */
  nextStep: z.string().optional(),
  nextChannel: z.enum(NUDGE_CHANNELS).optional(),
  /** Set while the agent has snoozed the order: the next nudge waits until then. */
  snoozedUntil: z.number().optional(),
  /** When the platform closes the order unpaid. */
  deadlineAt: z.number().optional(),
  lastNudgeAt: z.number().optional(),
  lastAgent: z.string().optional(),
  /** The buyer said they no longer want it: no more nudges. */
  declinedAt: z.number().optional(),
});
/** What a badge needs of an order, as the background knows it. */
export type OrderView = z.infer<typeof OrderViewSchema>;

export const MessageRequestSchema = z.object({
  key: z.string().min(1).max(80),
});
export type MessageRequest = z.infer<typeof MessageRequestSchema>;
export interface MessageReply {
  text: string;
  missing: string[];
}

const orderKeyField = z.string().min(1).max(80);
const stepField = z.string().min(1).max(40);

/** A nudge the agent made on the page (chat sent, SMS, call, the platform's button). */
export const LogNudgeRequestSchema = z.object({
  key: orderKeyField,
  channel: z.enum(NUDGE_CHANNELS),
  step: stepField.optional(),
  at: z.number().int().min(0).max(8_640_000_000_000_000),
  agent: z.string().min(1).max(60).optional(),
  templateId: z.string().min(1).max(80).optional(),
  outcome: z.enum(OUTCOME_IDS).optional(),
  reason: z.enum(REASON_IDS).optional(),
  when: z.enum(WHEN_IDS).optional(),
  /** The standard order note written for this nudge. */
  note: z.string().min(1).max(300).optional(),
});
export type LogNudgeRequest = z.infer<typeof LogNudgeRequestSchema>;

/** "Remind me later": 15 minutes, an hour, or tomorrow morning. */
export const SnoozeRequestSchema = z.object({
  key: orderKeyField,
  for: z.enum(SNOOZE_CHOICES),
});
export type SnoozeRequest = z.infer<typeof SnoozeRequestSchema>;

/** "Done for this step": the current step (or the named one) is finished; the next one takes over. */
export const StepDoneRequestSchema = z.object({
  key: orderKeyField,
  step: stepField.optional(),
});
export type StepDoneRequest = z.infer<typeof StepDoneRequestSchema>;

/** The badges of a page ask again what the background knows of their orders. */
export const ViewsForRequestSchema = z.object({
  keys: z.array(orderKeyField).max(5000),
});
export type ViewsForRequest = z.infer<typeof ViewsForRequestSchema>;

/** Content script → background. */
export interface ContentToBackground {
  ordersSeen(data: OrdersSeen): OrderView[];
  messageFor(data: MessageRequest): MessageReply;
  /** Platforms the seller switched off in the options page (false); absent means on. */
  enabledPlatforms(): Partial<Record<PlatformId, boolean>>;
  /** What the badge panel shows: the order, filled-in values and the templates that fit, best first. */
  panelFor(data: MessageRequest): ComposeContext;
  logNudge(data: LogNudgeRequest): OrderView;
  snooze(data: SnoozeRequest): OrderView;
  stepDone(data: StepDoneRequest): OrderView;
  /** Read only: what the background knows of these orders now (absent: it knows none of them). */
  viewsFor(data: ViewsForRequest): OrderView[];
}

/**
 * Background → content scripts: a signal without data. Something changed that badges show (a plan,
 * a snooze from the popup, a platform switched off): the page asks again through viewsFor.
 */
export interface BackgroundToContent {
  ordersChanged(): void;
}

export interface ParsedBatch {
  pageUrl: string;
  shopName?: string;
  orders: OrderSnapshot[];
  /** Rows that did not parse as an order. */
  rejected: number;
  /** Rows past MAX_BATCH_ORDERS, not looked at. */
  skipped: number;
}

/** Parse an untrusted batch; throws only when the envelope itself is malformed. */
export function parseOrdersSeen(data: unknown): ParsedBatch {
  const envelope = OrdersSeenSchema.parse(data);
  const orders: OrderSnapshot[] = [];
  let rejected = 0;
  for (const raw of envelope.orders.slice(0, MAX_BATCH_ORDERS)) {
    const parsed = OrderSnapshotSchema.safeParse(raw);
    if (parsed.success) orders.push(parsed.data);
    else rejected += 1;
  }
  return {
    pageUrl: envelope.pageUrl,
    shopName: envelope.shopName,
    orders,
    rejected,
    skipped: Math.max(0, envelope.orders.length - MAX_BATCH_ORDERS),
  };
}
