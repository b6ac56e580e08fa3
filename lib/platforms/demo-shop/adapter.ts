import { taobaoLegacy } from "@/lib/platforms/taobao/legacy";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** The bundled demo shop mirrors Taobao's legacy list, so the demo exercises the real adapter. */
const DEMO_PATH = "/paynudge-demo/";

export const demoShop: PlatformAdapter<"taobao"> = {
  ...taobaoLegacy,
  id: "demo-shop",
  matches: (url) =>
    (url.hostname === "localhost" || url.hostname === "127.0.0.1") &&
    url.pathname.startsWith(DEMO_PATH),
  // The demo's 旺旺 window names the buyer in its header (demo/taobao-page.mjs, ours, 2026).
  chatBuyer: ["#ww-chat #ww-buyer"],
};
