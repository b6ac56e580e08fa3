import type { NudgePanelProps } from "@/components/page/NudgePanel";
import {
  BADGE_TAG,
  createOrderBadge,
  type OrderBadge,
} from "@/components/page/order-badge";
import type { ComposeContext } from "@/lib/db/compose";
import { bestMessage } from "@/lib/templates/render";
import { t, type Locale } from "@/lib/i18n";
import type {
  LogNudgeRequest,
  OrdersSeen,
  OrderView,
} from "@/lib/schemas/content";
import { latestNote, memoWarning, parseNotes } from "@/lib/templates/notes";
import { editorSelectors } from "@/lib/platforms/editors";
import { findEditable, insertText } from "@/lib/page/insert-text";
import { nextStateChangeAt } from "@/lib/model/nudge-state";
import { orderKey, type OrderSnapshot } from "@/lib/model/order";
import type { PlatformAdapter } from "@/lib/platforms/types";

export interface WatchOptions {
  doc: Document;
  /** The adapters for the page; a function when they depend on the route of a single-page app. */
  adapters: readonly PlatformAdapter[] | (() => readonly PlatformAdapter[]);
  signal: AbortSignal;
  locale: Locale;
  now?: () => number;
  report(batch: OrdersSeen): Promise<OrderView[]>;
  /** What the nudge panel of one order shows. */
  panelFor(key: string): Promise<ComposeContext>;
  logNudge(request: LogNudgeRequest): Promise<OrderView>;
  /** What the background knows of these orders now (read only). */
  viewsFor(keys: string[]): Promise<OrderView[]>;
  /**
   * Copy to the clipboard; `cause` is the agent's click, which the copy refuses unless trusted, and
   * `within` is the badge's closed root, where a fallback copy may put its scratch field.
   */
  copy(text: string, cause: Event, within: ParentNode): Promise<boolean>;
}

interface Tracked {
  row: Element;
  badge: OrderBadge;
  fingerprint: string;
  /** The row as last parsed: its memo tells whether a colleague nudged just now. */
  snapshot?: OrderSnapshot;
  view?: OrderView;
  /** The deadline last reported, kept while a ticking countdown only jitters around it. */
  closesAt?: number;
}

/** Coalesce bursts of DOM changes (an SPA renders a page in many small steps). */
const SETTLE_MS = 60;
/** Countdowns on badges are refreshed this often; state changes get an exact timer. */
const REFRESH_MS = 60_000;
/**
 * A scan gives the page its main thread back this often, so that it never makes a long task: the
 * style and layout work of the badges inserted in a slice runs in the same task, after the script.
 */
const SLICE_MS = 20;
/** While a big page's batches come back, badges take their states at most this often. */
const SHOW_EVERY_MS = 1000;
/** Orders (or keys) per message to the background: far below its bounds, on a page of any size. */
const REPORT_CHUNK = 500;

function* chunks<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}
/** A page countdown that ticks moves the deadline it implies by less than this: same deadline. */
const CLOSE_JITTER_MS = 2 * 60_000;

/** Yields to the page's own work between slices of a long scan. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Watches the page for order rows, reports new and changed ones to the background, and keeps one
 * badge on each. Rows rendered late, re-rendered, paginated or removed are followed through a
 * MutationObserver; everything stops when `signal` aborts.
 */
