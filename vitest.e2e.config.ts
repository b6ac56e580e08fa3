import { defineConfig } from "vitest/config";

// Real Chromium against the built extension in .output/chrome-mv3 (build it first).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globals: false,
  },
});
