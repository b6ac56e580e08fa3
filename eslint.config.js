// One lint config for the whole repository: TypeScript, the rules of hooks, and the layer map as
// import boundaries, so a layer that reaches above itself, a bundle that pulls in zod, or a pure
// module that touches the browser fails `npm test`. The policies below are the map:
//   0 i18n · 1 model · 2 engine, templates, platforms (not each other) · 3 messaging ·
//   3½ browser-tabs (popup and background; model below it) · 4 schemas (zod; may read db's types), db (Dexie;
//   never schemas or zod), page (the order script's logic; never db, schemas, components) ·
//   5 background (all of lib/).
//   components/page|popup|options|sidepanel|report|shared draw with lib/ (never background/); page and popup never
//   schemas or zod, page never db; shared only model and i18n. entrypoints/ wire anything. model and engine touch
//   no browser API.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Each layer is one folder, matched from the repository root. */
const ELEMENTS = [
  ["i18n", "lib/i18n"],
  ["model", "lib/model"],
  ["engine", "lib/engine"],
  ["templates", "lib/templates"],
  ["platforms", "lib/platforms"],
  ["messaging", "lib/messaging"],
  ["browser-tabs", "lib/browser-tabs"],
  ["schemas", "lib/schemas"],
  ["db", "lib/db"],
  ["page", "lib/page"],
  ["background", "lib/background"],
  ["components-page", "components/page"],
  ["components-popup", "components/popup"],
  ["components-options", "components/options"],
  ["components-sidepanel", "components/sidepanel"],
  ["components-welcome", "components/welcome"],
  ["components-report", "components/report"],
  ["components-shared", "components/shared"],
  ["entrypoints", "entrypoints"],
  ["test", "test"],
].map(([type, pattern]) => ({ type, pattern, partialMatch: false }));

const el = (...types) => ({ element: { types: { anyOf: types } } });
const to = (...types) => ({ to: el(...types) });
/** Imports of these packages, as written (`zod`, `zod/mini`, `wxt/browser`, `@webext-core/*`). */
const pkg = (...sources) => ({ dependency: { source: sources } });

/** Every lib/ layer, bottom to top. */
const LAYER_0 = ["i18n"];
const LAYER_1 = [...LAYER_0, "model"];
const LAYER_2 = [...LAYER_1, "engine", "templates", "platforms"];
const LAYER_3 = [...LAYER_2, "messaging"];
const LIB = [...LAYER_3, "browser-tabs", "schemas", "db", "page", "background"];

/** The popup's and the order script's bundles: never zod (it is most of a bundle's weight). */
const ZOD_FREE_ENTRYPOINTS = {
  element: {
    type: "entrypoints",
    fileInternalPath: ["popup/**", "popup-first-read.ts", "orders/**"],
  },
};

const layerPolicies = [
  // Layer 1 and 2: the nouns and what is pure about them. Layer 2's folders don't import each other.
  { from: el("model"), allow: to(...LAYER_0) },
  { from: el("engine", "templates", "platforms"), allow: to(...LAYER_1) },
  { from: el("messaging"), allow: to(...LAYER_2) },
  // The popup's and the background's reach into tabs: focusing or opening an order's tab, asking a
  // tab's frames what PayNudge reads there (answered in the nouns of model).
  { from: el("browser-tabs"), allow: to(...LAYER_1) },
  // Layer 4. schemas may read db's types; db never imports schemas (the popup reads the db).
  { from: el("schemas"), allow: to(...LAYER_3, "db") },
  { from: el("db"), allow: to(...LAYER_3) },
  { from: el("page"), allow: to(...LAYER_3) },
  { from: el("background"), allow: to(...LIB) },
  // Components draw: lib/ below background/; shared imports the nouns and words only.
  { from: el("components-shared"), allow: to(...LAYER_1) },
  // The badge and panel run in the seller's page, which can't reach the extension's database.
  {
    from: el("components-page"),
    allow: to(...LAYER_3, "page", "components-shared"),
  },
  {
    from: el("components-popup"),
    allow: to(...LAYER_3, "db", "browser-tabs", "components-shared"),
  },
  {
    from: el("components-options"),
    allow: to(...LAYER_3, "schemas", "db", "page", "components-shared"),
  },
  // The workspace beside the page: the popup's queue rows and the badge's nudge panel, drawn in
  // the side panel (with the page's panel model, lib/page/ui-port.ts, as its props).
  {
    from: el("components-sidepanel"),
    allow: to(
      ...LAYER_3,
      "db",
      "browser-tabs",
      "page",
      "components-shared",
      "components-popup",
      "components-page",
    ),
  },
  // The first run's welcome page: the nickname and shops saved through the background, the
  // platforms' order pages from the one table (model).
  {
    from: el("components-welcome"),
    allow: to(...LAYER_3, "db", "components-shared"),
  },
  // The report's own page (issue 16): the figures read from db, the daily report copied and saved
  // (shared's clipboard and download). No schemas: the page sends nothing to check.
  {
    from: el("components-report"),
    allow: to(...LAYER_3, "db", "components-shared"),
  },
  // Entrypoints only wire (anything but the tests); tests may reach anything.
  {
    from: el("entrypoints"),
    allow: { to: { element: { types: { noneOf: ["test"] } } } },
  },
  { from: el("test"), allow: { to: { element: { isUnknown: false } } } },
  // The page's and the popup's bundles never carry schemas/ (nor zod, below).
  { from: ZOD_FREE_ENTRYPOINTS, disallow: to("schemas") },
];

