import { nextStateChangeAt } from "@/lib/model/nudge-state";
import { orderKey, type OrderSnapshot } from "@/lib/model/order";
import { containsAcross } from "@/lib/platforms/shared/shadow";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { latestNote, parseNotes } from "@/lib/templates/notes";
import { frameSlices } from "@/lib/page/frame-slices";
import { nextTask } from "@/lib/page/next-task";
import type { BadgeUi, PageUi } from "@/lib/page/ui-port";
import type { OrderView } from "@/lib/model/order-view";

/** An order on the page, with its badge. */
export interface Tracked {
  row: Element;
  badge: BadgeUi;
  /** The snapshot last reported, as JSON: the order changed when it differs. */
  fingerprint: string;
  /** The row as last parsed: its memo tells whether a colleague nudged just now. */
  snapshot?: OrderSnapshot;
  view?: OrderView;
  /** The deadline last reported, kept while a ticking countdown only jitters around it. */
  closesAt?: number;
}

/** A page countdown that ticks moves the deadline it implies by less than this: same deadline. */
const CLOSE_JITTER_MS = 2 * 60_000;

/** One look over the page's rows. */
interface BadgePass {
  /** An order read off `row`; a second row of the same order is ignored (false). */
  see(row: Element, snapshot: OrderSnapshot): boolean;
  /**
   * Puts the new and moved badges into their rows together, takes away the badges of orders no
   * longer seen, and answers the orders that changed since they were last reported.
   */
  end(adapter: PlatformAdapter | undefined): OrderSnapshot[];
}

/** One badge on each order of the page, keyed by orderKey(). */
export interface OrderBadges {
  get(key: string): Tracked | undefined;
  keys(): string[];
  /**
   * A look over the page's rows, or over `only` these rows (the others are left as they are: a
   * countdown ticked in one row).
   */
  pass(now: number, only?: ReadonlySet<Element>): BadgePass;
  /** Whether `row` holds a badged order. */
  hasRow(row: Element): boolean;
  /**
   * The page just put in `added`: rows among them (or inside them) that are copies of badged rows
   * it took out take their badges at once (see the function).
   */
  reseat(added: readonly Element[], adapter: PlatformAdapter): void;
  /**
   * Whether a countdown in `row` saying the order closes at `closesAt` says nothing new: the
   * deadline last read there, give or take a countdown's jitter.
   */
  sameClose(row: Element, closesAt: number): boolean;
  /** Badges take what the background knows; those waiting for it go into their rows. */
  show(views: readonly OrderView[], now: number): void;
  /** Puts the badges still waiting for their state into their rows (the background did not say). */
  placePending(): void;
  /** Resolves once every badge due in its row is there (they go in a slice per frame). */
  placed(): Promise<void>;
  /**
   * Orders absent from `known` (the background forgot them) are marked as never reported, so the
   * next pass reports them again; true when there was any.
   */
  forgetAllBut(known: ReadonlySet<string>): boolean;
  /** The first moment before `until` at which a badge's state changes by time alone. */
  nextChangeAt(now: number, until: number): number;
  refreshAll(now: number): void;
  /** Takes every badge out of the page. */
  clear(): void;
}

/**
 * Badges that learnt their state are drawn (their text and colours, still out of the page) a few
 * ms at a time: a thousand drawn in the task that brought the background's answer made a long task.
 */
const DRAW_SLICE_MS = 8;

/** What a row looks like from outside: its tag and classes. */
const shapeOf = (row: Element) =>
  `${row.localName} ${row.getAttribute("class") ?? ""}`;

function place(adapter: PlatformAdapter, row: Element, badge: BadgeUi) {
  const slot = adapter.badgeSlot(row);
  slot.parent.insertBefore(badge.host, slot.before ?? null);
}

/**
 * The badges of `doc`, made by `ui`; a badge's click goes to `onActivate` with its order's key.
 */
