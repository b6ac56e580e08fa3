import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type Middleware,
} from "dexie";

/*
 * Which report lines are out of date (lib/db/report-digest/): every write of an order or a nudge,
 * through any path (a page's batch, a logged nudge, a mark and its undo, the team merge, an
 * import, the prune), names its order keys in `reportDirty` in the same transaction, so a line can
 * never be stale unmarked: the write and its mark are kept or lost together. One row per write
 * names all its keys: a row per key would add 50-100 ms to a 1 000-order page's write (Chromium
 * IndexedDB costs about 60 µs a row here). The background folds the marks into the lines soon
 * after (fold.ts); until then the report reads those orders afresh.
 */

export const DIRTY_TABLE = "reportDirty";
/** The mark that says every line is out of date: a table was emptied (an import, a wipe). */
export const EVERY_LINE = "*";

const DATA_TABLES = ["orders", "nudges"];

/** One write's mark: the order keys it touched, or every line. */
export interface MarkRow {
  id?: number;
  keys: string[];
  /** An emptying's own name, so a build of every line begun before it can tell (fold.ts). */
  emptying?: string;
}

const markOf = (keys: string[]): MarkRow =>
  keys.includes(EVERY_LINE)
    ? { keys: [EVERY_LINE], emptying: crypto.randomUUID() }
    : { keys: [...new Set(keys)] };

/** Transactions that marked every line: their later writes need no mark of their own. */
const everyLineMarked = new WeakSet<object>();

type Listener = () => void;
const listeners = new WeakMap<object, Listener>();

/** `listener` hears of each committed mark (the background's fold); undefined: none. */
export function onLinesDirty(owner: object, listener: Listener | undefined) {
  if (listener) listeners.set(owner, listener);
  else listeners.delete(owner);
}

const hasTable = (trans: unknown, name: string) =>
  (trans as IDBTransaction).objectStoreNames?.contains(name) ?? false;

/** The order keys a write touches, but a nudge's deletion (its id is all the write has). */
function keysOf(name: string, req: DBCoreMutateRequest): string[] {
  switch (req.type) {
    case "add":
    case "put":
      return req.values.map((row: { key?: string; orderKey?: string }) =>
        String(name === "orders" ? row.key : row.orderKey),
      );
    case "delete":
      return req.keys.map(String);
    case "deleteRange":
      return [EVERY_LINE];
  }
}

export function reportDirtyMiddleware(owner: object): Middleware<DBCore> {
  return {
    stack: "dbcore",
    name: "reportDirty",
    create(down) {
      return {
        ...down,
        // A write of orders or nudges takes the marks' table into its transaction.
        transaction(stores, mode, options) {
          const scope =
            mode === "readwrite" &&
            stores.some((s) => DATA_TABLES.includes(s)) &&
            !stores.includes(DIRTY_TABLE)
              ? [...stores, DIRTY_TABLE]
              : stores;
          return down.transaction(scope, mode, options);
        },
        table(name) {
          const table = down.table(name);
          if (!DATA_TABLES.includes(name)) return table;
          return {
            ...table,
            mutate(req) {
              // An upgrade from before the marks' table existed (version 7 marks every line), or a
              // transaction that has marked every line already (an import's rows after its clear).
              if (
                !hasTable(req.trans, DIRTY_TABLE) ||
                everyLineMarked.has(req.trans)
              )
                return table.mutate(req);
              const marked =
                (keys: string[]) => (result: DBCoreMutateResponse) => {
                  if (!keys.length) return result;
                  if (keys.includes(EVERY_LINE)) everyLineMarked.add(req.trans);
                  const listener = listeners.get(owner);
                  if (listener)
                    (req.trans as IDBTransaction).addEventListener?.(
                      "complete",
                      () => listener(),
                    );
                  return Dexie.Promise.resolve(
                    down.table(DIRTY_TABLE).mutate({
                      type: "add",
                      trans: req.trans,
                      values: [markOf(keys)],
                    }),
                  ).then(() => result);
                };
              // Dexie's promises keep the transaction's zone, which the layers below read: the
              // chain stays in Dexie.Promise, never a native await.
              if (req.type === "delete" && name === "nudges")
                return Dexie.Promise.resolve(
                  table.getMany({ trans: req.trans, keys: req.keys }),
                ).then((rows: ({ orderKey: string } | undefined)[]) =>
                  Dexie.Promise.resolve(table.mutate(req)).then(
                    marked(rows.flatMap((row) => (row ? [row.orderKey] : []))),
                  ),
                );
              return Dexie.Promise.resolve(table.mutate(req)).then(
                marked(keysOf(name, req)),
              );
            },
          };
        },
      };
    },
  };
}
