import { onLinesDirty } from "@/lib/db/report-digest/dirty";
import { foldDirtyLines } from "@/lib/db/report-digest/fold";
import type { PayNudgeDB } from "@/lib/db/schema";
import { nextTask } from "@/lib/page/next-task";

/*
 * The report's lines kept up to date (lib/db/report-digest/): once the writes pause, the marks
 * are folded into the lines a batch at a time, until none is left. A fold is background work that
 * a page's next batch would wait behind (a 1 000-order page's lines take ~200 ms to fold), so it
 * waits for a quiet moment, but never longer than a minute after the first mark; between batches
 * the worker answers whatever came in. Marks left by a stopped worker are folded when it starts
 * again. Until a mark is folded the report reads that order from its rows, so a fold that comes
 * late only costs the report time, never a figure.
 */

export interface FoldTiming {
  /** How long the writes must pause before a fold. */
  quietMs: number;
  /** The longest a mark waits, however busy the writes. */
  maxWaitMs: number;
}

const FOLD_TIMING: FoldTiming = { quietMs: 5_000, maxWaitMs: 60_000 };

/** Keeps the lines of `db` until `signal` aborts (the worker's life when none is given). */
export function keepReportLines(
  db: PayNudgeDB,
  signal: AbortSignal = new AbortController().signal,
  { quietMs, maxWaitMs }: FoldTiming = FOLD_TIMING,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest mark not yet being folded was made. */
  let waitingSince: number | undefined;
  let folding = false;
  const fold = async () => {
    timer = undefined;
    waitingSince = undefined;
    folding = true;
    try {
      while (!signal.aborted && (await foldDirtyLines(db)) > 0)
        await nextTask();
    } catch (error) {
      console.error("PayNudge report lines", error);
    } finally {
      folding = false;
      if (waitingSince !== undefined) soon();
    }
  };
  const soon = () => {
    if (signal.aborted) return;
    const now = Date.now();
    waitingSince ??= now;
    // A mark while folding is folded by the same run or, if it came after the last batch, next.
    if (folding) return;
    clearTimeout(timer);
    const wait = Math.min(quietMs, waitingSince + maxWaitMs - now);
    timer = setTimeout(() => void fold(), Math.max(0, wait));
  };
  onLinesDirty(db, soon);
  signal.addEventListener("abort", () => {
    onLinesDirty(db, undefined);
    clearTimeout(timer);
  });
  soon();
}
