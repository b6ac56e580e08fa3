import type { DBCore, Middleware } from "dexie";
import type { StoredOrder } from "@/lib/model/order";

/*
 * The due check at 双11 scale: the day's backlog of past-due orders (thousands) is already
 * notified, and reading each row to learn so made every check, alarm and toolbar count cost
 * hundreds of milliseconds at 100 000 orders. Two fields derived from the row, indexed, answer
 * those questions from index keys alone:
 *   openDueAt    = nextDueAt while the order is unpaid (the toolbar's count of due nudges);
 *   pendingDueAt = openDueAt while that due moment was not notified yet (what to notify, where
 *                  the alarm goes);
 *   noSlotUntil  = deadlineAt while the order is unpaid, no nudge fits before it and the engine
 *                  said why (noSlotCause): the popup lists those soonest close first, and one whose
 *                  close has passed falls out of the range read without being planned again.
 * They are computed here, on every row written to `orders` (add, put, update, modify, import), so
 * no writer can forget them and no index can go stale.
 */

type DueIndexed = Pick<
  StoredOrder,
  | "status"
  | "nextDueAt"
  | "notifiedDueAt"
  | "openDueAt"
  | "pendingDueAt"
  | "noSlotCause"
  | "deadlineAt"
  | "noSlotUntil"
>;

/**
 * The row with its derived due fields set (or removed) from its own fields, always last: a row
 * planned again to the same plan serialises the same (replanOrders compares rows that way).
 */
export function withDueIndex<T extends DueIndexed>(order: T): T {
  const out = { ...order };
  delete out.openDueAt;
  delete out.pendingDueAt;
  delete out.noSlotUntil;
  if (
    order.status === "unpaid" &&
    order.nextDueAt === undefined &&
    order.noSlotCause !== undefined &&
    order.deadlineAt !== undefined
  )
    out.noSlotUntil = order.deadlineAt;
  const open = order.status === "unpaid" ? order.nextDueAt : undefined;
  if (open === undefined) return out;
  out.openDueAt = open;
  if (order.notifiedDueAt !== open) out.pendingDueAt = open;
  return out;
}

/** Whether writing `next` would leave the stored row as it is (derived fields included). */
export function sameAsStored<T extends DueIndexed>(
  stored: T,
  next: T,
): boolean {
  return JSON.stringify(withDueIndex(next)) === JSON.stringify(stored);
}

/** Sets the derived fields on every row any write puts into `orders`. */
export const dueIndexMiddleware: Middleware<DBCore> = {
  stack: "dbcore",
  name: "paynudge-due-index",
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== "orders") return table;
        return {
          ...table,
          mutate(req) {
            if (req.type !== "add" && req.type !== "put")
              return table.mutate(req);
            return table.mutate({
              ...req,
              values: req.values.map((row) => withDueIndex(row as DueIndexed)),
            });
          },
        };
      },
    };
  },
};
