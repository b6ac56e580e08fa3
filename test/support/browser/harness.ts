import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { TABLE_NAMES } from "@/lib/db/tables";
import { until as pollUntil } from "@/test/support/until";
import { launchWithExtension } from "../../../scripts/chrome.mjs";

export {
  startServer,
  demoShopRoute,
  DEMO_PAGE,
} from "../../../demo/server.mjs";
import { DEMO_PAGE } from "../../../demo/server.mjs";
import { DEMO_SHOP_NAME, demoOrders } from "../../../demo/orders.mjs";
import { renderTaobaoSoldList } from "../../../demo/taobao-page.mjs";

export type Extension = Awaited<ReturnType<typeof startExtension>>;

/**
 * Real Chromium with the built extension (.output/chrome-mv3, or $PAYNUDGE_OUT_DIR/chrome-mv3).
 * `hostMap` maps every host name to a local HTTPS port, so fixtures open on the platforms' real URLs.
 * On a new profile the welcome page the extension opens by itself is awaited and closed, unless
 * `keepWelcome`: opened late on a busy machine, it became the active tab behind the test's back, and
 * the order page's side panel, shown only beside the active tab, never appeared.
 */
export async function startExtension(
  opts: {
    hostMap?: number;
    userDataDir?: string;
    extensionDir?: string;
    keepWelcome?: boolean;
  } = {},
) {
  const browser = await launchWithExtension(opts);
  const { context, extensionId } = browser;
  if (browser.firstRun && !opts.keepWelcome)
    await (await welcomePage(context)).close();
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
          for (const w of waiters) {
            if (w.status !== status) continue;
            waiters.delete(w);
            w.resolve();
          }
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

/** Row counts of the data tables (not the report's lines, kept from them) straight from the extension's IndexedDB. */
export async function dbCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    (data) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames].filter((n) =>
            data.includes(n),
          );
          const tx = db.transaction(names);
          const out: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => (db.close(), resolve(out));
        };
      }),
    [...TABLE_NAMES] as string[],
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

/** The nudge log of one order, as stored. */
export async function nudgesOf<T extends { orderKey: string }>(
  page: Page,
  orderKey: string,
): Promise<T[]> {
  return (await dbRows<T>(page, "nudges")).filter(
    (n) => n.orderKey === orderKey,
  );
}

