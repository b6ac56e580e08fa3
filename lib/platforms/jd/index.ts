import { jdNewList, jdOrderList } from "@/lib/platforms/jd/order-lists";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** JD's order lists: the old one (two layouts) and the new one, read by text alone. */
export const JD_ADAPTERS: readonly PlatformAdapter<"jd">[] = [
  jdOrderList,
  jdNewList,
];
