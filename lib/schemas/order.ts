import { z } from "zod";
import {
  MAX_TEXT,
  ORDER_STATUSES,
  PLATFORM_IDS,
  type OrderItem,
  type OrderSnapshot,
} from "@/lib/model/order";
import { schemaOf } from "@/lib/schemas/schema-of";

/* Validation of orders arriving from pages and backups, against the model's types. */

const text = (max = MAX_TEXT) => z.string().min(1).max(max);
export const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

const OrderItemSchema = schemaOf<OrderItem>()(
  z.object({
    title: text(),
    attrs: text().optional(),
    priceCents: z.number().int().min(0).optional(),
    quantity: z.number().int().min(1).max(1_000_000).optional(),
  }),
);

export const OrderSnapshotSchema = schemaOf<OrderSnapshot>()(
  z.object({
    platform: z.enum(PLATFORM_IDS),
    orderId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9#_-]+$/),
    status: z.enum(ORDER_STATUSES),
    statusText: text(60).optional(),
    createdAt: epochMs.optional(),
    amountCents: z.number().int().min(0).max(1e12).optional(),
    currency: z.enum(["CNY", "USD"]).optional(),
    buyer: text(200).optional(),
    items: z.array(OrderItemSchema).max(50),
    memo: text(1000).optional(),
    flag: z.number().int().min(0).max(9).optional(),
    closesAt: epochMs.optional(),
    consulted: z.boolean().optional(),
    paidAt: epochMs.optional(),
  }),
);
