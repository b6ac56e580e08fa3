#!/usr/bin/env node
// `node scripts/screenshots.mjs [--no-build] [--out DIR]`: retakes the README's screenshots
// (docs/*.png) from the test build on the demo shop, each at its real size (one CSS pixel a pixel):
// the order page with its badges (1280×800), the popup (360 px wide, as Chrome draws it), the
// workspace as the side panel shows it (400 px wide, an order open), the options page and the
// welcome page (1280×800). Chinese needs a Chinese font (Debian: fonts-wqy-microhei).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEMO_PAGE, demoShopRoute, startServer } from "../demo/server.mjs";
import { launchWithExtension } from "./chrome.mjs";

const ROOT = resolve(new URL("..", import.meta.url).pathname);
const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const OUT = outAt >= 0 ? resolve(args[outAt + 1]) : join(ROOT, "docs");
const PAGE = { width: 1280, height: 800 };
const POPUP = { width: 360, height: 600 };
const SIDE_PANEL = { width: 400, height: 800 };

// The same afternoon whenever the pictures are retaken: the browser's clock stays true, its time
// zone is one where it is now about 14:00, so no order sits in the default quiet hours
// (02:00–09:00) and the due times read as a working day. Set before Chromium starts (it inherits it).
const offset = (14 - new Date().getUTCHours() + 24) % 24;
const hours = offset > 12 ? offset - 24 : offset;
// Etc/GMT zones are named with the sign reversed: Etc/GMT-8 is UTC+8.
process.env.TZ = `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}`;

try {
  if (!execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).trim())
    console.warn(
      "No Chinese font is installed: the screenshots will show boxes (Debian: apt-get install fonts-wqy-microhei).",
    );
} catch {
  // fc-list is missing on some systems; the screenshots are still taken.
}

if (!args.includes("--no-build")) {
  const build = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/wxt/bin/wxt.mjs"), "build", "--mode", "test"],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** Settings rows written as the options page saves them (an agent's nickname, the shop's name). */
function putSettings(page, rows) {
  return page.evaluate(
    (rows) =>
      new Promise((done, fail) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("settings", "readwrite");
          for (const [key, value] of Object.entries(rows))
            tx.objectStore("settings").put({ key, value });
          tx.oncomplete = () => (open.result.close(), done(undefined));
          tx.onerror = () => fail(tx.error);
        };
      }),
    rows,
  );
}

async function badged(page) {
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
}

/** Fonts loaded and two frames drawn: what the screenshot shows is what the agent sees. */
async function settled(page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
  });
}

const server = await startServer({ port: 0, routes: [demoShopRoute()] });
const browser = await launchWithExtension({ headless: true, viewport: PAGE });
mkdirSync(OUT, { recursive: true });
const saved = [];
async function shoot(page, name) {
  await settled(page);
  const path = join(OUT, name);
  await page.screenshot({ path });
  saved.push(path);
}
try {
  const base = `chrome-extension://${browser.extensionId}`;
  const context = browser.context;

  // The first run: the welcome page, as it opens on a fresh profile (before any setting).
  const welcome = await context.newPage();
  await welcome.goto(`${base}/welcome.html`);
  await welcome.waitForSelector("form, main", { timeout: 10_000 });
  await shoot(welcome, "welcome.png");
  await putSettings(welcome, { agentName: "小美" });
  await welcome.close();

  // The order page, badged; its second page too, so the queue holds the whole day's work.
  const shop = await context.newPage();
  await shop.goto(server.origin + DEMO_PAGE);
  await badged(shop);
  const second = await context.newPage();
  await second.goto(`${server.origin}${DEMO_PAGE}?tab=all&page=2`);
  await badged(second);
  await second.close();
  await shop.bringToFront();
  await shoot(shop, "demo-shop.png");

  const popup = await context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(`${base}/popup.html`);
  await popup.waitForSelector("[data-paynudge-popup-item]", {
    timeout: 10_000,
  });
  await shoot(popup, "popup.png");
  await popup.close();

  // The workspace with the order longest overdue open, as a badge's click opens it.
  const workspace = await context.newPage();
  await workspace.setViewportSize(SIDE_PANEL);
  await workspace.goto(`${base}/sidepanel.html`);
  await workspace.locator(".queue .work-row button").first().click();
  await workspace.waitForSelector(".order-panel[data-order]", {
    timeout: 10_000,
  });
  await shoot(workspace, "workspace.png");
  await workspace.close();

  const options = await context.newPage();
  await options.goto(`${base}/options.html`);
  await options.waitForSelector("nav a", { timeout: 10_000 });
  await shoot(options, "options.png");
  await options.close();

  console.log(`Saved:\n  ${saved.join("\n  ")}`);
} finally {
  await browser.close();
  await server.close();
}
