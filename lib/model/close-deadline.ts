import type { PlatformId } from "@/lib/model/order";

const HOUR = 3_600_000;

/**
 * How long an unpaid order stays open before the platform closes it. No platform states this in a
 * source we trust (see shared/platforms.md), so these are editable defaults; a deadline read from
 * the page always wins. `undefined` means the order never closes by itself (Shopify).
 */
export const DEFAULT_CLOSE_AFTER_MS: Record<PlatformId, number | undefined> = {
  taobao: 72 * HOUR,
  jd: 24 * HOUR,
  pdd: 24 * HOUR,
  douyin: 0.5 * HOUR,
  shopify: undefined,
  generic: 24 * HOUR,
};

export function closeDeadline(
  order: { platform: PlatformId; createdAt?: number; closesAt?: number },
  closeAfterMs: Record<PlatformId, number | undefined> = DEFAULT_CLOSE_AFTER_MS,
): number | undefined {
  if (order.closesAt !== undefined) return order.closesAt;
  const after = closeAfterMs[order.platform];
  if (after === undefined || order.createdAt === undefined) return undefined;
  return order.createdAt + after;
}
