import type { ManualStatus } from "@/components/popup/due-actions";
import type { QueueGroup, QueueGroupId } from "@/lib/db/queue";
import type { StoredOrder } from "@/lib/model/order";

/* A row the agent just marked paid or closed, or snoozed, held in its place while undo is offered. */

export type HeldAction = ManualStatus | "snooze";

/**
 * acting: the request is on its way (the row stays as it was); offered: done, the row offers undo
 * for UNDO_MS; undoing: the restore is on its way; failed: the restore failed (undo offered again);
 * undone: restored, the row shows the order as before until the queue has it back.
 */
export type HeldState = "acting" | "offered" | "undoing" | "failed" | "undone";

export interface HeldRow {
  /** The order as it was before the action: what the row shows and what undo restores. */
  order: StoredOrder;
  group: QueueGroupId;
  /** Its place in the group's rows when the agent acted. */
  index: number;
  action: HeldAction;
  state: HeldState;
}

/** How long a row offers its undo ("已标记为已付款 · 撤销"). */
export const UNDO_MS = 5_000;

/**
 * The groups as the popup shows them: each held row at its place in its own group and in no other
 * (the order may have moved since, e.g. to done), counted where it is shown.
 */
export function withHeldRows(
  groups: readonly QueueGroup[],
  held: ReadonlyMap<string, HeldRow>,
): QueueGroup[] {
  if (!held.size) return [...groups];
  const rows = [...held.values()].sort((a, b) => a.index - b.index);
  return groups.map((group) => {
    const orders = group.orders.filter((o) => !held.has(o.key));
    const removed = group.orders.length - orders.length;
    let added = 0;
    for (const row of rows) {
      if (row.group !== group.id) continue;
      orders.splice(Math.min(row.index, orders.length), 0, row.order);
      added += 1;
    }
    if (!removed && !added) return group;
    return {
      ...group,
      count: Math.max(0, group.count - removed) + added,
      orders,
    };
  });
}
