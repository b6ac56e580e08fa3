// Benchmark: the popup's first render with 10 000 stored orders (goal: under 100 ms).
// 9 000 paid/closed history rows, 1 000 unpaid of which some are due today, written straight into
// the extension's IndexedDB; then the popup is opened cold several times.
import { launchWithExtension } from "../chrome.mjs";

const GOAL_MS = 100;
const RUNS = 7;

async function seed(page, count, now) {
  await page.evaluate(
    ({ count, now }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("orders", "readwrite");
          const store = tx.objectStore("orders");
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
            if (unpaid) row.nextDueAt = createdAt + 30 * 60_000;
            store.put(row);
          }
          tx.oncomplete = () => (db.close(), resolve(undefined));
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count, now },
  );
}

export default async function run() {
  const browser = await launchWithExtension();
  try {
    const url = `chrome-extension://${browser.extensionId}/popup.html`;
    const setup = await browser.context.newPage();
    await setup.goto(url);
    await setup.waitForFunction(
      () =>
        performance.getEntriesByName("paynudge:popup-list-ready").length > 0,
    );
    await seed(setup, 10_000, Date.now());
    await setup.close();

    const times = [];
    let shown = 0;
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(url);
      await page.waitForFunction(
        () =>
          performance.getEntriesByName("paynudge:popup-list-ready").length > 0,
        null,
        { timeout: 30_000 },
      );
      const ms = await page.evaluate(
        () =>
          performance.getEntriesByName("paynudge:popup-list-ready")[0]
            .startTime,
      );
      shown = await page.$$eval(
        "[data-paynudge-popup-item]",
        (els) => els.length,
      );
      times.push(ms);
      await page.close();
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    return [
      {
        bench: "popup first render, 10 000 stored orders",
        value: `${median.toFixed(1)} ms median (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)}; ${RUNS} cold opens; ${shown} items shown)`,
        goal: `< ${GOAL_MS} ms`,
        pass: median < GOAL_MS,
      },
    ];
  } finally {
    await browser.close();
  }
}
