/**
 * What the rendering of one frame may take for the badges put in before it. Every badge makes the
 * browser lay its row out again at the next frame (a table row: about 0.1 ms each on a 2-CPU
 * machine), so a thousand at once make one frame of 100 ms or more: a long task (50 ms) of the
 * page's, caused by PayNudge.
 */
const FRAME_BUDGET_MS = 40;
/** One badge's cost to the next frame, until a frame has been measured. */
const FIRST_GUESS_MS = 0.1;
/**
 * At most this many frames for one batch, however slow the frames (a loaded machine, a busy page):
 * every frame adds its wait to the last badge's, and its fixed cost (the list's paint walk) to the
 * page's main-thread time.
 */
const MAX_FRAMES = 3;
/** A frame not drawn within this long (the tab went to the background): the rest goes in at once. */
const FRAME_WAIT_MS = 250;

/** Work done in slices, one per frame, each sized for its frame's rendering to stay short. */
export interface FrameSlices<K> {
  /** Queues `key` (queued already: it keeps its turn). The first slice starts in this task. */
  add(key: K): void;
  /** Takes `key` out of the queue. */
  drop(key: K): void;
  clear(): void;
  /** Resolves once the queue is empty. */
  done(): Promise<void>;
}

/**
 * How long the rendering of the next frame took (from its animation-frame callbacks to the first
 * task after it), or undefined when no frame came within FRAME_WAIT_MS.
 */
function nextFrameCost(win: Window): Promise<number | undefined> {
  return new Promise((resolve) => {
    const late = win.setTimeout(() => resolve(undefined), FRAME_WAIT_MS);
    win.requestAnimationFrame(() => {
      const start = performance.now();
      win.setTimeout(() => {
        win.clearTimeout(late);
        resolve(performance.now() - start);
      }, 0);
    });
  });
}

/**
 * Calls `put` for each queued key, a slice per frame of `doc`: as many as the frames measured so
 * far say fit in FRAME_BUDGET_MS of rendering, spread evenly over the frames the queue needs (at
 * most MAX_FRAMES, never more than planned before). A hidden document draws no frames: everything
 * goes in at once.
 */
export function frameSlices<K>(
  doc: Document,
  put: (key: K) => void,
): FrameSlices<K> {
  const queue = new Set<K>();
  let perItemMs = FIRST_GUESS_MS;
  let running: Promise<void> | undefined;

  async function run(): Promise<void> {
    /** The frames this batch still has: a slow frame never makes more of them. */
    let framesLeft = MAX_FRAMES;
    try {
      for (;;) {
        const win = doc.defaultView;
        const wanted = Math.ceil((queue.size * perItemMs) / FRAME_BUDGET_MS);
        framesLeft = Math.max(1, Math.min(framesLeft, wanted));
        const size =
          !win?.requestAnimationFrame || doc.hidden
            ? queue.size
            : Math.ceil(queue.size / framesLeft);
        framesLeft -= 1;
        let placed = 0;
        for (const key of queue) {
          if (placed >= size) break;
          queue.delete(key);
          put(key);
          placed += 1;
        }
        if (!queue.size || !win) return;
        const cost = await nextFrameCost(win);
        if (cost !== undefined && placed) perItemMs = cost / placed;
      }
    } finally {
      running = undefined;
    }
  }

  return {
    add(key) {
      queue.add(key);
      // After the caller's loop, still in its task: its whole batch is one queue.
      running ??= Promise.resolve().then(run);
    },
    drop: (key) => queue.delete(key),
    clear: () => queue.clear(),
    done: () => running ?? Promise.resolve(),
  };
}
