import { z } from 'zod';
import type { NudgeChannel } from './engine/types';

export const PLATFORM_IDS = ['taobao', 'jd', 'pdd', 'douyin', 'shopify', 'generic'] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export const ORDER_STATUSES = ['unpaid', 'paid', 'closed', 'other'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Longest text kept from a page field; page text is untrusted and may be huge. */
export const MAX_TEXT = 500;

/** Cut untrusted page text down to something safe to store and show. */
export function clipText(value: string | null | undefined, max = MAX_TEXT): string | undefined {
  if (value == null) return undefined;
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const text = (max = MAX_TEXT) => z.string().min(1).max(max);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

export const OrderItemSchema = z.object({
  title: text(),
  attrs: text().optional(),
  priceCents: z.number().int().min(0).optional(),
  quantity: z.number().int().min(1).max(1_000_000).optional(),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

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
  currency: z.enum(['CNY', 'USD']).optional(),
  buyer: text(200).optional(),
  items: z.array(OrderItemSchema).max(50),
  memo: text(1000).optional(),
  flag: z.number().int().min(0).max(9).optional(),
  /** Auto-close deadline read from the page, when it shows one. */
  closesAt: epochMs.optional(),
  /** The buyer chatted before ordering (询单拍下), when the page tells. */
  consulted: z.boolean().optional(),
});
export type OrderSnapshot = z.infer<typeof OrderSnapshotSchema>;

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
  nudgeCount: number;
  lastNudgeAt?: number;
  /** The plan step the next nudge belongs to, and how and with which words (lib/engine). */
  nextStep?: string;
  nextChannel?: NudgeChannel;
  nextScenario?: string;
  /** When the next nudge changes by the clock alone (a later step takes over, the order closes). */
  replanAt?: number;
  /** The agent snoozed the order until then. */
  snoozedUntil?: number;
  /** Plan steps the agent finished (logged a nudge for, or marked done). */
  doneSteps?: string[];
}

export function orderKey(platform: PlatformId, orderId: string): string {
  return `${platform}:${orderId}`;
}

export function formatAmount(cents: number | undefined, currency: 'CNY' | 'USD' = 'CNY'): string | undefined {
  if (cents === undefined) return undefined;
  const symbol = currency === 'USD' ? '$' : '¥';
  return `${symbol}${(cents / 100).toFixed(2)}`;
}

/** "first title" or "first title 等3件" when the order holds several items. */
export function itemSummary(items: readonly OrderItem[], locale: 'zh' | 'en' = 'zh'): string | undefined {
  const first = items[0];
  if (!first) return undefined;
  if (items.length === 1) return first.title;
  return locale === 'zh' ? `${first.title} 等${items.length}件` : `${first.title} and ${items.length - 1} more`;
}
