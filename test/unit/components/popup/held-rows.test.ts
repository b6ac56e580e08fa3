import { describe, expect, it } from "vitest";
import { withHeldRows, type HeldRow } from "@/components/popup/held-rows";
import type { QueueGroup } from "@/lib/db/queue";
import type { StoredOrder } from "@/lib/model/order";

const order = (id: string, extra: Partial<StoredOrder> = {}): StoredOrder => ({
  key: `taobao:${id}`,
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  items: [],
  pageUrl: "https://trade.taobao.com/",
  firstSeenAt: 0,
  lastSeenAt: 0,
  nudgeCount: 0,
  ...extra,
});
const ids = (groups: QueueGroup[]) =>
  Object.fromEntries(
    groups.map((g) => [g.id, [g.count, g.orders.map((o) => o.orderId)]]),
  );
const heldRow = (o: StoredOrder, group: HeldRow["group"], index: number) =>
  new Map<string, HeldRow>([
    [o.key, { order: o, group, index, action: "paid", state: "offered" }],
  ]);

describe("held rows", () => {
  it("leaves the groups alone when nothing is held", () => {
    const groups: QueueGroup[] = [
      { id: "due", count: 3, orders: [order("a")] },
    ];
    expect(withHeldRows(groups, new Map())).toEqual(groups);
  });

  it("shows a held row at its place in its own group, in no other, counted where it is shown", () => {
    const before = order("b");
    const groups: QueueGroup[] = [
      { id: "due", count: 2, orders: [order("a"), order("c")] },
      { id: "later", count: 0, orders: [] },
      // Marked paid meanwhile, nudged today: the live query lists it under done.
      {
        id: "done",
        count: 2,
        orders: [order("b", { status: "paid" }), order("d")],
      },
    ];
    expect(ids(withHeldRows(groups, heldRow(before, "due", 1)))).toEqual({
      due: [3, ["a", "b", "c"]],
      later: [0, []],
      done: [1, ["d"]],
    });
    // The row shown is the order as it was (what undo restores).
    expect(withHeldRows(groups, heldRow(before, "due", 1))[0]!.orders[1]).toBe(
      before,
    );
  });

  it("keeps a group whose last row is held, and does not count a row twice while it is still there", () => {
    const only = order("a");
    expect(
      ids(
        withHeldRows(
          [{ id: "overdue", count: 0, orders: [] }],
          heldRow(only, "overdue", 0),
        ),
      ),
    ).toEqual({ overdue: [1, ["a"]] });
    expect(
      ids(
        withHeldRows(
          [{ id: "due", count: 1, orders: [only] }],
          heldRow(only, "due", 4),
        ),
      ),
    ).toEqual({ due: [1, ["a"]] });
  });
});
