import { douyin } from "@/lib/platforms/douyin/orders";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** Douyin 抖店's order list. */
export const DOUYIN_ADAPTERS: readonly PlatformAdapter<"douyin">[] = [douyin];
