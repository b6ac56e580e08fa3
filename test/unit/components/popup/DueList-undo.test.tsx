import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DueList } from "@/components/popup/DueList";
import { UNDO_MS } from "@/components/popup/held-rows";
import { useHeldRows } from "@/components/popup/use-held-rows";
import type { ManualStatus } from "@/components/popup/due-actions";
import type { QueueGroup } from "@/lib/db/queue";
import type { StoredOrder } from "@/lib/model/order";

/*
 * The popup's undo (paid, closed, snooze) and its declined rows, as the popup wires them: the list
 * with useHeldRows, and a fake background whose writes change the groups as the live query would.
 */

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();

function stored(id: string, extra: Partial<StoredOrder> = {}): StoredOrder {
  return {
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    buyer: `买家${id}`,
    amountCents: 12800,
    items: [{ title: `商品${id}` }],
    pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    nudgeCount: 0,
    nextDueAt: NOW - 5 * MIN,
    ...extra,
  };
}

const group = (id: QueueGroup["id"], orders: StoredOrder[]): QueueGroup => ({
  id,
  count: orders.length,
  orders,
});

/** The popup in small: a store of orders the actions write, grouped as todayQueue would. */
function Popup({
  initial,
  restore,
  fail = false,
}: {
  initial: StoredOrder[];
  restore: (order: StoredOrder) => Promise<void>;
  fail?: boolean;
}) {
  const [orders, setOrders] = useState(initial);
  const write = (key: string, change: Partial<StoredOrder>) =>
    setOrders((all) =>
      all.map((o) => (o.key === key ? { ...o, ...change } : o)),
    );
  const undo = useHeldRows(async (before) => {
    await restore(before);
    write(before.key, before);
  });
  const groups = [
    group(
      "due",
      orders.filter(
        (o) => o.status === "unpaid" && o.snoozedUntil === undefined,
      ),
    ),
    group(
      "later",
      orders.filter((o) => o.snoozedUntil !== undefined),
    ),
    group(
      "done",
      orders.filter((o) => o.status !== "unpaid"),
    ),
  ];
  return (
    <DueList
      groups={groups}
      now={NOW}
      locale="zh"
      onOpen={() => undefined}
      onCopy={async () => ({ missing: [] })}
      onMarkNudged={async () => ""}
      onSetStatus={async (order: StoredOrder, status: ManualStatus) => {
        if (fail) throw new Error("refused");
        write(order.key, { status, manualStatus: status });
      }}
      onSnooze={async (order) =>
        write(order.key, { snoozedUntil: NOW + 60 * MIN })
      }
      undo={undo}
    />
  );
}

const rowIds = (container: HTMLElement, group: string) =>
  [
    ...container.querySelectorAll(
      `[data-group="${group}"] [data-paynudge-popup-item], [data-group="${group}"] [data-paynudge-popup-held]`,
    ),
  ].map(
    (li) =>
      li.getAttribute("data-paynudge-popup-item") ??
      `held:${li.getAttribute("data-paynudge-popup-held")}`,
  );
const row = (container: HTMLElement, id: string) =>
  container.querySelector(`[data-paynudge-popup-item="${id}"]`) as HTMLElement;
