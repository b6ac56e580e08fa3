#!/usr/bin/env node
// `npm start`: build PayNudge, serve the demo shop, and open Chromium with the extension on it.
// Without a display it runs the same flow headless, prints what PayNudge recognised and saves
// screenshots of the page and the popup.
import { spawnSync, execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEMO_PAGE, demoShopRoute, startServer } from "../demo/server.mjs";
import { findChrome, INSTALL_HINT, launchWithExtension } from "./chrome.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const OUT = join(ROOT, ".demo-output");
const args = new Set(process.argv.slice(2));
const hasDisplay =
  process.platform === "darwin" ||
  process.platform === "win32" ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.has("--headless") || !hasDisplay;

function step(text) {
  console.log(`\n▸ ${text}`);
}

try {
  findChrome();
} catch (error) {
  console.error(error instanceof Error ? error.message : INSTALL_HINT);
  process.exit(1);
}

if (!args.has("--no-build")) {
  step("Building the extension (wxt build --mode test: with the demo shop)…");
  const build = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/wxt/bin/wxt.mjs"), "build", "--mode", "test"],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

step("Starting the demo shop…");
let server;
try {
  server = await startServer({
    port: Number(process.env.PORT ?? 5178),
    routes: [demoShopRoute()],
  });
} catch {
  server = await startServer({ port: 0, routes: [demoShopRoute()] });
}
const demoUrl = `${server.origin}${DEMO_PAGE}`;
console.log(`  demo shop: ${demoUrl}`);

if (!headless) {
  step(
    "Opening Chromium with PayNudge loaded (close the browser window to stop).",
  );
  const browser = await launchWithExtension({
    headless: false,
    userDataDir: join(ROOT, ".demo-profile"),
    viewport: null,
  });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(demoUrl);
  console.log(
    `  popup: chrome-extension://${browser.extensionId}/popup.html (or click the PayNudge icon)`,
  );
  await new Promise((done) => browser.context.once("close", done));
  await server.close();
  process.exit(0);
}

step("No display: running headless.");
const browser = await launchWithExtension({ headless: true });
try {
  const page = await browser.context.newPage();
  await page.goto(demoUrl);
  await page.waitForFunction(
    () => {
      const hosts = [...document.querySelectorAll("[data-paynudge-order]")];
      return (
        hosts.length > 0 &&
        hosts.every((h) => h.getAttribute("data-paynudge-state"))
      );
    },
    null,
    { timeout: 20_000 },
  );
  // The second page of the list too, so the popup shows the whole day's work.
  const second = await browser.context.newPage();
  await second.goto(`${demoUrl}?tab=all&page=2`);
  await second.waitForSelector(
    '[data-paynudge-state]:not([data-paynudge-state=""])',
    { timeout: 20_000 },
  );

  const rows = await page.$$eval("[data-paynudge-order]", (hosts) =>
    hosts.map((h) => ({
      order: h.getAttribute("data-paynudge-order"),
      state: h.getAttribute("data-paynudge-state"),
      due: h.getAttribute("data-paynudge-due"),
    })),
  );
  console.log(`\nRecognised ${rows.length} orders on page 1 of the demo shop:`);
  console.table(
    rows.map((r) => ({
      order: r.order,
      state: r.state,
      "next nudge": r.due ? new Date(Number(r.due)).toLocaleString() : "—",
    })),
  );

  mkdirSync(OUT, { recursive: true });
  await page.bringToFront();
  await page.screenshot({ path: join(OUT, "demo-shop.png") });
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.waitForSelector("[data-paynudge-popup-item], .empty", {
    timeout: 10_000,
  });
  const due = await popup.$$eval(
    "[data-paynudge-popup-item]",
    (items) => items.length,
  );
  await popup.screenshot({ path: join(OUT, "popup.png") });
  const notifications = await popup.evaluate(
    () =>
      new Promise((r) =>
        chrome.notifications.getAll((all) => r(Object.keys(all).length)),
      ),
  );
  console.log(
    `Popup lists ${due} nudges due today; ${notifications} desktop notifications raised.`,
  );
  console.log(`Screenshots saved in ${OUT}: demo-shop.png, popup.png`);
  try {
    if (!execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim()) {
      console.log(
        "Note: no Chinese font is installed, so screenshots show boxes (Debian: apt-get install fonts-wqy-microhei).",
      );
    }
  } catch {
    // fc-list is missing on some systems; the screenshots are still saved.
  }
} finally {
  await browser.close();
  await server.close();
}
