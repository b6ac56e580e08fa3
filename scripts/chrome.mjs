// Finds Chrome/Chromium and launches it with the built extension. Shared by `npm start` and the
// end-to-end tests. Never downloads a browser.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { chromium } from "playwright-core";

const ROOT = new URL("..", import.meta.url).pathname;
/**
 * The test build (`npm run build:test`: production plus the demo shop and the test hooks), which
 * `npm start`, the e2e tests and the benchmarks load; PAYNUDGE_OUT_DIR moves it, as it moves
 * `wxt build`'s output. `npm run build` makes the production build beside it, in chrome-mv3.
 */
export const EXTENSION_DIR = resolve(
  ROOT,
  process.env.PAYNUDGE_OUT_DIR ?? ".output",
  "chrome-mv3-test",
);
/** The production build (`npm run build`), beside the test build. */
export const PRODUCTION_DIR = resolve(EXTENSION_DIR, "..", "chrome-mv3");

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/snap/bin/chromium",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/opt/google/chrome/chrome",
  "/usr/bin/microsoft-edge",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
];

export const INSTALL_HINT = [
  "PayNudge needs Chrome or Chromium to run, and none was found.",
  "Install one, or point CHROME_PATH at it:",
  "  Debian/Ubuntu:  sudo apt-get install -y chromium",
  "  macOS:          install Google Chrome from google.com/chrome",
  "  any system:     CHROME_PATH=/path/to/chrome npm start",
].join("\n");

/** CHROME_PATH first, then the usual install paths. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(
      `CHROME_PATH is set to ${fromEnv}, which does not exist.\n${INSTALL_HINT}`,
    );
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

/**
 * Chromium's flags for the tests and benchmarks, with or without the extension alike: no network
 * of its own, Chinese UI; `hostMap`: every host name resolves to that local HTTPS port.
 * @param {number} [hostMap]
 */
export function browserArgs(hostMap) {
  const args = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--lang=zh-CN",
  ];
  if (hostMap)
    args.push(
      `--host-resolver-rules=MAP * 127.0.0.1:${hostMap}, EXCLUDE localhost`,
    );
  return args;
}

/**
 * A new profile's languages are Chinese from its first page on. Playwright's `locale` reaches the
 * pages it attaches to, but a page the extension opens at install (the welcome page) may load
 * before that, and on Linux Chromium takes its languages from the environment, not `--lang`: such
 * a page read English once on a busy machine. The profile's own preference holds for every page.
 * @param {string} userDataDir
 * @returns {boolean} whether the profile is new (Chromium has not run on it yet)
 */
function preferChinese(userDataDir) {
  const prefs = join(userDataDir, "Default", "Preferences");
  if (existsSync(prefs)) return false;
  mkdirSync(dirname(prefs), { recursive: true });
  writeFileSync(
    prefs,
    JSON.stringify({
      intl: { accept_languages: "zh-CN,zh", selected_languages: "zh-CN,zh" },
    }),
  );
  return true;
}

/**
 * @param {{ headless?: boolean, hostMap?: number, userDataDir?: string, viewport?: {width:number,height:number}, extensionDir?: string }} [opts]
 *   hostMap: a local HTTPS port that every host name resolves to (real-URL fixtures).
 *   extensionDir: another unpacked copy to load instead of the build (benchmarks add pages to one).
 */
export async function launchWithExtension(opts = {}) {
  const extensionDir = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, "manifest.json"))) {
    throw new Error(
      `No built extension in ${extensionDir}: run \`npm run build:test\` first.`,
    );
  }
  const ownDir = !opts.userDataDir;
  const userDataDir =
    opts.userDataDir ?? mkdtempSync(join(tmpdir(), "paynudge-profile-"));
  const firstRun = preferChinese(userDataDir);
  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    ...browserArgs(opts.hostMap),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChrome(),
    headless: opts.headless ?? true,
    args,
    ignoreHTTPSErrors: true,
    locale: "zh-CN",
    viewport: opts.viewport ?? { width: 1280, height: 900 },
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent("serviceworker"));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    userDataDir,
    /** A new profile: the extension opens its welcome page in a tab of its own, soon after start. */
    firstRun,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (ownDir && !keepProfile)
        rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