const held = (container: HTMLElement, id: string) =>
  container.querySelector(`[data-paynudge-popup-held="${id}"]`) as HTMLElement;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("undo in place", () => {
  it("keeps a row marked paid where it was, says so with an undo, and undo restores the order as it was", async () => {
    const orders = [stored("a"), stored("b"), stored("c")];
    const restore = vi.fn(async () => undefined);
    const { container } = render(<Popup initial={orders} restore={restore} />);
    fireEvent.click(within(row(container, "b")).getByText("更多…"));
    fireEvent.click(within(row(container, "b")).getByText("已付款"));
    await waitFor(() => expect(held(container, "b")).not.toBeNull());
    const undoRow = held(container, "b");
    // In place, in its group, and not listed a second time under done.
    expect(rowIds(container, "due")).toEqual(["a", "held:b", "c"]);
    expect(container.querySelector('[data-group="done"]')).toBeNull();
    expect(undoRow.textContent).toBe("买家b已标记为已付款·撤销");
    const undoButton = within(undoRow).getByRole("button", { name: "撤销" });
    // A keyboard agent can press it at once.
    expect(document.activeElement).toBe(undoButton);

    fireEvent.click(undoButton);
    await waitFor(() => expect(restore).toHaveBeenCalledTimes(1));
    // The order as it was before the mark: unpaid, no manual mark.
    expect(restore).toHaveBeenCalledWith(orders[1]);
    await waitFor(() => expect(held(container, "b")).toBeNull());
    expect(rowIds(container, "due")).toEqual(["a", "b", "c"]);
    expect(row(container, "b").getAttribute("data-state")).toBe("due");
  });

  it("lets the row go to its new group once the undo has timed out", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const restore = vi.fn(async () => undefined);
    const { container } = render(
      <Popup initial={[stored("a"), stored("b")]} restore={restore} />,
    );
    fireEvent.click(within(row(container, "a")).getByText("更多…"));
    fireEvent.click(within(row(container, "a")).getByText("已关闭"));
    await waitFor(() =>
      expect(held(container, "a").textContent).toContain("已标记为已关闭"),
    );
    act(() => vi.advanceTimersByTime(UNDO_MS - 100));
    expect(held(container, "a")).not.toBeNull();
    act(() => vi.advanceTimersByTime(200));
    expect(held(container, "a")).toBeNull();
    expect(rowIds(container, "due")).toEqual(["b"]);
    expect(rowIds(container, "done")).toEqual(["a"]);
    expect(restore).not.toHaveBeenCalled();
  });

  it("offers undo for a snooze too, and keeps the row out of the group it moved to meanwhile", async () => {
    const restore = vi.fn(async () => undefined);
    const { container } = render(
      <Popup initial={[stored("a")]} restore={restore} />,
    );
    fireEvent.click(within(row(container, "a")).getByText("更多…"));
    fireEvent.click(within(row(container, "a")).getByText("1 小时后"));
    await waitFor(() =>
      expect(held(container, "a").textContent).toContain("已设为稍后提醒"),
    );
    expect(container.querySelector('[data-group="later"]')).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "撤销" }));
    await waitFor(() => expect(held(container, "a")).toBeNull());
    expect(restore).toHaveBeenCalledWith(
      expect.objectContaining({ key: "taobao:a" }),
    );
    expect(rowIds(container, "due")).toEqual(["a"]);
  });

  it("offers no undo when the mark failed: the row says so and stays as it was", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { container } = render(
      <Popup initial={[stored("a")]} restore={async () => undefined} fail />,
    );
    fireEvent.click(within(row(container, "a")).getByText("更多…"));
    fireEvent.click(within(row(container, "a")).getByText("已付款"));
    await waitFor(() =>
      expect(row(container, "a").textContent).toContain("操作失败，请重试"),
    );
    expect(held(container, "a")).toBeNull();
  });
});

describe("a declined order", () => {
  it("offers no nudge actions (no message to copy, no nudge to log), only paid, closed and snooze", () => {
    const { container } = render(
      <Popup
        initial={[
          stored("no", { declinedAt: NOW - 10 * MIN, nudgeCount: 1 }),
          stored("open"),
        ]}
        restore={async () => undefined}
      />,
    );
    const declined = row(container, "no");
    expect(declined.querySelector('[data-action="copy"]')).toBeNull();
    expect(declined.querySelector('[data-action="nudged"]')).toBeNull();
    expect(within(declined).queryByText("复制话术")).toBeNull();
    fireEvent.click(within(declined).getByText("更多…"));
    expect(declined.querySelector('[data-action="paid"]')).not.toBeNull();
    expect(declined.querySelector('[data-action="closed"]')).not.toBeNull();
    // Another order keeps them.
    expect(
      row(container, "open").querySelector('[data-action="copy"]'),
    ).not.toBeNull();
  });
});