export function orderBadges(
  doc: Document,
  ui: PageUi,
  onActivate: (key: string, cause: MouseEvent) => void,
): OrderBadges {
  const tracked = new Map<string, Tracked>();

  /** The rows holding a badged order: a change inside one is read in that row alone. */
  const rows = new WeakMap<Element, string>();
  /**
   * Badges of orders whose state is not known yet, with the adapter that places them: they go into
   * their rows with it, so a page of new orders is laid out again once, not once for empty badges
   * and again for their states (a 1 000-row table's layout is hundreds of ms).
   */
  const pending = new Map<string, PlatformAdapter>();

  /** The adapter placing each badge due in its row, until its turn comes. */
  const placing = new Map<string, PlatformAdapter>();
  /**
   * Badges go into their rows a slice per frame: each makes the browser lay its row out again,
   * and a thousand in one frame would make that frame a long task of the page's.
   */
  const slices = frameSlices<string>(doc, (key) => {
    const adapter = placing.get(key);
    placing.delete(key);
    const entry = tracked.get(key);
    if (adapter && entry?.row.isConnected)
      place(adapter, entry.row, entry.badge);
  });

  function placeNow(key: string, adapter: PlatformAdapter) {
    pending.delete(key);
    placing.set(key, adapter);
    slices.add(key);
  }

  /** Badges waiting for their row whose view came, with when it came: drawn, then placed. */
  const toDraw = new Map<string, { at: number; adapter: PlatformAdapter }>();
  let drawing: Promise<void> | undefined;
  async function drawWaiting(): Promise<void> {
    /**
     * Placed once all are drawn, as one batch of frames. Placed as they were drawn, the first
     * slice went into its rows alone and every later slice started a batch of its own: a
     * 1 000-order page took three to five frames of uneven size (the longest 2–3× the others),
     * each laying the list out and walking its paint again.
     */
    const drawn = new Map<string, PlatformAdapter>();
    try {
      let start = performance.now();
      for (const [key, { at, adapter }] of toDraw) {
        toDraw.delete(key);
        const entry = tracked.get(key);
        if (!entry?.view) continue;
        entry.badge.update(entry.view, at);
        drawn.set(key, adapter);
        if (toDraw.size && performance.now() - start > DRAW_SLICE_MS) {
          await nextTask();
          start = performance.now();
        }
      }
    } finally {
      drawing = undefined;
      for (const [key, adapter] of drawn)
        if (tracked.has(key)) placeNow(key, adapter);
    }
  }

  function forget(key: string) {
    tracked.delete(key);
    toDraw.delete(key);
    pending.delete(key);
    placing.delete(key);
    slices.drop(key);
  }

  function pass(time: number, only?: ReadonlySet<Element>): BadgePass {
    const seen = new Set<string>();
    const changed: OrderSnapshot[] = [];
    // Badges go into the page together once the rows are read: every insertion makes the browser
    // lay the list out again at its next frame, and a long table's layout costs the same for one
    // badge as for a thousand.
    const toPlace: string[] = [];
    return {
      see(row, snapshot) {
        const key = orderKey(snapshot.platform, snapshot.orderId);
        if (seen.has(key)) return false; // one badge per order, even if a page repeats a row
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
          const badge = ui.createBadge(snapshot.orderId, (cause) =>
            onActivate(key, cause),
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
        rows.set(row, key);
        // Across shadow boundaries: a row may be a component whose shadow tree holds the badge.
        if (
          !entry.badge.host.isConnected ||
          !containsAcross(row, entry.badge.host)
        )
          toPlace.push(key);
        if (entry.fingerprint !== fingerprint) {
          entry.fingerprint = fingerprint;
          entry.snapshot = snapshot;
          entry.badge.setMemoNote(
            latestNote(parseNotes(snapshot.memo, time)),
            time,
          );
          changed.push(snapshot);
        }
        return true;
      },
      end(adapter) {
        if (adapter)
          for (const key of toPlace)
            if (tracked.get(key)?.view) placeNow(key, adapter);
            else pending.set(key, adapter);
        for (const [key, entry] of tracked) {
          const looked = !only || only.has(entry.row);
          if ((looked && !seen.has(key)) || !entry.row.isConnected) {
            entry.badge.remove();
            forget(key);
          }
        }
        return changed;
      },
    };
  }

  return {
    get: (key) => tracked.get(key),
    keys: () => [...tracked.keys()],
    pass,
    hasRow: (row) => rows.has(row),
    /*
     * A single-page app drawing its list again (a tab switch and back, a refresh of the list) puts
     * fresh copies of the same rows in. Rows of the same tag, classes and text as a badged row it
     * took out, and unlike any other such row, are that row's copies: each takes its badge in the
     * page's own task, before the browser lays the list out, so that each row is laid out once
     * with its badge rather than again at the next frame (on a 1 000-order list, a frame of 100 ms
     * or more). A row this cannot tell is left to the next pass, which also reads these rows as
     * usual (and corrects any badge a look-alike row took).
     */
    reseat(added, adapter) {
      /** The text of each badged row out of the page, to its order; null when two share it. */
      const byText = new Map<string, string | null>();
      const shapes = new Set<string>();
      const tags = new Set<string>();
      for (const [key, entry] of tracked) {
        if (entry.row.isConnected) continue;
        const text = entry.row.textContent ?? "";
        byText.set(text, byText.has(text) ? null : key);
        shapes.add(shapeOf(entry.row));
        tags.add(entry.row.localName);
      }
      if (!byText.size) return;
      const take = (row: Element): boolean => {
        if (!shapes.has(shapeOf(row))) return false;
        const key = byText.get(row.textContent ?? "");
        const entry = key ? tracked.get(key) : undefined;
        if (!key || !entry || entry.row.isConnected) return true;
        entry.badge.remove();
        entry.row = row;
        rows.set(row, key);
        placing.delete(key);
        slices.drop(key);
        place(adapter, row, entry.badge);
        return true;
      };
      for (const el of added)
        if (!take(el))
          for (const tag of tags)
            for (const inner of el.getElementsByTagName(tag)) take(inner);
    },
    sameClose(row, closesAt) {
      const entry = tracked.get(rows.get(row) ?? "");
      return (
        entry?.row === row &&
        entry.closesAt !== undefined &&
        Math.abs(closesAt - entry.closesAt) < CLOSE_JITTER_MS
      );
    },
    show(views, now) {
      for (const view of views) {
        const entry = tracked.get(view.key);
        if (!entry) continue;
        entry.view = view;
        const adapter = pending.get(view.key) ?? toDraw.get(view.key)?.adapter;
        if (!adapter) {
          entry.badge.update(view, now);
          continue;
        }
        pending.delete(view.key);
        toDraw.set(view.key, { at: now, adapter });
        drawing ??= Promise.resolve().then(drawWaiting);
      }
    },
    placePending() {
      for (const [key, adapter] of pending) placeNow(key, adapter);
    },
    async placed() {
      await drawing;
      await slices.done();
    },
    forgetAllBut(known) {
      let forgotten = false;
      for (const [key, entry] of tracked) {
        if (known.has(key)) continue;
        entry.fingerprint = "";
        forgotten = true;
      }
      return forgotten;
    },
    nextChangeAt(now, until) {
      let next = until;
      for (const { view } of tracked.values()) {
        const change = view && nextStateChangeAt(view, now);
        if (change !== undefined && change < next) next = change;
      }
      return next;
    },
    refreshAll(now) {
      for (const entry of tracked.values()) entry.badge.refresh(now);
    },
    clear() {
      for (const entry of tracked.values()) entry.badge.remove();
      tracked.clear();
      pending.clear();
      placing.clear();
      toDraw.clear();
      slices.clear();
    },
  };
}
