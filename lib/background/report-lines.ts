import { onLinesDirty } from "@/lib/db/report-digest/dirty";
import { foldDirtyLines } from "@/lib/db/report-digest/fold";
import type { PayNudgeDB } from "@/lib/db/schema";

/*
 * The report's lines kept up to date (lib/db/report-digest/): a short while after a write marks
 * orders, their lines are folded, a batch per transaction, until no mark is left. Marks left by a
 * stopped worker are folded when it starts again. Until a mark is folded the report reads that
 * order from its rows, so a fold that comes late only costs the report time, never a figure.
 */

/** After the first mark, the writes of the moment (a page's batches) are let through first. */
const FOLD_AFTER_MS = 2_000;

/** Keeps the lines of `db` until `signal` aborts (the worker's life when none is given). */
export function keepReportLines(
  db: PayNudgeDB,
  signal: AbortSignal = new AbortController().signal,
  afterMs = FOLD_AFTER_MS,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let folding = false;
  let markedMeanwhile = false;
  const fold = async () => {
    timer = undefined;
    folding = true;
    markedMeanwhile = false;
    try {
      while (!signal.aborted && (await foldDirtyLines(db)) > 0);
    } catch (error) {
      console.error("PayNudge report lines", error);
    } finally {
      folding = false;
      if (markedMeanwhile) soon();
    }
  };
  const soon = () => {
    if (folding) markedMeanwhile = true;
    else if (!signal.aborted && timer === undefined)
      timer = setTimeout(() => void fold(), afterMs);
  };
  onLinesDirty(db, soon);
  signal.addEventListener("abort", () => {
    onLinesDirty(db, undefined);
    clearTimeout(timer);
  });
  soon();
}
