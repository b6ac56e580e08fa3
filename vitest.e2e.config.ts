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
    // Two files at a time: most e2e time is spent waiting for due moments, alarms and a stopped
    // worker's restart, which another file's browser can use.
    fileParallelism: true,
    maxWorkers: 2,
    globals: false,
  },
});
