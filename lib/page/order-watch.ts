import type { ComposeContext } from "@/lib/messaging/compose-context";
import { closesOf } from "@/lib/platforms/shared/common";
import { parentAcross } from "@/lib/platforms/shared/shadow";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { badgeClock } from "@/lib/page/badge-clock";
import { orderBadges } from "@/lib/page/order-badges";
import {
  onAgentInput,
  onPageChanges,
  type PageChange,
} from "@/lib/page/page-changes";
import { panelControl } from "@/lib/page/panel-control";
import {
  frameReading,
  readingTally,
  type RowsRead,
} from "@/lib/page/page-reading";
import { findRows, readOrders, type Refused } from "@/lib/page/read-orders";
import { reportInChunks, viewsInChunks } from "@/lib/page/report";
import type { PageUi } from "@/lib/page/ui-port";
import type {
  LogNudgeReply,
  LogNudgeRequest,
  OrdersSeen,
} from "@/lib/messaging/order-requests";
import type { OrderSnapshot } from "@/lib/model/order";
import type { OrderView } from "@/lib/model/order-view";

/** A countdown's text ("剩余29分59秒", "还剩 23:59:59") is short; longer text is read with its row. */
const MAX_COUNTDOWN_TEXT = 60;

/** The element a changed node is, or lies in (a changed text node's parent). */
function parentOrSelf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : parentAcross(node);
}

export interface WatchOptions {
  doc: Document;
  /** The adapters for the page; a function when they depend on the route of a single-page app. */
  adapters: readonly PlatformAdapter[] | (() => readonly PlatformAdapter[]);
  signal: AbortSignal;
  /** The badges and the nudge panel (components/page/page-ui.ts). */
  ui: PageUi;
  now?: () => number;
  report(batch: OrdersSeen): Promise<OrderView[]>;
  /** What the nudge panel of one order shows. */
  panelFor(key: string): Promise<ComposeContext>;
  logNudge(request: LogNudgeRequest): Promise<LogNudgeReply>;
  /** Team mode: takes an order over (接手) from its panel. */
  takeOver?(key: string): Promise<OrderView>;
  /** What the background knows of these orders now (read only). */
  viewsFor(keys: string[]): Promise<OrderView[]>;
  /** Opens the workspace (the side panel) on an order; false where there is none. */
  openWorkspace?(key: string): Promise<boolean>;
}

/**
 * Watches the page for order rows, reports new and changed ones to the background, and keeps one
 * badge on each. Rows rendered late, re-rendered, paginated or removed are followed through a
 * MutationObserver; everything stops when `signal` aborts.
 */
