import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";
import { PLATFORMS } from "@/lib/model/platforms";

/**
 * How long an unpaid order stays open before the platform closes it, per platform: the table's
 * defaults (model/platforms.ts says why they are only defaults). `undefined`: never by itself.
 */
export const DEFAULT_CLOSE_AFTER_MS = Object.fromEntries(
  PLATFORM_IDS.map((platform) => [platform, PLATFORMS[platform].closeAfterMs]),
) as Record<PlatformId, number | undefined>;

export function closeDeadline(
  order: { platform: PlatformId; createdAt?: number; closesAt?: number },
  closeAfterMs: Record<PlatformId, number | undefined> = DEFAULT_CLOSE_AFTER_MS,
): number | undefined {
  if (order.closesAt !== undefined) return order.closesAt;
  const after = closeAfterMs[order.platform];
  if (after === undefined || order.createdAt === undefined) return undefined;
  return order.createdAt + after;
}
