import type { OrderSnapshot } from "@/lib/model/order";
import type {
  FrameReading,
  SkipReason,
  SkippedRows,
} from "@/lib/model/page-reading";
import type { FoundRows, Refused } from "@/lib/page/read-orders";
import { pageStructure, reportRoot } from "@/lib/page/page-structure";

/*
 * What the seller sees of a frame's reading (lib/model/page-reading.ts): the last read of its rows,
 * tallied as it goes, and the page's redacted structure, taken only when asked.
 */

/** The last read of a frame's rows. */
export interface RowsRead {
  found: FoundRows | undefined;
  tried: string[];
  orders: number;
  unpaid: number;
  skipped: Map<SkipReason, { count: number; row: Element }>;
  at: number;
}

/**
 * Counts one read of the rows: call `see` for each order read, `duplicate` for a row showing an
 * order another row showed, `skip` for a row without one. `refused`: the candidates the adapters
 * left out while finding rows (findRows).
 */
export function readingTally(
  found: FoundRows | undefined,
  adapters: readonly { id: string }[],
  at: number,
  refused: readonly Refused[],
) {
  const read: RowsRead = {
    found,
    tried: found ? found.tried : adapters.map((adapter) => adapter.id),
    orders: 0,
    unpaid: 0,
    skipped: new Map(),
    at,
  };
  const skip = (reason: SkipReason, row: Element) => {
    const entry = read.skipped.get(reason);
    if (entry) entry.count++;
    else read.skipped.set(reason, { count: 1, row });
  };
  for (const { row, reason } of refused) skip(reason, row);
  return {
    read,
    see(snapshot: OrderSnapshot) {
      read.orders++;
      if (snapshot.status === "unpaid") read.unpaid++;
    },
    duplicate: (row: Element) => skip("duplicate", row),
    skip: (row: Element) => skip("noOrderId", row),
  };
}

/** Host and path, with runs of 5 or more digits (ids in a path) reduced to their length. */
function pageOf(location: Location): string {
  return `${location.host}${location.pathname}`
    .slice(0, 200)
    .replace(/\d{5,}/g, (digits) => `9{${digits.length}}`);
}

/** A skipped row's example: small, it only shows the row's make-up. */
const EXAMPLE_BOUNDS = { depth: 6, nodes: 40 };

/** The frame's reading now: the last read, and the structure around its rows (or of the body). */
export function frameReading(
  doc: Document,
  read: RowsRead | undefined,
): FrameReading {
  const rows = read?.found?.rows.filter((row) => row.isConnected) ?? [];
  const root = reportRoot(rows) ?? doc.body ?? doc.documentElement;
  const skipped: SkippedRows[] = [...(read?.skipped ?? [])].map(
    ([reason, { count, row }]) => ({
      reason,
      count,
      example: pageStructure(row, EXAMPLE_BOUNDS),
    }),
  );
  return {
    page: pageOf(doc.location),
    ...(read?.found && { reader: read.found.adapter.id }),
    tried: read?.tried ?? [],
    rows: read?.found?.rows.length ?? 0,
    orders: read?.orders ?? 0,
    unpaid: read?.unpaid ?? 0,
    skipped,
    readAt: read?.at ?? 0,
    structure: pageStructure(root),
  };
}
