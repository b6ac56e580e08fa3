import type { OrderSnapshot } from "@/lib/model/order";
import { nextTask } from "@/lib/page/next-task";
import type { SkipReason } from "@/lib/model/page-reading";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";

/** A candidate row an adapter refused, with why. */
export interface Refused {
  row: Element;
  reason: SkipReason;
}

/** The order rows on the page, the adapter that found them, and those tried before it. */
export interface FoundRows {
  adapter: PlatformAdapter;
  rows: Element[];
  /** Ids of the adapters that found none first. */
  tried: string[];
}

/**
 * The rows of the first adapter that finds any. `refused` (when given) receives the candidates
 * left out: that adapter's own, or, when none finds rows, every adapter's.
 */
export function findRows(
  doc: Document,
  adapters: readonly PlatformAdapter[],
  refused: Refused[] = [],
): FoundRows | undefined {
  const tried: string[] = [];
  for (const adapter of adapters) {
    const mine: Refused[] = [];
    const rows = adapter.findRows(doc, (row, reason) =>
      mine.push({ row, reason }),
    );
    if (rows.length) {
      refused.splice(0, refused.length, ...mine);
      return { adapter, rows, tried };
    }
    refused.push(...mine);
    tried.push(adapter.id);
  }
  return undefined;
}

/**
 * A read gives the page its main thread back this often, so that it never makes a long task: the
 * page's own work (and the script's badge work of a slice) runs between slices.
 */
const SLICE_MS = 20;

/**
 * Reads each row that is an order, in slices of SLICE_MS, and hands it to `visit` with its
 * snapshot; a row the adapter reads no order from goes to `skip`. Resolves false, with the rest
 * unread, once `signal` aborts.
 */
export async function readOrders(
  found: FoundRows,
  { now, signal }: { now: number; signal: AbortSignal },
  visit: (row: Element, snapshot: OrderSnapshot) => void,
  skip?: (row: Element) => void,
): Promise<boolean> {
  let sliceStart = performance.now();
  for (const row of found.rows) {
    if (signal.aborted) return false;
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      sliceStart = performance.now();
      if (signal.aborted) return false;
    }
    // A row removed while the read yielded is left to the next scan.
    if (!row.isConnected) continue;
    const snapshot = found.adapter.parseRow(row, { now });
    if (snapshot) visit(row, snapshot);
    else skip?.(row);
  }
  return true;
}
