import { browser, type Browser } from "wxt/browser";

/*
 * 打开订单页 goes to the order itself: the tab that shows it (on its page of the list), brought to
 * the front, its row scrolled into view and highlighted by the order script there; else the page
 * where PayNudge last saw it. Asking a tab's script goes through `ask` (the caller's messenger:
 * lib/messaging/reveal-requests.ts askTabToReveal), so this module stays with the browser's tabs.
 */

/**
 * Asks the order script in a tab whether its page shows the order (`show` false), or to scroll to
 * it and highlight it (`show` true); true when it did. Rejects when no script answers in the tab.
 */
export type AskTab = (tabId: number, show: boolean) => Promise<boolean>;

/** Where the order was shown: a tab found holding it, the tab of its page, or a new tab. */
export type OrderPageOutcome = "revealed" | "focused" | "opened";

interface OpenOptions {
  /** How long a tab just opened or focused is asked again until its script has read the rows. */
  waitMs?: number;
  everyMs?: number;
}

type Tab = Browser.tabs.Tab;

/** Origin, path and query (its parameters in any order); the fragment is left out. */
function listKey(url: string, withQuery: boolean): string | undefined {
  try {
    const parsed = new URL(url);
    const query = new URLSearchParams(parsed.search);
    query.sort();
    return `${parsed.origin}${parsed.pathname}${withQuery ? `?${query}` : ""}`;
  } catch {
    return undefined;
  }
}

/** The tabs showing `pageUrl` itself (its query too: `?page=2`), then those on the same path. */
function candidateTabs(
  tabs: readonly Tab[],
  pageUrl: string,
): { exact: Tab[]; samePath: Tab[] } {
  const exactKey = listKey(pageUrl, true);
  const pathKey = listKey(pageUrl, false);
  // The tab the agent used last comes first among equals.
  const recent = [...tabs]
    .filter((tab) => tab.id !== undefined && tab.url)
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  const exact = recent.filter((tab) => listKey(tab.url!, true) === exactKey);
  const samePath = recent.filter(
    (tab) => !exact.includes(tab) && listKey(tab.url!, false) === pathKey,
  );
  return { exact, samePath };
}

async function focus(tab: Tab): Promise<void> {
  await browser.tabs.update(tab.id!, { active: true });
  if (tab.windowId !== undefined)
    await browser.windows.update(tab.windowId, { focused: true });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks `tabId` to show the order until it does, or `waitMs` passed (a page still loading). */
async function showWhenRead(
  tabId: number,
  ask: AskTab,
  { waitMs = 10_000, everyMs = 250 }: OpenOptions,
): Promise<boolean> {
  const until = Date.now() + waitMs;
  for (;;) {
    if (await ask(tabId, true).catch(() => false)) return true;
    if (Date.now() + everyMs > until) return false;
    await pause(everyMs);
  }
}

/**
 * Goes to the order last seen on `pageUrl`: a tab already showing it (the exact page first, then
 * any on the same path) is brought to the front and its row revealed; failing that, the tab of the
 * exact page (its script may still be reading it), else `pageUrl` opened in a new tab, each asked
 * to reveal the row once its order script has read it.
 */
export async function openOrderPage(
  pageUrl: string,
  ask: AskTab,
  opts: OpenOptions = {},
): Promise<OrderPageOutcome> {
  const { exact, samePath } = candidateTabs(
    await browser.tabs.query({}),
    pageUrl,
  );
  const candidates = [...exact, ...samePath];
  // Asked together, without bringing any forward: only the tab that shows the order comes up.
  const holds = await Promise.all(
    candidates.map((tab) => ask(tab.id!, false).catch(() => false)),
  );
  const holder = candidates.find((_, i) => holds[i]);
  if (holder) {
    await focus(holder);
    return (await showWhenRead(holder.id!, ask, opts)) ? "revealed" : "focused";
  }
  const [page] = exact;
  if (page) {
    await focus(page);
    return (await showWhenRead(page.id!, ask, opts)) ? "revealed" : "focused";
  }
  const opened = await browser.tabs.create({ url: pageUrl, active: true });
  if (opened.id !== undefined) await showWhenRead(opened.id, ask, opts);
  return "opened";
}
