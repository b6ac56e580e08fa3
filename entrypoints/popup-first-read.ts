import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { startFirstScreenRead } from "@/lib/db/first-screen";

// A classic script the popup's page runs before its module graph (React, Dexie) has loaded: the
// first screen's read is under way while that code is fetched and parsed.
export default defineUnlistedScript(() => startFirstScreenRead());