export function watchOrders(opts: WatchOptions) {
  const { doc, signal } = opts;
  const now = opts.now ?? Date.now;
  const adapters = () =>
    typeof opts.adapters === "function" ? opts.adapters() : opts.adapters;
  /** The adapter that found the rows in the last scan: it knows where the page's editors are. */
  let pageAdapter: PlatformAdapter | undefined;

  const badges = orderBadges(
    doc,
    opts.ui,
    (key, cause) => void panel.activate(key, cause),
  );
  const clock = badgeClock(badges, now, signal);
  const panel = panelControl({
    doc,
    badges,
    signal,
    now,
    panelFor: opts.panelFor,
    logNudge: opts.logNudge,
    ...(opts.takeOver ? { takeOver: opts.takeOver } : {}),
    editorsOf: () => pageAdapter ?? adapters()[0],
    onLogged: clock.arm,
    ...(opts.openWorkspace ? { openWorkspace: opts.openWorkspace } : {}),
  });
  const show = (views: readonly OrderView[]) => badges.show(views, now());

  /** The last complete read of the rows: what the seller's "what PayNudge reads" view shows. */
  let lastRead: RowsRead | undefined;

  /** Reads the rows, keeps their badges, and reports the orders that changed. */
  async function scanOnce(): Promise<void> {
    const time = now();
    const candidates = adapters();
    const refused: Refused[] = [];
    const found = findRows(doc, candidates, refused);
    pageAdapter = found?.adapter;
    const pass = badges.pass(time);
    const tally = readingTally(found, candidates, time, refused);
    const see = (row: Element, snapshot: OrderSnapshot) => {
      if (pass.see(row, snapshot)) tally.see(snapshot);
      else tally.duplicate(row);
    };
    if (
      found &&
      !(await readOrders(found, { now: time, signal }, see, tally.skip))
    )
      return;
    lastRead = tally.read;
    await reportChanged(pass.end(found?.adapter), found?.adapter);
  }

  /**
   * Reads these rows alone (something changed inside them, a countdown ticked), leaving the rest
   * of the page's badges as they are; false when the page must be read whole instead (a row went
   * away, or no adapter has read the page yet).
   */
  async function scanRows(rows: ReadonlySet<Element>): Promise<boolean> {
    const adapter = pageAdapter;
    if (!adapter || [...rows].some((row) => !row.isConnected)) return false;
    const time = now();
    const pass = badges.pass(time, rows);
    for (const row of rows) {
      const snapshot = adapter.parseRow(row, { now: time });
      if (snapshot) pass.see(row, snapshot);
    }
    await reportChanged(pass.end(adapter), adapter);
    return true;
  }

  /**
   * Reports the orders a pass found changed, and shows what the background answers; the badges
   * waiting for it go into their rows with their states, and any it did not answer (it failed, or
   * left them out) without; resolves once they are all in.
   */
  async function reportChanged(
    changed: OrderSnapshot[],
    adapter: PlatformAdapter | undefined,
  ): Promise<void> {
    try {
      if (!changed.length) return;
      const shopName = adapter?.shopName?.(doc);
      const send = (orders: OrdersSeen["orders"]) =>
        opts.report({
          pageUrl: doc.location.href,
          ...(shopName ? { shopName } : {}),
          orders,
        });
      if (await reportInChunks(changed, send, show, signal)) clock.arm();
    } finally {
      if (!signal.aborted) badges.placePending();
      // A scan is over once its badges are in their rows (they go in a slice per frame).
      await badges.placed();
    }
  }

  let scanning: Promise<void> | undefined;
  let rescan = false;
  /**
   * One scan at a time; asked for during one, another (of the whole page) runs right after it.
   * `rows`: only these rows changed, and are read alone when nothing else is under way.
   */
  function scan(rows?: ReadonlySet<Element>): Promise<void> {
    if (scanning) {
      rescan = true;
      return scanning;
    }
    scanning = (async () => {
      try {
        if (rows && (await scanRows(rows))) return;
        do {
          rescan = false;
          await scanOnce();
        } while (rescan && !signal.aborted);
      } catch (error) {
        if (!signal.aborted)
          console.error("PayNudge: scanning the order list failed", error);
      } finally {
        scanning = undefined;
      }
    })();
    return scanning;
  }

  /**
   * The background says something its badges show has changed (a plan, the popup's snooze, a
   * platform switched off): the rows are looked at again (the adapters may have changed), then
   * every badge takes what the background knows now. An order it no longer knows (all data
   * deleted) is reported again, as a row seen for the first time.
   */
  async function refresh(): Promise<void> {
    await scan();
    const keys = badges.keys();
    if (!keys.length || signal.aborted) return;
    const views = await viewsInChunks(keys, opts.viewsFor, signal);
    if (!views) return;
    show(views);
    const forgotten = badges.forgetAllBut(new Set(views.map((v) => v.key)));
    clock.arm();
    if (forgotten) await scan();
  }

  /**
   * The badged rows a burst of changes happened in, or undefined when something changed outside
   * them (rows came or went, the list was drawn again): then the page is read whole.
   */
  function changedRows(change: PageChange): Set<Element> | undefined {
    if (change.everything) return undefined;
    const rows = new Set<Element>();
    const time = now();
    for (const node of change.nodes) {
      let row: Element | null = null;
      for (let at = parentOrSelf(node); at && !row; at = parentAcross(at))
        if (badges.hasRow(at)) row = at;
      if (!row) return undefined;
      if (!rows.has(row) && !ticked(node, row, time)) rows.add(row);
    }
    return rows;
  }

  /**
   * Whether a changed node is a countdown that only ticked: its text names the deadline already
   * read from its row. A page ticking every second then costs a regular expression per tick, not
   * a read of the row.
   */
  function ticked(node: Node, row: Element, time: number): boolean {
    const text = node.textContent ?? "";
    if (text.length > MAX_COUNTDOWN_TEXT) return false;
    const closesAt = closesOf(text, time);
    return closesAt !== undefined && badges.sameClose(row, closesAt);
  }

  onPageChanges(
    doc,
    opts.ui.isOwn,
    signal,
    (change) => {
      const rows = changedRows(change);
      if (!rows || rows.size) void scan(rows);
    },
    (added) => {
      if (pageAdapter) badges.reseat(added, pageAdapter);
    },
  );
  // The agent opened a chat box or the memo dialog: the open panel learns it can write there.
  onAgentInput(doc, signal, panel.refresh);
  signal.addEventListener("abort", badges.clear, { once: true });

  void scan();
  return {
    scan,
    refresh,
    reading: () => frameReading(doc, lastRead),
    /** The adapter of the page's rows: where the workspace's inserts go (lib/page/chat-insert.ts). */
    editors: () => pageAdapter ?? adapters()[0],
  };
}