/** Stores settings rows directly, once the background has created the database. */
export async function putSettings(
  page: Page,
  entries: Record<string, unknown>,
): Promise<void> {
  await until(
    () =>
      page
        .evaluate(async () =>
          (await indexedDB.databases()).some((d) => d.name === "paynudge"),
        )
        // Asked again: on a loaded machine one ask failed ("Resulting promise was garbage
        // collected", the page's context replaced while it answered) and failed the whole file.
        .catch(() => false),
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

/** Whatever the hour a test runs at: no quiet hours, channel windows or soft window move due moments. */
export const ALL_HOURS = {
  quietHours: [],
  channelWindows: {},
  softWindow: { on: false, from: 17 * 60, to: 19 * 60 },
};

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

/**
 * The nudge panel under the badge, in the page, rather than the workspace in the side panel (the
 * default): for the tests of the panel's workflow on the page itself.
 */
export const IN_PAGE_PANEL = { panelPlace: "page" } as const;

/** The badge states of an order with a nudge ahead or due: what a page shows for an unpaid order. */
export const ACTIVE_STATES: readonly string[] = [
  "upcoming",
  "due",
  "overdue",
  "expired",
];

/** The orders (sorted) whose badge is in an active state, of order id → state. */
export function activeOrders(states: Record<string, string>): string[] {
  return Object.keys(states)
    .filter((id) => ACTIVE_STATES.includes(states[id]!))
    .sort();
}

/** Every badge on the page: order id → state (empty while the background has not answered). */
export function badgeStateById(
  target: Pick<Page, "$$eval">,
): Promise<Record<string, string>> {
  return target.$$eval("[data-paynudge-order]", (hosts) =>
    Object.fromEntries(
      hosts.map((h) => [
        h.getAttribute("data-paynudge-order")!,
        h.getAttribute("data-paynudge-state") ?? "",
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

/** Polls the browser every 200 ms, for up to 15 s unless told. */
export function until<T>(
  fn: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  return pollUntil(fn, ok, timeoutMs, 200);
}

export type { Page };

/** The welcome page the extension opens on install: the tab already open, or the next one. */
export async function welcomePage(context: BrowserContext): Promise<Page> {
  const isWelcome = (p: Page) => p.url().endsWith("/welcome.html");
  const found = context.pages().find(isWelcome);
  if (found) return found;
  // Its tab may have opened already on another URL and be navigating there.
  return until(
    async () => context.pages().find(isWelcome),
    (page) => page !== undefined,
  ) as Promise<Page>;
}

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
 * An unpaid order on the demo shop's first page (its orders placed relative to `at`) whose first
 * nudge fell due over half an hour before `at`: one the panel offers to log now.
 */
export function overdueDemoOrder(at: number) {
  const MIN = 60_000;
  const order = demoOrders(at)
    .slice(0, 15)
    .find(
      (o) =>
        o.status === "等待买家付款" && o.createdAt + 30 * MIN < at - 30 * MIN,
    );
  if (!order) throw new Error("the demo shop has no overdue unpaid order");
  return order;
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

/**
 * Sends a raw runtime message from the order content script's own isolated world in `page` (found
 * through CDP), as a compromised page renderer could: `{ res }` on success, `{ err }` on a refusal.
 */
export async function sendFromContentScript(
  page: Page,
  extensionId: string,
  type: string,
  data: unknown,
): Promise<{ res?: unknown; err?: { message?: string } }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: {
    id: number;
    origin: string;
    auxData?: { type?: string };
  }[] = [];
  cdp.on("Runtime.executionContextCreated", ({ context }) =>
    contexts.push(context),
  );
  await cdp.send("Runtime.enable");
  try {
    const world = await until(
      async () =>
        contexts.find(
          (c) =>
            c.auxData?.type === "isolated" &&
            c.origin === `chrome-extension://${extensionId}`,
        ),
      (found) => found !== undefined,
      5_000,
    );
    const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
      contextId: world!.id,
      awaitPromise: true,
      returnByValue: true,
      expression: `new Promise((resolve) => chrome.runtime.sendMessage(
        { id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() },
        (reply) => resolve(reply ?? { err: { message: chrome.runtime.lastError?.message ?? "no reply" } }),
      ))`,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as { res?: unknown; err?: { message?: string } };
  } finally {
    await cdp.detach();
  }
}

/*
 * PayNudge's UI lives in closed shadow roots, which Playwright's locators cannot see into. These
 * helpers reach it the way DevTools does: CDP's DOM domain lists closed roots (getDocument with
 * pierce), DOM.querySelector works on a shadow-root node, and reads run on the resolved node. Every
 * action is real input: a mouse click at the node's box or keys typed into the focused control,
 * so the extension gets trusted events exactly as from the agent.
 */

/** What to find inside a closed root: a CSS selector, maybe with its exact text (or aria-label); or the control a <label> with this text names. */
export type InRoot =
  string | { css: string; text?: string } | { label: string };

const domSessions = new WeakMap<Page, Promise<CDPSession>>();
function domSession(page: Page): Promise<CDPSession> {
  let session = domSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    domSessions.set(page, session);
  }
  return session;
}

type DomNode = {
  nodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
};

function findDomNode(node: DomNode, nodeId: number): DomNode | undefined {
  if (node.nodeId === nodeId) return node;
  for (const next of [
    ...(node.shadowRoots ?? []),
    ...(node.children ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
  ]) {
    const found = findDomNode(next, nodeId);
    if (found) return found;
  }
  return undefined;
}

/** Runs `fn` (source text of a function) with `this` bound to the node; returns its value. */
async function callOnNode<T>(
  cdp: CDPSession,
  nodeId: number,
  fn: string,
  ...args: unknown[]
): Promise<T> {
  const { object } = await cdp.send("DOM.resolveNode", { nodeId });
  try {
    const { result, exceptionDetails } = await cdp.send(
      "Runtime.callFunctionOn",
      {
        objectId: object.objectId!,
        functionDeclaration: fn,
        arguments: args.map((value) => ({ value })),
        returnByValue: true,
        awaitPromise: true,
      },
    );
    if (exceptionDetails)
      throw new Error(
        exceptionDetails.exception?.description ?? exceptionDetails.text,
      );
    return result.value as T;
  } finally {
    await cdp
      .send("Runtime.releaseObject", { objectId: object.objectId! })
      .catch(() => undefined);
  }
}

/**
 * The closed shadow root of the first element matching `hostSelector` in `page` (a badge:
 * `[data-paynudge-order="…"]`), read and operated through CDP. Lookups are fresh on every call,
 * so they follow the UI as it re-renders.
 */
const domQueues = new WeakMap<Page, Promise<unknown>>();

/**
 * The methods of `api`, each waiting for the page's previous call to finish: every lookup fetches
 * CDP's document afresh, which invalidates the node ids a concurrent call is still using.
 */
function oneAtATime<T extends object>(page: Page, api: T): T {
  return Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [
      name,
      (...args: unknown[]) => {
        const run = (domQueues.get(page) ?? Promise.resolve()).then(() =>
          (fn as (...a: unknown[]) => Promise<unknown>)(...args),
        );
        domQueues.set(
          page,
          run.catch(() => undefined),
        );
        return run;
      },
    ]),
  ) as T;
}

export function closedRoot(page: Page, hostSelector: string) {
  async function root(): Promise<{ cdp: CDPSession; rootId: number }> {
    const cdp = await domSession(page);
    const { root: doc } = await cdp.send("DOM.getDocument", {
      depth: -1,
      pierce: true,
    });
    const { nodeId: hostId } = await cdp.send("DOM.querySelector", {
      nodeId: doc.nodeId,
      selector: hostSelector,
    });
    const rootId = hostId
      ? findDomNode(doc as DomNode, hostId)?.shadowRoots?.[0]?.nodeId
      : undefined;
    if (!rootId) throw new Error(`no shadow root on ${hostSelector}`);
    return { cdp, rootId };
  }

  async function find(
    target: InRoot,
  ): Promise<{ cdp: CDPSession; nodeId: number } | undefined> {
    const { cdp, rootId } = await root();
    const spec = typeof target === "string" ? { css: target } : target;
    if ("label" in spec) {
      const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
        nodeId: rootId,
        selector: "label",
      });
      for (const nodeId of nodeIds) {
        // The labelled control as a remote object, then as a DOM node id.
        const { object } = await cdp.send("DOM.resolveNode", { nodeId });
        const { result } = await cdp.send("Runtime.callFunctionOn", {
          objectId: object.objectId!,
          functionDeclaration: `function (text) {
            return (this.textContent ?? "").trim() === text ? this.control : null;
          }`,
          arguments: [{ value: spec.label }],
        });
        await cdp.send("Runtime.releaseObject", { objectId: object.objectId! });
        if (!result.objectId) continue;
        const { nodeId: control } = await cdp.send("DOM.requestNode", {
          objectId: result.objectId,
        });
        await cdp.send("Runtime.releaseObject", { objectId: result.objectId });
        return { cdp, nodeId: control };
      }
      return undefined;
    }
    const { nodeIds } = await cdp.send("DOM.querySelectorAll", {
      nodeId: rootId,
      selector: spec.css,
    });
    for (const nodeId of nodeIds) {
      if (spec.text === undefined) return { cdp, nodeId };
      const name = await callOnNode<string[]>(
        cdp,
        nodeId,
        `function () { return [(this.textContent ?? "").trim(), this.getAttribute("aria-label") ?? ""]; }`,
      );
      if (name.includes(spec.text)) return { cdp, nodeId };
    }
    return undefined;
  }

  async function must(target: InRoot) {
    const found = await find(target);
    if (!found)
      throw new Error(
        `nothing matches ${JSON.stringify(target)} in ${hostSelector}`,
      );
    return found;
  }

  /**
   * The centre of the node's border box, scrolled into view where nothing covers it (another
   * badge's open panel may): as Playwright does, other scroll alignments are tried when the
   * first leaves it covered.
   */
  async function centre(target: InRoot): Promise<{ x: number; y: number }> {
    const { cdp, nodeId } = await must(target);
    await cdp.send("DOM.scrollIntoViewIfNeeded", { nodeId });
    for (const block of [undefined, "center", "end", "start"]) {
      if (block)
        await callOnNode(
          cdp,
          nodeId,
          `function (block) { this.scrollIntoView({ block, inline: "nearest" }); }`,
          block,
        );
      const { model } = await cdp.send("DOM.getBoxModel", { nodeId });
      const q = model.border;
      const x = (q[0]! + q[2]! + q[4]! + q[6]!) / 4;
      const y = (q[1]! + q[3]! + q[5]! + q[7]!) / 4;
      const hit = await callOnNode<boolean>(
        cdp,
        nodeId,
        `function (x, y) {
          const hit = this.getRootNode().elementFromPoint(x, y);
          return !!hit && (hit === this || this.contains(hit));
        }`,
        x,
        y,
      );
      if (hit) return { x, y };
    }
    throw new Error(`${JSON.stringify(target)} in ${hostSelector} is covered`);
  }

  return oneAtATime(page, {
    exists: async (target: InRoot) => (await find(target)) !== undefined,
    /** Rendered with a box (not hidden, not display:none). */
    async isVisible(target: InRoot): Promise<boolean> {
      const found = await find(target).catch(() => undefined);
      if (!found) return false;
      try {
        const { model } = await found.cdp.send("DOM.getBoxModel", {
          nodeId: found.nodeId,
        });
        return model.width > 0 && model.height > 0;
      } catch {
        return false;
      }
    },
    /** textContent, or null when nothing matches. */
    async text(target: InRoot): Promise<string | null> {
      const found = await find(target);
      return found
        ? callOnNode<string>(
            found.cdp,
            found.nodeId,
            `function () { return this.textContent; }`,
          )
        : null;
    },
    /** A DOM property of the node (`disabled`, `value`, `checked`…). */
    async prop<T = unknown>(target: InRoot, name: string): Promise<T> {
      const { cdp, nodeId } = await must(target);
      return callOnNode<T>(
        cdp,
        nodeId,
        `function (name) { return this[name]; }`,
        name,
      );
    },
    /** Reads with `fn` (function source) called on the shadow root itself. */
    async evaluate<T>(fn: string): Promise<T> {
      const { cdp, rootId } = await root();
      return callOnNode<T>(cdp, rootId, fn);
    },
    /** A real (trusted) mouse click at the node's centre. */
    async click(target: InRoot): Promise<void> {
      const { x, y } = await centre(target);
      await page.mouse.click(x, y);
    },
    /** Chooses an option of a <select> by value with the keyboard, as an agent would. */
    async select(target: InRoot, value: string): Promise<void> {
      const { cdp, nodeId } = await must(target);
      const [from, to] = await callOnNode<[number, number]>(
        cdp,
        nodeId,
        `function (value) { return [this.selectedIndex, [...this.options].findIndex((o) => o.value === value)]; }`,
        value,
      );
      if (to < 0)
        throw new Error(`no option ${value} in ${JSON.stringify(target)}`);
      await cdp.send("DOM.focus", { nodeId });
      for (let i = from; i !== to; i += to > from ? 1 : -1)
        await page.keyboard.press(to > from ? "ArrowDown" : "ArrowUp");
      const now = await callOnNode<string>(
        cdp,
        nodeId,
        `function () { return this.value; }`,
      );
      if (now !== value)
        throw new Error(
          `select ${JSON.stringify(target)} is ${now}, not ${value}`,
        );
    },
  });
}

/** Whether the notification ids include one for this order (`paynudge:order:<key>@<due moment>`). */
export const showsOrder = (ids: readonly string[], orderKey: string) =>
  ids.some((id) => id.startsWith(`paynudge:order:${orderKey}@`));

/** Whether the notification ids include a summary (`paynudge:summary:<run>`). */
export const showsSummary = (ids: readonly string[]) =>
  ids.some((id) => id.startsWith("paynudge:summary:"));
