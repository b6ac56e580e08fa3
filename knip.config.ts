import type { KnipConfig } from "knip";

// Unused files, exports and dependencies, and import circles, fail `npm test` (issue #12).
// WXT's plugin adds entrypoints/** as entries, Vitest's the setup files and configs, ESLint's the
// plugins and resolver that eslint.config.js names.
const config: KnipConfig = {
  entry: [
    // Run by hand or by package.json's scripts; scripts/bench/*.mjs are run by scripts/bench.mjs.
    "scripts/**/*.mjs",
    "test/unit/**/*.test.{ts,tsx}",
    "test/e2e/**/*.e2e.ts",
    // Read by WXT itself when it opens a browser (`npm run dev`).
    "web-ext.config.ts",
  ],
  // demo/ is in the project, not an entry: nothing runs it directly (scripts/ and the e2e tests
  // import it), so its unused exports and files count too.
  project: [
    "lib/**/*.{ts,tsx}",
    "components/**/*.{ts,tsx}",
    "entrypoints/**/*.{ts,tsx}",
    "test/**/*.{ts,tsx}",
    "scripts/**/*.mjs",
    "demo/**/*.mjs",
  ],
  vitest: { config: ["vitest.config.ts", "vitest.e2e.config.ts"] },
  // A system tool (fontconfig) scripts/start.mjs asks about Chinese fonts, not an npm package.
  ignoreBinaries: ["fc-list"],
  // Knip's default issue types, plus import circles (off by default).
  include: [
    "files",
    "dependencies",
    "unlisted",
    "binaries",
    "unresolved",
    "exports",
    "types",
    "enumMembers",
    "namespaceMembers",
    "duplicates",
    "cycles",
  ],
  rules: { cycles: "error" },
};

export default config;
