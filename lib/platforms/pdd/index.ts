import { pinduoduo } from "@/lib/platforms/pdd/orders";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** Pinduoduo's merchant order list. */
export const PDD_ADAPTERS: readonly PlatformAdapter<"pdd">[] = [pinduoduo];
