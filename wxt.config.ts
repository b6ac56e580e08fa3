import { defineConfig } from "wxt";
// Relative: the build config is loaded without the `@/` alias (the table imports types only).
import { CONTENT_MATCHES, DEMO_MATCHES } from "./lib/model/platforms";

/**
 * Host permissions for the patterns: the origin of each (Chrome ignores a host permission's path).
 * They let the background see the URLs of the platforms' tabs without the `tabs` permission.
 */
function hostPermissionsFor(patterns: readonly string[]): string[] {
  return [
    ...new Set(
      patterns.map((pattern) =>
        pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, "$1/*"),
      ),
    ),
  ];
}

/** The modules entrypoints/offscreen loads (WXT's own code for every page among them), and no more. */
const OFFSCREEN_MODULES =
  /(components[\\/]shared[\\/](clipboard|trusted-event)|lib[\\/]messaging[\\/]offscreen-copy|wxt[\\/]dist[\\/]browser|@wxt-dev[\\/]browser)[\\/.]|wxt-html-plugins|modulepreload-polyfill/;

/** Development and test builds (`wxt`, `wxt build --mode test`) also run on the bundled demo shop. */
const withDemo = (mode: string) => mode !== "production";

export default defineConfig({
  // Separate build folders let several e2e runs share a machine (see scripts/chrome.mjs).
  outDir: process.env.PAYNUDGE_OUT_DIR ?? ".output",
  modules: ["@wxt-dev/module-react"],
  // Explicit imports only: every module says where its names come from.
  imports: false,
  manifest: ({ mode }) => ({
    name: "__MSG_extName__",
    description: "__MSG_extDescription__",
    default_locale: "zh_CN",
    // No `tabs`: the host permissions below let the background read the URLs of the platforms'
    // tabs (and a granted site's, once granted), which is all it needs tab URLs for.
    // `offscreen`: the keyboard shortcut's copy needs a document (lib/background/shortcuts.ts).
    permissions: [
      "alarms",
      "notifications",
      "scripting",
      "clipboardWrite",
      "offscreen",
    ],
    host_permissions: hostPermissionsFor(
      withDemo(mode) ? [...CONTENT_MATCHES, ...DEMO_MATCHES] : CONTENT_MATCHES,
    ),
    // Sites the seller enables PayNudge on beyond the known platforms (lib/background/granted-sites.ts).
    optional_host_permissions: ["https://*/*", "http://*/*"],
    // The order script (entrypoints/orders/index.ts says why it is an unlisted script listed here,
    // not a WXT content script); the hook below adds the demo shop outside production.
    content_scripts: [
      {
        matches: [...CONTENT_MATCHES],
        js: ["orders.js"],
        // Taobao's legacy list is sometimes embedded in an iframe (`?isFrame=true`).
        all_frames: true,
        run_at: "document_idle",
      },
    ],
    action: { default_title: "__MSG_extName__" },
    // Keyboard first (lib/background/shortcuts.ts); the seller may change the keys in Chrome.
    commands: {
      "open-workspace": {
        suggested_key: { default: "Alt+Shift+P" },
        description: "__MSG_cmdOpenWorkspace__",
      },
      "copy-next-due": {
        suggested_key: { default: "Alt+Shift+C" },
        description: "__MSG_cmdCopyNextDue__",
      },
    },
  }),
  hooks: {
    // The test build is the production build plus test hooks, with the same libraries: WXT sets
    // NODE_ENV to the mode, which would give it React's development build (about twice the page's
    // scripting time, and what the benchmarks and e2e tests would then measure).
    "vite:build:extendConfig": (entrypoints, config) => {
      // The extension's pages share one chunk of the code two or more of them use, rather than
      // one chunk per set of pages using it: every module a page loads is a request to the
      // extension's files and a module to link before the page's code starts, and the popup's ten
      // chunks held its first rows back by 10–15 ms (npm run bench, popup-render).
      if (entrypoints.some((entry) => entry.name === "popup")) {
        const rolldown = (config.build ??= {}).rolldownOptions ?? {};
        config.build.rolldownOptions = {
          ...rolldown,
          output: {
            ...(rolldown.output as object),
            codeSplitting: {
              groups: [
                // Except what the hidden clipboard page (entrypoints/offscreen) uses: once the
                // keyboard shortcut has copied, it stays open all day, holding only that.
                { name: "base", test: OFFSCREEN_MODULES, priority: 1 },
                { name: "shared", minShareCount: 2 },
              ],
            },
          },
        };
      }
      if (config.mode !== "test") return;
      config.define = {
        ...config.define,
        "process.env.NODE_ENV": JSON.stringify("production"),
      };
      // JSX compiled for that build too (the development runtime is absent from it).
      const oxc = typeof config.oxc === "object" ? config.oxc : {};
      config.oxc = {
        ...oxc,
        jsx: {
          ...(typeof oxc.jsx === "object" ? oxc.jsx : {}),
          development: false,
        },
      };
    },
    // The order content script's matches are the platforms'; outside production the demo shop's too.
    "build:manifestGenerated": (wxt, manifest) => {
      if (!withDemo(wxt.config.mode)) return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.matches?.includes(CONTENT_MATCHES[0]!))
          script.matches.push(...DEMO_MATCHES);
      }
    },
  },
});
