/*
 * How long the order script runs in a frame, decided only by things the page cannot touch.
 *
 * WXT's content-script context announces each start on the page (a CustomEvent on `document`, and
 * a window.postMessage carrying the extension's id) and stops itself when it sees such an event
 * from "a newer copy": any page script can watch for the first and forge the second. So the order
 * script keeps its own AbortController, aborted only when the extension really goes away (its
 * runtime id disappears, or a message fails with "Extension context invalidated") or when a newer
 * copy of the script in this isolated world takes over from an orphaned one. The page cannot see
 * the isolated world's globals, so none of this is visible to it.
 */

/** Set in the extension's isolated world: the script may arrive twice (manifest + a granted site). */
const RUNNING = Symbol.for("paynudge.orders.running");

interface Running {
  /** The copy still belongs to a live extension. */
  alive(): boolean;
  stop(): void;
}

/** True while this script's extension is loaded (false in an orphaned script after an update). */
export function extensionAlive(
  runtime: () => { id?: string } | undefined,
): boolean {
  try {
    return typeof runtime()?.id === "string";
  } catch {
    return false;
  }
}

/** Chrome's error for a message from a script whose extension was reloaded or removed. */
export function isContextGone(error: unknown): boolean {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === "string"
        ? error
        : "";
  return /extension context invalidated/i.test(message);
}

export interface Lifetime {
  signal: AbortSignal;
  /** Stops the script now (the extension is gone). */
  end(reason: string): void;
  /** Passes `error` on, and ends the script first when it says the extension is gone. */
  check(error: unknown): never;
}

/**
 * Claims the frame for this copy of the order script, or returns undefined when a live copy
 * already runs here (the script was injected twice). An orphaned copy, whose extension was
 * reloaded, is stopped and replaced. While running, the extension's presence is checked every
 * `pollMs`: an orphaned copy stops itself even when it never sends a message.
 */
export function claimFrame(
  scope: object,
  alive: () => boolean,
  pollMs = 10_000,
): Lifetime | undefined {
  const slot = scope as Record<symbol, Running | undefined>;
  const previous = slot[RUNNING];
  if (previous?.alive()) return undefined;
  previous?.stop();
  const controller = new AbortController();
  const me: Running = {
    alive: () => !controller.signal.aborted && alive(),
    stop: () => controller.abort("replaced by a newer copy"),
  };
  slot[RUNNING] = me;
  const poll = setInterval(() => {
    if (!alive()) controller.abort("extension context invalidated");
  }, pollMs);
  controller.signal.addEventListener(
    "abort",
    () => {
      clearInterval(poll);
      if (slot[RUNNING] === me) delete slot[RUNNING];
    },
    { once: true },
  );
  return {
    signal: controller.signal,
    end: (reason) => controller.abort(reason),
    check(error) {
      if (isContextGone(error) || !alive())
        controller.abort("extension context invalidated");
      throw error;
    },
  };
}