const packagePolicies = [
  // Packages are free unless a policy below says otherwise.
  { allow: { to: { module: { origin: ["external", "core"] } } } },
  // zod belongs to schemas/, which only the background and the options page import.
  {
    from: el(
      ...LAYER_3,
      "db",
      "page",
      "components-page",
      "components-popup",
      "components-sidepanel",
      "components-report",
    ),
    disallow: pkg("zod", "zod/**"),
  },
  { from: ZOD_FREE_ENTRYPOINTS, disallow: pkg("zod", "zod/**") },
  // The welcome page needs no checks of its own: the background checks what it sends.
  { from: el("components-welcome"), disallow: pkg("zod", "zod/**") },
  // Dexie belongs to db/: nothing below it, nor the page (no db there), reaches for it.
  {
    from: el(...LAYER_3, "page", "components-page", "components-shared"),
    disallow: pkg("dexie", "dexie-react-hooks"),
  },
  // model/ and engine/ are pure: no browser, no extension API.
  {
    from: el("model", "engine"),
    disallow: pkg("wxt/browser", "@webext-core/*", "webextension-polyfill"),
  },
  // An `@/` import that does not resolve would pass every policy above as an unknown package.
  {
    disallow: { to: { module: { origin: "external", source: ["@", "@/**"] } } },
    message:
      "`{{ dependency.source }}` does not resolve: the `@/` alias lives in .wxt/tsconfig.json (`npx wxt prepare`).",
  },
];

export default defineConfig([
  // Built, generated or copied as is; the rest mirrors .gitignore (ESLint does not read it).
  globalIgnores([
    ".output*/**",
    ".wxt/**",
    "node_modules/**",
    "test-results/**",
    "public/**",
    ".demo-output/**",
    ".bench-output/**",
    ".demo-profile/**",
    "scripts/tmp/**",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    rules: {
      // As tsc (noUnusedLocals) reads it: a leading `_` marks a name kept on purpose (a parameter
      // a signature needs, a field left out of a `...rest` copy).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // A declaration file's names are used elsewhere, and an augmented interface must repeat the
    // original's type parameters (`interface HTMLAttributes<T>`) whether it uses them or not.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  {
    // scripts/ hand callbacks to Playwright that run inside the extension's pages.
    files: ["scripts/**/*.mjs"],
    languageOptions: { globals: { chrome: "readonly" } },
  },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // React Compiler's checks (purity, immutability, refs, state set in render or effects) where
    // components are: they share one compiler pass per file, the costliest step of the lint.
    files: ["components/**/*.tsx", "entrypoints/**/*.tsx"],
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      "react-hooks/exhaustive-deps": "error",
      "react-hooks/incompatible-library": "error",
      "react-hooks/unsupported-syntax": "error",
    },
  },
  // Relative imports reach at most into the importer's own folder; anything further is `@/`.
  ...[
    { files: ["lib/**", "components/**", "entrypoints/**"], mjs: false },
    // scripts/ and demo/ are plain .mjs run by Node, which knows no `@/`: the tests and scripts
    // reach them by path.
    { files: ["test/**", "scripts/**", "demo/**"], mjs: true },
  ].map(({ files, mjs }) => ({
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: mjs ? "^(\\./)?\\.\\./(?!.*\\.mjs$)" : "^(\\./)?\\.\\./",
              message:
                "Import through `@/` (a relative path may not climb out of its folder).",
            },
          ],
        },
      ],
    },
  })),
  {
    files: [
      "lib/**/*.{ts,tsx}",
      "components/**/*.{ts,tsx}",
      "entrypoints/**/*.{ts,tsx}",
      "test/**/*.{ts,tsx}",
    ],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": ELEMENTS,
      "boundaries/dependency-nodes": ["import", "export", "dynamic-import"],
      "import/resolver": {
        typescript: { project: "./tsconfig.json", alwaysTryTypes: true },
      },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          checkAllOrigins: true,
          policies: [...layerPolicies, ...packagePolicies],
        },
      ],
      "boundaries/no-unknown-files": "error",
    },
  },
  {
    // model/ and engine/ take `now` and data as arguments: no browser globals either.
    files: ["lib/model/**", "lib/engine/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...[
          "chrome",
          "browser",
          "window",
          "document",
          "navigator",
          "location",
          "localStorage",
          "sessionStorage",
          "indexedDB",
          "fetch",
          "XMLHttpRequest",
        ].map((name) => ({
          name,
          message: "model/ and engine/ are pure: no browser API.",
        })),
      ],
    },
  },
  prettier,
]);
