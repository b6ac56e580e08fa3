import { z } from 'zod';
import { OrderSnapshotSchema, type OrderSnapshot, ORDER_STATUSES } from './order';

/*
 * The one contract between content scripts and the background. A content script runs in the
 * seller's page, so everything it sends is checked on arrival: the envelope must parse, and each
 * order is validated on its own so one bad row never loses the others.
 */

export const OrdersSeenSchema = z.object({
  pageUrl: z.string().url().max(4096),
  shopName: z.string().min(1).max(200).optional(),
  orders: z.array(z.unknown()).max(5000),
});
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
});
/** What a badge needs of an order, as the background knows it. */
export type OrderView = z.infer<typeof OrderViewSchema>;

export const MessageRequestSchema = z.object({ key: z.string().min(1).max(80) });
export type MessageRequest = z.infer<typeof MessageRequestSchema>;
export interface MessageReply {
  text: string;
  missing: string[];
}

/** Content script → background. */
export interface ContentToBackground {
  ordersSeen(data: OrdersSeen): OrderView[];
  messageFor(data: MessageRequest): MessageReply;
}

/** Background → content script: the views of orders that changed without the page knowing. */
export interface BackgroundToContent {
  ordersChanged(data: OrderView[]): void;
}

export interface ParsedBatch {
  pageUrl: string;
  shopName?: string;
  orders: OrderSnapshot[];
  rejected: number;
}

/** Parse an untrusted batch; throws only when the envelope itself is malformed. */
export function parseOrdersSeen(data: unknown): ParsedBatch {
  const envelope = OrdersSeenSchema.parse(data);
  const orders: OrderSnapshot[] = [];
  let rejected = 0;
  for (const raw of envelope.orders) {
    const parsed = OrderSnapshotSchema.safeParse(raw);
    if (parsed.success) orders.push(parsed.data);
    else rejected += 1;
  }
  return { pageUrl: envelope.pageUrl, shopName: envelope.shopName, orders, rejected };
}
