import { defineConfig } from "wxt";

export default defineConfig({
  // Separate build folders let several e2e runs share a machine (see scripts/chrome.mjs).
  outDir: process.env.PAYNUDGE_OUT_DIR ?? ".output",
  modules: ["@wxt-dev/module-react"],
  // Explicit imports only: every module says where its names come from.
  imports: false,
  manifest: {
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "zh_CN",
    permissions: [
      "alarms",
      "notifications",
      "tabs",
      "scripting",
      "clipboardWrite",
    ],
    // Sites the seller enables PayNudge on beyond the known platforms (lib/background/granted-sites.ts).
    optional_host_permissions: ["https://*/*", "http://*/*"],
    action: { default_title: "__MSG_extName__" },
  },
});
