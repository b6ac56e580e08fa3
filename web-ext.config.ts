import { defineWebExtConfig } from "wxt";
import { findChrome } from "./scripts/chrome.mjs";

// `npm run dev` opens Chrome only where there is a screen; elsewhere it builds and watches, and
// the extension is loaded by hand from .output/chrome-mv3-dev.
const hasDisplay =
  process.platform === "darwin" ||
  process.platform === "win32" ||
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

function chromeBinary(): string | undefined {
  try {
    return findChrome();
  } catch {
    return undefined;
  }
}

const chrome = chromeBinary();

export default defineWebExtConfig({
  disabled: !hasDisplay || !chrome,
  ...(chrome ? { binaries: { chrome } } : {}),
  chromiumArgs: [
    "--no-first-run",
    "--disable-background-networking",
    "--disable-sync",
    ...(process.getuid?.() === 0 ? ["--no-sandbox"] : []),
  ],
  startUrls: ["http://localhost:5178/paynudge-demo/list_sold_items.htm"],
});
