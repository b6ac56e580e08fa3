import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * A fixed-offset time zone in which it is early afternoon when the suite starts. Its tests run on
 * the real clock, and many follow orders due "later today": a run begun at 23:50 saw them fall due
 * tomorrow, out of today's queue, and failed (a team's queues waited for rows that never came).
 * What a zone and an hour do to the product is held by the unit tests' properties over every hour
 * of the day; here Node (the tests' own dates) and Chromium (browser, pages and service worker)
 * both take TZ from the environment. PAYNUDGE_E2E_TZ picks another zone.
 */
function afternoonZone(now = new Date()): string {
  const east = Math.round(13 - now.getUTCHours() - now.getUTCMinutes() / 60);
  // IANA's Etc zones name the offset with the opposite sign: Etc/GMT-13 is 13 hours east of UTC.
  return east === 0
    ? "Etc/UTC"
    : `Etc/GMT${east > 0 ? "-" : "+"}${Math.abs(east)}`;
}
const zone = process.env.PAYNUDGE_E2E_TZ ?? afternoonZone();
process.env.TZ = zone;

// Real Chromium against the test build in .output/chrome-mv3-test (`npm run build:test` first).
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    environment: "node",
    env: { TZ: zone },
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
