import { rmSync } from "node:fs";
import { launchWithExtension } from "../chrome.mjs";
import { EMPTY_PAGE, withEmptyPage } from "./support/extension-pages.mjs";
export default async function run() {
  const extensionDir = withEmptyPage();
  const browser = await launchWithExtension({ extensionDir });
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${EMPTY_PAGE}`);
    const out = await page.evaluate(async () => {
      const TOTAL = 20_000_000; // bytes of columns for 200k lines
      const results = {};
      for (const rows of [91, 364, 1456, 23]) {
        const name = `exp-${rows}`;
        const db = await new Promise((res, rej) => { const o = indexedDB.open(name, 1); o.onupgradeneeded = () => o.result.createObjectStore("d", { keyPath: "day" }); o.onsuccess = () => res(o.result); o.onerror = () => rej(o.error); });
        const per = Math.floor(TOTAL / rows / 8);
        await new Promise((res) => { const tx = db.transaction("d", "readwrite"); for (let i = 0; i < rows; i++) { const a = new Float64Array(per); for (let j = 0; j < per; j++) a[j] = j * 1.5; tx.objectStore("d").put({ day: i, a }); } tx.oncomplete = res; });
        const times = [];
        for (let r = 0; r < 5; r++) {
          const s = performance.now();
          await new Promise((res) => { const tx = db.transaction("d"); const q = tx.objectStore("d").getAll(); q.onsuccess = () => res(q.result); });
          times.push(Math.round(performance.now() - s));
        }
        results[rows] = times;
        db.close();
      }
      return results;
    });
    console.log(out);
  } finally { await browser.close(); rmSync(extensionDir, { recursive: true, force: true }); }
  return [];
}
