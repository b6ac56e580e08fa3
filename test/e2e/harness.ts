import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { launchWithExtension } from "../../scripts/chrome.mjs";

export { startServer, demoShopRoute, DEMO_PAGE } from "../../demo/server.mjs";
import { DEMO_PAGE } from "../../demo/server.mjs";
import { DEMO_SHOP_NAME } from "../../demo/orders.mjs";
import { renderTaobaoSoldList } from "../../demo/taobao-page.mjs";

export type Extension = Awaited<ReturnType<typeof startExtension>>;

/**
 * Real Chromium with the built extension (.output/chrome-mv3, or $PAYNUDGE_OUT_DIR/chrome-mv3).
 * `hostMap` maps every host name to a local HTTPS port, so fixtures open on the platforms' real URLs.
 */
export async function startExtension(
  opts: { hostMap?: number; userDataDir?: string; extensionDir?: string } = {},
) {
  const browser = await launchWithExtension(opts);
  const { context, extensionId } = browser;
  let extensionPage: Page | undefined;
  // Playwright does not report a stopped service worker; Chromium's DevTools protocol does.
  let watch: Promise<CDPSession> | undefined;
  let status = "unknown";
  let starts = 0;
  const waiters = new Set<{ status: string; resolve: () => void }>();
  function workerWatch(): Promise<CDPSession> {
    watch ??= (async () => {
      const cdp = await context.newCDPSession(await extPage());
      cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
        for (const v of versions) {
          if (!v.scriptURL.startsWith(`chrome-extension://${extensionId}/`))
            continue;
          if (v.runningStatus === "running" && status !== "running")
            starts += 1;
          status = v.runningStatus;
          for (const w of waiters)
            if (w.status === status) (waiters.delete(w), w.resolve());
        }
      });
      await cdp.send("ServiceWorker.enable");
      return cdp;
    })();
    return watch;
  }
  function waitForStatus(wanted: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`service worker never reached ${wanted}`)),
        15_000,
      );
      waiters.add({
        status: wanted,
        resolve: () => (clearTimeout(timer), resolve()),
      });
    });
  }

  /** An extension page: chrome.* APIs can be queried there whether or not the worker runs. */
  async function extPage(): Promise<Page> {
    if (!extensionPage || extensionPage.isClosed()) {
      extensionPage = await context.newPage();
      await extensionPage.goto(`chrome-extension://${extensionId}/popup.html`);
    }
    return extensionPage;
  }

  return {
    context,
    extensionId,
    userDataDir: browser.userDataDir,
    extPage,
    popupUrl: `chrome-extension://${extensionId}/popup.html`,
    /** Run a function with chrome.* in an extension page. */
    async inExtension<T>(fn: () => Promise<T> | T): Promise<T> {
      return (await extPage()).evaluate(fn);
    },
    async notificationIds(): Promise<string[]> {
      const page = await extPage();
      return page.evaluate(
        () =>
          new Promise<string[]>((r) =>
            chrome.notifications.getAll((all) => r(Object.keys(all))),
          ),
      );
    },
    /**
     * Stops the extension's service worker if it runs and waits until Chromium reports it
     * stopped; true when there was one to stop.
     */
    async stopServiceWorkers(): Promise<boolean> {
      const cdp = await workerWatch();
      // Chromium reports the current versions right after ServiceWorker.enable.
      await until(
        async () => status,
        (st) => st !== "unknown",
        2_000,
      ).catch(() => undefined);
      if (status !== "running" && status !== "starting") return false;
      const stopped = waitForStatus("stopped");
      await cdp.send("ServiceWorker.stopAllWorkers");
      await stopped;
      return true;
    },
    /** How many times the extension's worker has gone to running since the watch began. */
    workerStarts: () => starts,
    close: (o?: { keepProfile?: boolean }) => browser.close(o),
  };
}

/** Row counts straight from the extension's IndexedDB. */
export async function dbCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => (db.close(), resolve(out));
        };
      }),
  );
}

/** Every row of one object store of the extension's IndexedDB. */
export async function dbRows<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => (db.close(), resolve(req.result as T[]));
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** Stores settings rows directly, once the background has created the database. */
export async function putSettings(
  page: Page,
  entries: Record<string, unknown>,
): Promise<void> {
  await until(
    () =>
      page.evaluate(async () =>
        (await indexedDB.databases()).some((d) => d.name === "paynudge"),
      ),
    (exists) => exists,
  );
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("settings", "readwrite");
          for (const [key, value] of Object.entries(rows))
            tx.objectStore("settings").put({ key, value });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    entries,
  );
}

/** Whatever the hour a test runs at: no quiet hours or channel windows move due moments. */
export const ALL_HOURS = { quietHours: [], channelWindows: {} };

export async function badgeStates(
  page: Page,
): Promise<Record<string, { state: string; due: string }>> {
  return page.$$eval("[data-paynudge-order]", (hosts) =>
    Object.fromEntries(
      hosts.map((h) => [
        h.getAttribute("data-paynudge-order")!,
        {
          state: h.getAttribute("data-paynudge-state")!,
          due: h.getAttribute("data-paynudge-due")!,
        },
      ]),
    ),
  );
}

/** Waits until every order badge on the page has its state from the background. */
export async function waitForBadges(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const hosts = [...document.querySelectorAll("[data-paynudge-order]")];
      return (
        hosts.length === n &&
        hosts.every((h) => h.getAttribute("data-paynudge-state"))
      );
    },
    count,
    { timeout: 15_000 },
  );
}

export async function until<T>(
  fn: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await fn();
  while (!ok(value)) {
    if (Date.now() > end)
      throw new Error(
        `condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`,
      );
    await new Promise((r) => setTimeout(r, 200));
    value = await fn();
  }
  return value;
}

export type { BrowserContext, Page };

type PageOrders = Parameters<typeof renderTaobaoSoldList>[0];

/** A shop page at `path` listing the orders `make` returns, made afresh on each request. */
export function orderPage(path: string, make: () => PageOrders) {
  return (url: URL) =>
    url.pathname === path
      ? { body: renderTaobaoSoldList(make(), { shopName: DEMO_SHOP_NAME }) }
      : undefined;
}

/**
 * A page with one unpaid order whose first nudge falls due `inMs` after the page is served (30
 * minutes after its order time); `dueAt()` tells the moment of the last serving.
 */
export function dueSoonPage(
  path: string,
  id: string,
  inMs: number,
  {
    buyer,
    title,
    sku,
    price,
  }: { buyer: string; title: string; sku: string; price: string },
) {
  let dueAt = 0;
  const route = orderPage(path, () => {
    dueAt = Date.now() + inMs;
    return [
      {
        id,
        createdAt: dueAt - 30 * 60_000,
        status: "等待买家付款" as const,
        buyer,
        items: [{ title, sku, price, quantity: 1 }],
        total: price,
      },
    ];
  });
  return { route, dueAt: () => dueAt };
}

/**
 * Chromium with the extension and the demo shop's first page badged: clipboard allowed, and due
 * moments independent of the hour the test runs at (plus any other settings given).
 */
export async function openDemoShop(
  server: { origin: string },
  settings: Record<string, unknown> = {},
) {
  const ext = await startExtension();
  await ext.context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: server.origin,
  });
  await putSettings(await ext.extPage(), { ...ALL_HOURS, ...settings });
  const shop = await ext.context.newPage();
  await shop.goto(server.origin + DEMO_PAGE);
  await waitForBadges(shop, 15);
  return { ext, shop };
}
