import { taobaoLegacy } from "@/lib/platforms/taobao/legacy";
import { qianniu } from "@/lib/platforms/taobao/qianniu";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** Taobao/Tmall's order lists: the legacy sold-items list and the Qianniu sold list. */
export const TAOBAO_ADAPTERS: readonly PlatformAdapter<"taobao">[] = [
  taobaoLegacy,
  qianniu,
];
