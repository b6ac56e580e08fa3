import type { OrderSnapshot } from "@/lib/model/order";
import type { OrderView } from "@/lib/model/order-view";

/**
 * Orders (or keys) per message to the background: half its bound (MAX_BATCH_ORDERS), on a page of
 * any size. Every further message costs the background a transaction, its reads of the settings
 * and the buyer cap, and a round trip: a 1 000-order page sent as two messages of 500 took about
 * 25 ms more to store than as one (`npm run bench ingest`), while one transaction of 1 000 holds
 * the orders store for about a fifth of a second on a 2-CPU machine.
 */
const REPORT_CHUNK = 1000;
/** While a big page's batches come back, badges take their states at most this often. */
const SHOW_EVERY_MS = 1000;

function* chunks<T>(list: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

/**
 * Reports changed orders to the background and hands what it answers to `show`. A big page goes
 * in chunks: each message stays small and the background stores each in one short transaction.
 * Badges take their states together, at most once a second, for the same reason as they are
 * placed together. Resolves false, with the rest unsent, once `signal` aborts.
 */
export async function reportInChunks(
  orders: readonly OrderSnapshot[],
  send: (orders: OrderSnapshot[]) => Promise<OrderView[]>,
  show: (views: readonly OrderView[]) => void,
  signal: AbortSignal,
): Promise<boolean> {
  let pending: OrderView[] = [];
  let shownAt = performance.now();
  for (const some of chunks(orders, REPORT_CHUNK)) {
    pending.push(...(await send(some)));
    if (signal.aborted) return false;
    if (performance.now() - shownAt > SHOW_EVERY_MS) {
      show(pending);
      pending = [];
      shownAt = performance.now();
    }
  }
  show(pending);
  return true;
}

/**
 * What the background knows of these orders now, asked in chunks; undefined once `signal`
 * aborts.
 */
export async function viewsInChunks(
  keys: readonly string[],
  ask: (keys: string[]) => Promise<OrderView[]>,
  signal: AbortSignal,
): Promise<OrderView[] | undefined> {
  const views: OrderView[] = [];
  for (const some of chunks(keys, REPORT_CHUNK)) {
    views.push(...(await ask(some)));
    if (signal.aborted) return undefined;
  }
  return views;
}
