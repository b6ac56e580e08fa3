import { liveQuery } from "dexie";
import { periodOf, type RangeChoice } from "@/components/report/range";
import { loadDigestFigures } from "@/lib/db/report-digest/figures";
import { getDb } from "@/lib/db/schema";
import type { ReportFigures } from "@/lib/model/report";

/**
 * The figures of a range, read again whenever the database changes (a nudge logged, an order paid
 * meanwhile), each read at its own moment. `onFigures` hears each; the returned function stops.
 */
export function watchFigures(
  choice: RangeChoice,
  onFigures: (figures: ReportFigures) => void,
): () => void {
  const subscription = liveQuery(() => {
    const now = Date.now();
    return loadDigestFigures(getDb(), periodOf(choice, now), now);
  }).subscribe({
    next: onFigures,
    error: (error: unknown) =>
      console.error("PayNudge: the report's figures", error),
  });
  return () => subscription.unsubscribe();
}
