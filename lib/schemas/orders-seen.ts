import { z } from "zod";
import type { OrdersSeen } from "@/lib/messaging/order-requests";
import type { OrderSnapshot } from "@/lib/model/order";
import { OrderSnapshotSchema } from "@/lib/schemas/order";
import { schemaOf } from "@/lib/schemas/schema-of";

/*
 * A batch of orders from a content script. It runs in the seller's page, so everything it sends is
 * checked on arrival: the envelope must parse, and each order is validated on its own so one bad
 * row never loses the others.
 */

export const OrdersSeenSchema = schemaOf<
  Omit<OrdersSeen, "orders"> & { orders: unknown[] }
>()(
  z.object({
    pageUrl: z.string().url().max(4096),
    shopName: z.string().min(1).max(200).optional(),
    // Unbounded here: rows past MAX_BATCH_ORDERS are skipped and counted, never the whole batch.
    orders: z.array(z.unknown()),
  }),
);

/** The most orders one batch stores; the content script sends a big page in smaller chunks. */
export const MAX_BATCH_ORDERS = 2000;

export type ParsedBatch = OrdersSeen & {
  /** Rows that did not parse as an order. */
  rejected: number;
  /** Rows past MAX_BATCH_ORDERS, not looked at. */
  skipped: number;
};

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
