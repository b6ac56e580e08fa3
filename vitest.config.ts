import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ["test/unit/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["test/support/setup.ts"],
    globals: false,
    // Both CPUs of a 2-CPU machine (Vitest's default leaves one idle there): the unit stage of
    // npm test in about 2.5 min instead of 4.5.
    maxWorkers: 2,
  },
});
