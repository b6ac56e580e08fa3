import { shopify } from "@/lib/platforms/shopify/orders";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** Shopify admin's order list. */
export const SHOPIFY_ADAPTERS: readonly PlatformAdapter<"shopify">[] = [
  shopify,
];
