import { z } from "zod";
import { MAX_TEXT, ORDER_STATUSES, PLATFORM_IDS } from "@/lib/model/order";

/* Validation of orders arriving from pages and backups; the types are inferred in order.ts. */

const text = (max = MAX_TEXT) => z.string().min(1).max(max);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

export const OrderItemSchema = z.object({
  title: text(),
  attrs: text().optional(),
  priceCents: z.number().int().min(0).optional(),
  quantity: z.number().int().min(1).max(1_000_000).optional(),
});

/**
 * What an adapter reads off one order row. Every field but the id, platform and status may be
 * unknown: a row is never dropped because one field is missing.
 */
export const OrderSnapshotSchema = z.object({
  platform: z.enum(PLATFORM_IDS),
  // Ids stay strings: Taobao's 19 digits are beyond Number.MAX_SAFE_INTEGER.
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
  /** Auto-close deadline read from the page, when it shows one. */
  closesAt: epochMs.optional(),
  /** The buyer chatted before ordering (询单拍下), when the page tells. */
  consulted: z.boolean().optional(),
});
