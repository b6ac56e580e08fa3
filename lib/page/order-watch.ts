import { BADGE_TAG, createOrderBadge, type OrderBadge } from '../../components/order-badge';
import { t, type Locale } from '../i18n';
import type { MessageReply, OrdersSeen, OrderView } from '../messages';
import { nextStateChangeAt } from '../nudge-state';
import { orderKey, type OrderSnapshot } from '../order';
import type { PlatformAdapter } from '../platforms/types';

export interface WatchOptions {
  doc: Document;
  adapters: readonly PlatformAdapter[];
  signal: AbortSignal;
  locale: Locale;
  now?: () => number;
  report(batch: OrdersSeen): Promise<OrderView[]>;
  messageFor(key: string): Promise<MessageReply>;
  copy(text: string): Promise<boolean>;
}

interface Tracked {
  row: Element;
  badge: OrderBadge;
  fingerprint: string;
  view?: OrderView;
}

/** Coalesce bursts of DOM changes (an SPA renders a page in many small steps). */
const SETTLE_MS = 60;
/** Countdowns on badges are refreshed this often; state changes get an exact timer. */
const REFRESH_MS = 60_000;

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

  function findRows(): { adapter: PlatformAdapter; rows: Element[] } | undefined {
    for (const adapter of opts.adapters) {
      const rows = adapter.findRows(opts.doc);
      if (rows.length) return { adapter, rows };
    }
    return undefined;
  }

  async function activate(key: string) {
    const entry = tracked.get(key);
    if (!entry) return;
    try {
      const reply = await opts.messageFor(key);
      const ok = await opts.copy(reply.text);
      entry.badge.flash(t(opts.locale, ok ? 'badge.copied' : 'badge.copyFailed'));
    } catch (error) {
      console.error('PayNudge: could not prepare the message', error);
      entry.badge.flash(t(opts.locale, 'badge.copyFailed'));
    }
  }

  function place(adapter: PlatformAdapter, row: Element, badge: OrderBadge) {
    const slot = adapter.badgeSlot(row);
    slot.parent.insertBefore(badge.host, slot.before ?? null);
  }

  async function scanOnce() {
    const time = now();
    const found = findRows();
    const seen = new Set<string>();
    const changed: OrderSnapshot[] = [];
    if (found) {
      for (const row of found.rows) {
        const snapshot = found.adapter.parseRow(row, { now: time });
        if (!snapshot) continue;
        const key = orderKey(snapshot.platform, snapshot.orderId);
        if (seen.has(key)) continue; // one badge per order, even if a page repeats a row
        seen.add(key);
        const fingerprint = JSON.stringify(snapshot);
        let entry = tracked.get(key);
        if (entry && entry.row !== row) {
          entry.badge.remove();
          entry = undefined;
        }
        if (!entry) {
          const badge = createOrderBadge(opts.doc, snapshot.orderId, opts.locale, () => void activate(key));
          entry = { row, badge, fingerprint: '' };
          tracked.set(key, entry);
        }
        if (!entry.badge.host.isConnected) place(found.adapter, row, entry.badge);
        if (entry.fingerprint !== fingerprint) {
          entry.fingerprint = fingerprint;
          changed.push(snapshot);
        }
      }
    }
    for (const [key, entry] of tracked) {
      if (!seen.has(key) || !entry.row.isConnected) {
        entry.badge.remove();
        tracked.delete(key);
      }
    }
    if (!changed.length) return;
    const shopName = found?.adapter.shopName?.(opts.doc);
    const views = await opts.report({ pageUrl: opts.doc.location.href, ...(shopName ? { shopName } : {}), orders: changed });
    if (opts.signal.aborted) return;
    const at = now();
    for (const view of views) {
      const entry = tracked.get(view.key);
      if (!entry) continue;
      entry.view = view;
      entry.badge.update(view, at);
    }
    armClock();
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
        if (!opts.signal.aborted) console.error('PayNudge: scanning the order list failed', error);
      } finally {
        scanning = undefined;
      }
    })();
    return scanning;
  }

  function armClock() {
    clearTimeout(clockTimer);
    const time = now();
    let next = time + REFRESH_MS;
    for (const { view } of tracked.values()) {
      const change = view && nextStateChangeAt(view, time);
      if (change !== undefined && change < next) next = change;
    }
    clockTimer = setTimeout(() => {
      const at = now();
      for (const entry of tracked.values()) entry.badge.refresh(at);
      armClock();
    }, Math.max(0, next - time) + 50);
  }

  const isOwn = (node: Node) => node.nodeName.toLowerCase() === BADGE_TAG;
  const observer = new MutationObserver((records) => {
    const relevant = records.some(
      (r) => r.type !== 'childList' || ![...r.addedNodes, ...r.removedNodes].every(isOwn),
    );
    if (!relevant) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => void scan(), SETTLE_MS);
  });
  observer.observe(opts.doc.documentElement, { childList: true, subtree: true, characterData: true });

  opts.signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(settleTimer);
      clearTimeout(clockTimer);
      for (const entry of tracked.values()) entry.badge.remove();
      tracked.clear();
    },
    { once: true },
  );

  void scan();
  return { scan, tracked };
}
