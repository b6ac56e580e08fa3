import { useCallback, useEffect, useRef, useState } from "react";
import {
  UNDO_MS,
  type HeldRow,
  type HeldState,
} from "@/components/popup/held-rows";
import type { StoredOrder } from "@/lib/model/order";

/** How long a restored row stays drawn from the held copy while the queue reads the order back. */
const UNDONE_MS = 1_500;

/** The popup's held rows and what the list does with them (DueList's `undo`). */
export interface UndoControl {
  held: ReadonlyMap<string, HeldRow>;
  /**
   * Holds the row in place while `action` runs, then offers its undo for UNDO_MS; a failed action
   * lets the row go at once and rejects, so the row says it failed.
   */
  run(row: Omit<HeldRow, "state">, action: () => Promise<void>): Promise<void>;
  /** Restores the held order as it was before the action. */
  undo(key: string): void;
}

/** Held rows, their timers, and undo through `restore` (the background's restoreOrder). */
export function useHeldRows(
  restore: (order: StoredOrder) => Promise<void>,
): UndoControl {
  const [held, setHeld] = useState<ReadonlyMap<string, HeldRow>>(new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  // The latest rows, for undo's click (the state itself is read in updates only).
  const current = useRef(held);
  current.current = held;
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const stopTimer = useCallback((key: string) => {
    clearTimeout(timers.current.get(key));
    timers.current.delete(key);
  }, []);
  const release = useCallback(
    (key: string) => {
      stopTimer(key);
      setHeld((rows) => {
        if (!rows.has(key)) return rows;
        const next = new Map(rows);
        next.delete(key);
        return next;
      });
    },
    [stopTimer],
  );
  const releaseAfter = useCallback(
    (key: string, ms: number) => {
      stopTimer(key);
      timers.current.set(
        key,
        setTimeout(() => release(key), ms),
      );
    },
    [release, stopTimer],
  );
  const put = useCallback((row: HeldRow) => {
    setHeld((rows) => new Map(rows).set(row.order.key, row));
  }, []);
  const setState = useCallback((key: string, state: HeldState) => {
    setHeld((rows) => {
      const row = rows.get(key);
      return row ? new Map(rows).set(key, { ...row, state }) : rows;
    });
  }, []);

  const run = useCallback(
    async (row: Omit<HeldRow, "state">, action: () => Promise<void>) => {
      const key = row.order.key;
      stopTimer(key);
      put({ ...row, state: "acting" });
      try {
        await action();
      } catch (error) {
        release(key);
        throw error;
      }
      setState(key, "offered");
      releaseAfter(key, UNDO_MS);
    },
    [put, release, releaseAfter, setState, stopTimer],
  );
  const undo = useCallback(
    (key: string) => {
      const row = current.current.get(key);
      if (!row || row.state === "undoing" || row.state === "undone") return;
      stopTimer(key);
      setState(key, "undoing");
      restore(row.order).then(
        () => {
          setState(key, "undone");
          releaseAfter(key, UNDONE_MS);
        },
        (error: unknown) => {
          console.error("PayNudge undo", error);
          setState(key, "failed");
          releaseAfter(key, UNDO_MS);
        },
      );
    },
    [releaseAfter, restore, setState, stopTimer],
  );
  return { held, run, undo };
}
