import type { DBCore, DBCoreMutateRequest, Middleware } from "dexie";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";

/*
 * The buyer cap's input: the nudges each buyer had within the cap's window. Every page batch and
 * every re-plan needs it, and reading it from the database means the day's whole nudge log plus
 * the order of each nudge (a buyer is known by their order's nickname): on a promotion day 2 500
 * nudges and as many orders, about 60 ms for every 500-order batch. What the answer depends on
 * changes only when a nudge is logged or removed, or when a nudged order's buyer changes, so it is
 * read once and then kept in step:
 *   - new nudges (ids above the highest one held) are read on the next call, whoever added them;
 *   - any other write that could change the answer (a nudge removed or rewritten, a nudged order
 *     deleted or given another buyer) drops what is held, seen by the middleware below on every
 *     write through this database object; the next call reads it all again.
 * The background is the only writer of orders and nudges (DEVELOPERS.md), and holds the one copy:
 * a stopped worker starts empty and reads it all again.
 */

/**
 * The cap counts nudges per buyer across all their orders. Pages show a (often masked) nickname:
 * orders of one platform with the same nickname count as one buyer, which can only make the cap
 * stricter. An order without a buyer is its own buyer.
 */
export function buyerId(
  order: Pick<StoredOrder, "platform" | "buyer" | "key">,
): string {
  return order.buyer === undefined
    ? `order:${order.key}`
    : `buyer:${order.platform}:${order.buyer}`;
}

interface Held {
  /** Every nudge with `at` above this is held. */
  since: number;
  /** The highest nudge id read. */
  lastId: number;
  /** The buyer (buyerId) of each order with a nudge held, as stored when read. */
  buyerOf: Map<string, string>;
  /** Times of the nudges held, by buyer, ascending. */
  byBuyer: Map<string, number[]>;
}

const held = new WeakMap<PayNudgeDB, Held>();

/** How far past its window what is held may reach before the older times are dropped. */
const TRIM_AFTER_MS = 60 * 60_000;

/**
 * Adds nudges (of any order) to what is held, learning the buyers of orders new to it. Nudges
 * merged from a colleague's team log (importedFrom) are left out: the cap plans this machine's own
 * nudges, and a merge (the lead's, after the fact) must not move this machine's plans
 * (lib/db/team-log-merge.ts).
 */
async function addNudges(
  db: PayNudgeDB,
  state: Held,
  nudges: readonly { orderKey: string; at: number; importedFrom?: string }[],
): Promise<void> {
  const kept = nudges.filter(
    ({ at, importedFrom }) => at > state.since && importedFrom === undefined,
  );
  const missing = [
    ...new Set(
      kept.map((n) => n.orderKey).filter((key) => !state.buyerOf.has(key)),
    ),
  ];
  if (missing.length) {
    const orders = await db.orders.bulkGet(missing);
    missing.forEach((key, i) => {
      const order = orders[i];
      state.buyerOf.set(key, order ? buyerId(order) : `order:${key}`);
    });
  }
  const touched = new Set<number[]>();
  for (const { orderKey, at } of kept) {
    const buyer = state.buyerOf.get(orderKey)!;
    let times = state.byBuyer.get(buyer);
    if (!times) state.byBuyer.set(buyer, (times = []));
    times.push(at);
    touched.add(times);
  }
  for (const times of touched) times.sort((a, b) => a - b);
}

/** Drops the times at or before `since` (a window's worth of trimming at a time). */
function trim(state: Held, since: number): void {
  state.since = since;
  for (const [buyer, times] of state.byBuyer) {
    const kept = times.filter((at) => at > since);
    if (kept.length) state.byBuyer.set(buyer, kept);
    else state.byBuyer.delete(buyer);
  }
}

/** What is held, brought up to date with the database; read whole when missing or too short. */
async function current(db: PayNudgeDB, since: number): Promise<Held> {
  const top = ((await db.nudges.orderBy(":id").lastKey()) as number) ?? 0;
  let state = held.get(db);
  if (!state || since < state.since || top < state.lastId) {
    const recent = await db.nudges.where("at").above(since).toArray();
    state = { since, lastId: top, buyerOf: new Map(), byBuyer: new Map() };
    await addNudges(db, state, recent);
  } else if (top > state.lastId) {
    const added = await db.nudges.where(":id").above(state.lastId).toArray();
    state.lastId = top;
    await addNudges(db, state, added);
  }
  if (since - state.since > TRIM_AFTER_MS) trim(state, since);
  held.set(db, state);
  return state;
}

/**
 * Times (ascending) of the nudges still counting against each buyer's cap at `now`, by buyerId:
 * of `buyers` only when given. To be called inside a transaction over orders and nudges, so the
 * answer is the database's at that moment.
 */
export async function recentNudgesByBuyer(
  db: PayNudgeDB,
  now: number,
  settings: { buyerCap: { windowMs: number } },
  buyers?: ReadonlySet<string>,
): Promise<Map<string, number[]>> {
  const since = now - settings.buyerCap.windowMs;
  const { byBuyer } = await current(db, since);
  const out = new Map<string, number[]>();
  const add = (buyer: string, times: readonly number[] | undefined) => {
    const counting = times?.filter((at) => at > since);
    if (counting?.length) out.set(buyer, counting);
  };
  if (buyers) for (const buyer of buyers) add(buyer, byBuyer.get(buyer));
  else for (const [buyer, times] of byBuyer) add(buyer, times);
  return out;
}

/** Whether this write to `table` can change an answer `state` gives (new nudges are read by id). */
function changesAnswer(
  table: string,
  req: DBCoreMutateRequest,
  state: Held,
): boolean {
  if (table === "nudges")
    return (
      req.type !== "add" ||
      req.values.some((row) => (row as { id?: unknown }).id !== undefined)
    );
  if (table !== "orders") return false;
  if (req.type === "deleteRange") return true;
  if (req.type === "delete") return req.keys.some((k) => state.buyerOf.has(k));
  return req.values.some((row) => {
    const order = row as StoredOrder;
    const was = state.buyerOf.get(order.key);
    return was !== undefined && was !== buyerId(order);
  });
}

/** Drops what is held of `db` on any write that could change an answer (see the top of the file). */
export function buyerNudgesMiddleware(db: PayNudgeDB): Middleware<DBCore> {
  return {
    stack: "dbcore",
    name: "paynudge-buyer-nudges",
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== "orders" && name !== "nudges") return table;
          return {
            ...table,
            mutate(req) {
              const state = held.get(db);
              if (state && changesAnswer(name, req, state)) held.delete(db);
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}
