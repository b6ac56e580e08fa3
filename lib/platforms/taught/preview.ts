import type { PlatformId } from "@/lib/model/order";
import type { TeachPreview } from "@/lib/model/teaching";
import type { TaughtReader } from "@/lib/model/taught-reader";
import { taughtAdapter } from "@/lib/platforms/taught/adapter";

/** Samples the popup lists; distinct status texts it shows. */
const SAMPLES = 5;
const STATUSES = 12;

/**
 * What a reader would read in `doc` now: its rows, the orders read from them, each status text
 * with how PayNudge reads it, and the first orders. `rows` also hands back the rows read, for the
 * page's outlines.
 */
export function previewOf(
  doc: Document,
  reader: TaughtReader,
  platform: PlatformId,
  now: number,
): { preview: TeachPreview; rows: Element[] } {
  // Before the seller's own words are chosen: the popup adds them (unpaidCount).
  const adapter = taughtAdapter({ ...reader, unpaidWords: [] }, platform);
  const rows = adapter.findRows(doc);
  const statuses = new Map<string, TeachPreview["statuses"][number]>();
  const samples: TeachPreview["samples"] = [];
  let orders = 0;
  for (const row of rows) {
    const order = adapter.parseRow(row, { now });
    if (!order) continue;
    orders += 1;
    const text = order.statusText ?? "";
    const known = statuses.get(text);
    if (known) known.count += 1;
    else if (statuses.size < STATUSES)
      statuses.set(text, { text, status: order.status, count: 1 });
    if (samples.length < SAMPLES)
      samples.push({
        orderId: order.orderId,
        statusText: text,
        status: order.status,
      });
  }
  return {
    preview: {
      rows: rows.length,
      orders,
      statuses: [...statuses.values()],
      samples,
    },
    rows,
  };
}
