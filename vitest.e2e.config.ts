import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Real Chromium against the test build in .output/chrome-mv3-test (`npm run build:test` first).
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Three files at a time, even on 2 CPUs: most e2e time is spent waiting for due moments,
    // alarms and a stopped worker's restart (scheduler.e2e.ts alone waits about 4 min), which the
    // other files' browsers use. Two at a time took a minute longer.
    fileParallelism: true,
    maxWorkers: 3,
    globals: false,
  },
});
