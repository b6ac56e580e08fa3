import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

/**
 * The tests of lib's layers that run where there is no DOM (the background's service worker, and
 * the pure layers under it) run in Node: jsdom's set-up was half the unit stage's time. The order
 * script's layers (page, platforms), the components and the demo run in jsdom; a file that needs
 * a browser global the worker has too (navigator) says so in its first line.
 */
const NO_DOM = [
  "test/unit/lib/{background,browser-tabs,db,engine,i18n,model,schemas,templates}/**/*.test.{ts,tsx}",
];

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    setupFiles: ["test/support/setup.ts"],
    globals: false,
    // Both CPUs of a 2-CPU machine (Vitest's default leaves one idle there): the unit stage of
    // npm test in about 2.5 min instead of 4.5.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: "dom",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          exclude: NO_DOM,
          environment: "jsdom",
        },
      },
      {
        extends: true,
        test: { name: "node", include: NO_DOM, environment: "node" },
      },
    ],
  },
});