export function watchOrders(opts: WatchOptions) {
  const now = opts.now ?? Date.now;
  const tracked = new Map<string, Tracked>();
  let scanning: Promise<void> | undefined;
  let rescan = false;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let clockTimer: ReturnType<typeof setTimeout> | undefined;

  const adapters = () =>
    typeof opts.adapters === "function" ? opts.adapters() : opts.adapters;

  function findRows():
    { adapter: PlatformAdapter; rows: Element[] } | undefined {
    for (const adapter of adapters()) {
      const rows = adapter.findRows(opts.doc);
      if (rows.length) return { adapter, rows };
    }
    return undefined;
  }

  /** The order whose panel is open, with what the background said of it. */
  let open: { key: string; context: ComposeContext } | undefined;

  /** The adapter that found the rows in the last scan: it knows where the page's editors are. */
  let pageAdapter: PlatformAdapter | undefined;
  const editor = (kind: "chat" | "memo") =>
    findEditable(opts.doc, editorSelectors(pageAdapter ?? adapters()[0], kind));

  function panelProps(key: string, context: ComposeContext): NudgePanelProps {
    const entry = tracked.get(key);
    const memo = entry?.snapshot?.memo ?? context.order.memo;
    const warning = memoWarning(memo, {
      self: context.agent,
      now: now(),
      cooldownMs: context.cooldownMs,
    });
    const insert = (kind: "chat" | "memo", text: string) => {
      const field = editor(kind);
      return field ? insertText(field, text, { mode: "append" }).ok : false;
    };
    return {
      order: context.order,
      templates: context.templates,
      values: context.values,
      locale: context.locale,
      ...(context.agent ? { agent: context.agent } : {}),
      ...(context.step ? { step: context.step } : {}),
      ...(warning ? { warning } : {}),
      canInsertMessage: editor("chat") !== undefined,
      canInsertNote: editor("memo") !== undefined,
      onCopy: (text, _templateId, cause) =>
        opts.copy(text, cause, entry?.badge.root ?? opts.doc.body),
      onInsert: (text) => insert("chat", text),
      onCopyNote: (note, cause) =>
        opts.copy(note, cause, entry?.badge.root ?? opts.doc.body),
      onInsertNote: (note) => insert("memo", note),
      async onLog(entry) {
        const { agent, ...rest } = entry;
        const view = await opts.logNudge({
          key,
          ...rest,
          ...(agent ? { agent } : {}),
        });
        const tracked_ = tracked.get(key);
        if (tracked_) {
          tracked_.view = view;
          tracked_.badge.update(view, now());
          armClock();
        }
        return true;
      },
      onClose: () => {
        if (open?.key === key) open = undefined;
      },
    };
  }

  /** The page changed under an open panel (a chat box or memo dialog opened): tell the panel. */
  function refreshPanel() {
    if (!open) return;
    const entry = tracked.get(open.key);
    if (entry?.badge.panelOpen)
      entry.badge.openPanel(panelProps(open.key, open.context));
    else open = undefined;
  }

  /**
   * The badge's click: copies the best-fitting message at once (unless a colleague's fresh note
   * says to hold back) and opens the panel with every template that fits, the outcome and the note.
   */
  async function activate(key: string, cause: MouseEvent) {
    const entry = tracked.get(key);
    if (!entry) return;
    if (entry.badge.panelOpen) {
      entry.badge.closePanel();
      open = undefined;
      return;
    }
    try {
      const context = await opts.panelFor(key);
      if (opts.signal.aborted) return;
      if (open && open.key !== key) tracked.get(open.key)?.badge.closePanel();
      open = { key, context };
      const props = panelProps(key, context);
      if (!props.warning?.insideCooldown) {
        const ok = await opts.copy(
          bestMessage(context).text,
          cause,
          entry.badge.root,
        );
        entry.badge.flash(
          t(opts.locale, ok ? "badge.copied" : "badge.copyFailed"),
        );
      }
      entry.badge.openPanel(props);
    } catch (error) {
      console.error("PayNudge: could not prepare the message", error);
      entry.badge.flash(t(opts.locale, "badge.copyFailed"));
    }
  }

  function place(adapter: PlatformAdapter, row: Element, badge: OrderBadge) {
    const slot = adapter.badgeSlot(row);
    slot.parent.insertBefore(badge.host, slot.before ?? null);
  }

  async function scanOnce() {
    const time = now();
    const found = findRows();
    pageAdapter = found?.adapter;
    const seen = new Set<string>();
    const changed: OrderSnapshot[] = [];
    // Badges go into the page together once the rows are read: every insertion makes the browser
    // lay the list out again at its next frame, and a long table's layout costs the same for one
    // badge as for a thousand.
    const toPlace: { row: Element; badge: OrderBadge }[] = [];
    if (found) {
      let sliceStart = performance.now();
      for (const row of found.rows) {
        if (opts.signal.aborted) return;
        if (performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
          if (opts.signal.aborted) return;
        }
        // A row removed while the scan yielded is left to the next scan.
        if (!row.isConnected) continue;
        const snapshot = found.adapter.parseRow(row, { now: time });
        if (!snapshot) continue;
        const key = orderKey(snapshot.platform, snapshot.orderId);
        if (seen.has(key)) continue; // one badge per order, even if a page repeats a row
        seen.add(key);
        let entry = tracked.get(key);
        // A ticking countdown must not make the order look changed every second.
        const previous = entry?.closesAt;
        if (
          snapshot.closesAt !== undefined &&
          previous !== undefined &&
          Math.abs(snapshot.closesAt - previous) < CLOSE_JITTER_MS
        ) {
          snapshot.closesAt = previous;
        }
        const fingerprint = JSON.stringify(snapshot);
        if (!entry) {
          const badge = createOrderBadge(
            opts.doc,
            snapshot.orderId,
            opts.locale,
            (cause) => void activate(key, cause),
          );
          entry = { row, badge, fingerprint: "" };
          tracked.set(key, entry);
        } else if (entry.row !== row) {
          // The SPA re-rendered the order's row (tab switch, page turn, re-render in place): the
          // badge moves over with what it knows, rather than being rebuilt.
          entry.row = row;
          entry.badge.remove();
        }
        entry.closesAt = snapshot.closesAt;
        if (!entry.badge.host.isConnected || !row.contains(entry.badge.host))
          toPlace.push({ row, badge: entry.badge });
        if (entry.fingerprint !== fingerprint) {
          entry.fingerprint = fingerprint;
          entry.snapshot = snapshot;
          entry.badge.setMemoNote(
            latestNote(parseNotes(snapshot.memo, time)),
            time,
          );
          changed.push(snapshot);
        }
      }
    }
    for (const { row, badge } of toPlace)
      if (row.isConnected) place(found!.adapter, row, badge);
    for (const [key, entry] of tracked) {
      if (!seen.has(key) || !entry.row.isConnected) {
        entry.badge.remove();
        tracked.delete(key);
      }
    }
    if (!changed.length) return;
    const shopName = found?.adapter.shopName?.(opts.doc);
    // A big page goes in chunks: each message stays small and the background stores each in one
    // short transaction. Badges take their states together, at most once a second, for the same
    // reason as they are placed together.
    let pending: OrderView[] = [];
    let shownAt = performance.now();
    for (const orders of chunks(changed, REPORT_CHUNK)) {
      pending.push(
        ...(await opts.report({
          pageUrl: opts.doc.location.href,
          ...(shopName ? { shopName } : {}),
          orders,
        })),
      );
      if (opts.signal.aborted) return;
      if (performance.now() - shownAt > SHOW_EVERY_MS) {
        showViews(pending);
        pending = [];
        shownAt = performance.now();
      }
    }
    showViews(pending);
    armClock();
  }

  /** Badges take what the background knows. */
  function showViews(views: readonly OrderView[]): void {
    const at = now();
    for (const view of views) {
      const entry = tracked.get(view.key);
      if (!entry) continue;
      entry.view = view;
      entry.badge.update(view, at);
    }
  }

  function scan(): Promise<void> {
    if (scanning) {
      rescan = true;
      return scanning;
    }
    scanning = (async () => {
      try {
        do {
          rescan = false;
          await scanOnce();
        } while (rescan && !opts.signal.aborted);
      } catch (error) {
        if (!opts.signal.aborted)
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
    const keys = [...tracked.keys()];
    if (!keys.length || opts.signal.aborted) return;
    const views: OrderView[] = [];
    for (const some of chunks(keys, REPORT_CHUNK)) {
      views.push(...(await opts.viewsFor(some)));
      if (opts.signal.aborted) return;
    }
    const at = now();
    const known = new Set<string>();
    for (const view of views) {
      const entry = tracked.get(view.key);
      if (!entry) continue;
      known.add(view.key);
      entry.view = view;
      entry.badge.update(view, at);
    }
    let forgotten = false;
    for (const [key, entry] of tracked) {
      if (known.has(key)) continue;
      entry.fingerprint = "";
      forgotten = true;
    }
    armClock();
    if (forgotten) await scan();
  }

  function armClock() {
    clearTimeout(clockTimer);
    const time = now();
    let next = time + REFRESH_MS;
    for (const { view } of tracked.values()) {
      const change = view && nextStateChangeAt(view, time);
      if (change !== undefined && change < next) next = change;
    }
    clockTimer = setTimeout(
      () => {
        const at = now();
        for (const entry of tracked.values()) entry.badge.refresh(at);
        armClock();
      },
      Math.max(0, next - time) + 50,
    );
  }

  const isOwn = (node: Node) => node.nodeName.toLowerCase() === BADGE_TAG;
  const later = () => {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void scan(), SETTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    const relevant = records.some(
      (r) =>
        r.type !== "childList" ||
        ![...r.addedNodes, ...r.removedNodes].every(isOwn),
    );
    if (relevant) later();
  });
  // Observing the document (not documentElement) also survives an SPA replacing <html>'s children.
  observer.observe(opts.doc, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  // Route changes of single-page apps: the adapters may change with the URL even when the DOM
  // does not (yet). History and hash changes, and the Navigation API where the browser has it.
  const view = opts.doc.defaultView;
  view?.addEventListener("popstate", later, { signal: opts.signal });
  view?.addEventListener("hashchange", later, { signal: opts.signal });
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)
    ?.navigation;
  navigation?.addEventListener("navigatesuccess", later, {
    signal: opts.signal,
  });
  // The agent opened a chat box or the memo dialog: the open panel learns it can write there.
  let panelTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(panelTimer);
    panelTimer = setTimeout(refreshPanel, 50);
  };
  opts.doc.addEventListener("click", refreshSoon, {
    capture: true,
    passive: true,
    signal: opts.signal,
  });
  opts.doc.addEventListener("focusin", refreshSoon, {
    capture: true,
    signal: opts.signal,
  });

  opts.signal.addEventListener(
    "abort",
    () => {
      observer.disconnect();
      clearTimeout(settleTimer);
      clearTimeout(clockTimer);
      clearTimeout(panelTimer);
      for (const entry of tracked.values()) entry.badge.remove();
      tracked.clear();
    },
    { once: true },
  );

  void scan();
  return { scan, refresh, tracked };
}
