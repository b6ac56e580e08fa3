// What the benchmarks of the extension's own pages share (popup-render.mjs, workspace.mjs): 10 000
// orders written straight into the extension's IndexedDB, a copy of the build with an empty page
// (the floor under any page of the extension), and a cold open that reads a page's marks. Kept out
// of scripts/bench/ itself, where every .mjs file is a benchmark.
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXTENSION_DIR } from "../../chrome.mjs";

/** The page the copy adds, and the mark its one script leaves when it runs. */
export const EMPTY_PAGE = "bench-empty.html";
export const EMPTY_READY = "paynudge:empty-ready";

/** What the issue asks of a page of the extension against the empty page (issue 15). */
export const FLOOR_FACTOR = 1.6;
export const OWN_PART_MS = 25;

export const median = (values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `count` Taobao orders as the background stores them: 9 in 10 paid or closed history, 1 in 10
 * unpaid with its plan step and close deadline (placed up to 4 000 minutes ago, so some are
 * overdue, some due later today), one in 30 nudged within the last hour (the "done today" group).
 * Written in one transaction by plain IndexedDB from an extension page: no page of the extension
 * holds a Dexie connection open at the time, and the background only reads what it is asked.
 */
export async function seed(page, count, now) {
  await page.evaluate(
    ({ count, now }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["orders", "nudges"], "readwrite");
          const store = tx.objectStore("orders");
          const nudges = tx.objectStore("nudges");
          for (let i = 0; i < count; i++) {
            const unpaid = i % 10 === 0;
            const createdAt = now - (i % 4000) * 60_000;
            const row = {
              key: `taobao:${String(3905120000000000000n + BigInt(i))}`,
              platform: "taobao",
              orderId: String(3905120000000000000n + BigInt(i)),
              status: unpaid ? "unpaid" : i % 3 ? "paid" : "closed",
              createdAt,
              amountCents: 1000 + i,
              currency: "CNY",
              buyer: `买家${i % 97}**`,
              items: [{ title: `测试商品 ${i}`, attrs: "颜色分类：随机" }],
              pageUrl:
                "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
              firstSeenAt: createdAt,
              lastSeenAt: now,
              nudgeCount: 0,
            };
            // As the background stores an open order: its plan step and auto-close deadline.
            if (unpaid)
              Object.assign(row, {
                nextDueAt: createdAt + 30 * 60_000,
                nextStep: "first",
                nextChannel: "chat",
                nextScenario: "first",
                deadlineAt: createdAt + 72 * 3_600_000,
              });
            // A busy day: one order in 30 was nudged within the last hour (the "done today" group).
            if (i % 30 === 1) {
              const at = now - (i % 60) * 60_000;
              Object.assign(row, { lastNudgeAt: at, nudgeCount: 1 });
              nudges.put({ orderKey: row.key, at, channel: "chat" });
            }
            store.put(row);
          }
          tx.oncomplete = () => (db.close(), resolve(undefined));
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count, now },
  );
}

/**
 * A copy of the built extension with one more page: an empty one whose only script marks when it
 * runs. Opening it measures what any extension page costs on this machine before its own code
 * (new renderer, document, one module), the floor under the popup's and the workspace's numbers.
 * @param {string} [extensionDir] the build to copy
 */
export function withEmptyPage(extensionDir = EXTENSION_DIR) {
  const dir = mkdtempSync(join(tmpdir(), "paynudge-bench-ext-"));
  cpSync(extensionDir, dir, { recursive: true });
  writeFileSync(
    join(dir, EMPTY_PAGE),
    // One short line of text the browser reports painting, as the popup's first row does.
    '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/bench-empty.js"></script></head><body><p elementtiming="paynudge-popup-row">空白页</p></body></html>',
  );
  writeFileSync(
    join(dir, "bench-empty.js"),
    `performance.mark(${JSON.stringify(EMPTY_READY)});`,
  );
  return dir;
}

/**
 * A page's own timeline, in ms after its navigation started: the named marks (NaN when absent),
 * DOMContentLoaded's end and the first contentful paint.
 * @param {import("playwright-core").Page} page
 * @param {string[]} names
 */
export function pageTimes(page, names) {
  return page.evaluate((names) => {
    const [nav] = performance.getEntriesByType("navigation");
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      marks: names.map(
        (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN,
      ),
      dcl: nav?.domContentLoadedEventEnd ?? NaN,
      fcp: fcp?.startTime ?? NaN,
    };
  }, names);
}

/** Opens `url` in a new tab of `size` and waits for its `readyMark`. */
export async function openPage(context, url, readyMark, size) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(url);
  await page.waitForFunction(
    (name) => performance.getEntriesByName(name).length > 0,
    readyMark,
    { timeout: 30_000 },
  );
  return page;
}

/** The empty page opened cold: its script's mark, DOMContentLoaded and first paint. */
export async function openEmpty(context, base, size) {
  const page = await openPage(
    context,
    `${base}/${EMPTY_PAGE}`,
    EMPTY_READY,
    size,
  );
  // Its first contentful paint comes a frame after its script: wait for it to be reported.
  await page
    .waitForFunction(
      () => performance.getEntriesByName("first-contentful-paint").length > 0,
      null,
      { timeout: 2_000 },
    )
    .catch(() => undefined);
  const times = await pageTimes(page, [EMPTY_READY]);
  const painted = await elementPainted(page);
  await page.close();
  return { ready: times.marks[0], dcl: times.dcl, fcp: times.fcp, painted };
}

/** When the page's first element marked `elementtiming` was painted (Element Timing), or NaN. */
export function elementPainted(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) =>
          resolve(Math.min(...list.getEntries().map((e) => e.renderTime))),
        ).observe({ type: "element", buffered: true });
        setTimeout(() => resolve(NaN), 2_000);
      }),
  );
}

/** The floor's medians over the empty page's opens. */
export function floorOf(empties) {
  return {
    ready: median(empties.map((e) => e.ready)),
    dcl: median(empties.map((e) => e.dcl)),
    fcp: median(empties.map((e) => e.fcp)),
    painted: median(empties.map((e) => e.painted)),
  };
}

export const ms = (value) => `${value.toFixed(1)} ms`;
