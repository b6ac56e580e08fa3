import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DueList } from "@/components/popup/DueList";
import { PauseSwitch } from "@/components/popup/PauseSwitch";
import type { StoredOrder } from "@/lib/model/order";
import { FIRST_SCREEN_ROWS, type QueueGroup } from "@/lib/db/queue";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();

function stored(
  id: string,
  dueInMinutes: number,
  extra: Partial<StoredOrder> = {},
): StoredOrder {
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
    nextDueAt: NOW + dueInMinutes * MIN,
    ...extra,
  };
}

const group = (
  id: QueueGroup["id"],
  orders: StoredOrder[],
  count = orders.length,
): QueueGroup => ({ id, count, orders });
const ids = (el: Element) =>
  [...el.querySelectorAll("[data-paynudge-popup-item]")].map((li) =>
    li.getAttribute("data-paynudge-popup-item"),
  );

/** The list as the popup shows it, in Chinese, with nothing to do on a click. */
const renderList = (groups: QueueGroup[] | undefined) =>
  render(
    <DueList groups={groups} now={NOW} locale="zh" onOpen={() => undefined} />,
  );

afterEach(cleanup);

describe("popup due list", () => {
  it("shows a loading state while the database answers", () => {
    renderList(undefined);
    expect(screen.getByRole("status").textContent).toBe("加载中…");
  });

  it("says so when nothing is due today", () => {
    renderList([group("overdue", []), group("due", [])]);
    expect(screen.getByText("今天没有需要催付的订单。")).toBeTruthy();
  });

  it("shows each non-empty group with its count, items in the order given, with buyer, item, amount and platform", () => {
    const groups = [
      group("overdue", [stored("d", -90), stored("b", -45)]),
      group("due", [stored("c", -5)]),
      group("later", [stored("a", 30)]),
      group("done", []),
    ];
    const { container } = renderList(groups);
    expect(
      [...container.querySelectorAll("[data-group]")].map((g) =>
        g.getAttribute("data-group"),
      ),
    ).toEqual(["overdue", "due", "later"]);
    const overdue = container.querySelector('[data-group="overdue"]')!;
    expect(ids(overdue)).toEqual(["d", "b"]);
    expect(overdue.querySelector("h2")?.textContent).toBe("已逾期 2");
    expect(
      container.querySelector('[data-group="later"] h2')?.textContent,
    ).toBe("今天稍后 1");
    const first = within(overdue as HTMLElement)
      .getByText("买家d")
      .closest("li")!;
    expect(first.textContent).toContain("商品d");
    expect(first.textContent).toContain("¥128.00");
    expect(first.textContent).toContain("淘宝/天猫");
    expect(first.getAttribute("data-state")).toBe("overdue");
    // Due today: the clock time and how long ago.
    expect(first.textContent).toContain("10:30 · 1小时30分前");
    expect(
      within(container.querySelector('[data-group="later"]') as HTMLElement)
        .getByText("买家a")
        .closest("li")!.textContent,
    ).toContain("12:30 · 30分后");
  });

  it("shows the date of a nudge that fell due on an earlier day", () => {
    const { container } = renderList([
      group("overdue", [stored("y", -24 * 60)]),
    ]);
    expect(container.textContent).toContain("11-22 12:00");
  });

  it("counts what a capped group does not show", () => {
    const { container } = renderList([
      group("overdue", [stored("1", -40), stored("2", -41)], 250),
    ]);
    expect(
      container.querySelector('[data-group="overdue"] .count')?.textContent,
    ).toBe("250");
    expect(
      screen.getByText("还有 248 个订单未显示，请先处理上面的。"),
    ).toBeTruthy();
  });

  it("says a count that stopped at its cap is one, and offers to show more of the group", () => {
    const onShowMore = vi.fn();
    const { container } = render(
      <DueList
        groups={[
          {
            ...group("overdue", [stored("1", -40), stored("2", -41)], 99),
            countIsLowerBound: true,
          },
          group("later", [stored("3", 10)]),
        ]}
        now={NOW}
        locale="zh"
        onOpen={() => undefined}
        onShowMore={onShowMore}
      />,
    );
    expect(
      container.querySelector('[data-group="overdue"] .count')?.textContent,
    ).toBe("99+");
    expect(
      screen.getByText("还有 97 个以上订单未显示，请先处理上面的。"),
    ).toBeTruthy();
    // Only a group with rows left to show offers more.
    expect(
      container.querySelectorAll('[data-action="show-more"]'),
    ).toHaveLength(1);
    fireEvent.click(
      container.querySelector(
        '[data-group="overdue"] [data-action="show-more"]',
      )!,
    );
    expect(onShowMore).toHaveBeenCalledWith("overdue");
  });

  it("opens the order the agent clicks", () => {
    const onOpen = vi.fn();
    const order = stored("x", -5);
    render(
      <DueList
        groups={[group("due", [order])]}
        now={NOW}
        locale="en"
        onOpen={onOpen}
      />,
    );
    expect(screen.getByText("Due now")).toBeTruthy();
    fireEvent.click(screen.getByTitle("Open order page"));
    expect(onOpen).toHaveBeenCalledWith(order);
  });

  it("shows hostile page text as text", () => {
    const { container } = renderList([
      group("due", [
        stored("x", -5, { buyer: "<img src=x onerror=alert(1)>" }),
      ]),
    ]);
    expect(container.querySelector("img")).toBeNull();
    expect(container.textContent).toContain("<img src=x onerror=alert(1)>");
  });
});

const HOUR = 60 * MIN;
const itemOf = (container: HTMLElement, id: string) =>
  container.querySelector(`[data-paynudge-popup-item="${id}"]`) as HTMLElement;

describe("what each row tells the agent", () => {
  it("names the step and channel of the next nudge", () => {
    const { container } = renderList([
      group("due", [
        stored("f", -5, { nextStep: "first", nextChannel: "sms" }),
        stored("c", -3, { nextStep: "my-own", nextChannel: "phone" }),
      ]),
    ]);
    expect(itemOf(container, "f").querySelector(".step")?.textContent).toBe(
      " · 首次催付 · 短信",
    );
    // A seller's own step goes by its own name.
    expect(itemOf(container, "c").querySelector(".step")?.textContent).toBe(
      " · my-own · 电话",
    );
  });

  it("shows the time left before the platform closes the order, as the background reckoned it", () => {
    const groups = [
      group("due", [
        stored("t", -5, { deadlineAt: NOW + 70 * HOUR }),
        stored("p", -4, { deadlineAt: NOW + 25 * MIN }),
        // Shopify never closes an unpaid order by itself: no deadline stored.
        stored("s", -3, { platform: "shopify", key: "shopify:s" }),
        stored("d", -2, { deadlineAt: NOW - MIN }),
      ]),
      group("done", [
        stored("paid", 0, { status: "paid", deadlineAt: NOW + HOUR }),
      ]),
    ];
    const { container } = renderList(groups);
    expect(itemOf(container, "t").querySelector(".closes")?.textContent).toBe(
      "2天22小时后自动关闭",
    );
    expect(itemOf(container, "p").querySelector(".closes")?.textContent).toBe(
      "25分后自动关闭",
    );
    expect(itemOf(container, "s").querySelector(".closes")).toBeNull();
    expect(itemOf(container, "d").querySelector(".closes")?.textContent).toBe(
      "已过自动关闭时间",
    );
    expect(itemOf(container, "paid").querySelector(".closes")).toBeNull();

    cleanup();
    const again = render(
      <DueList
        groups={groups}
        now={NOW}
        locale="en"
        onOpen={() => undefined}
      />,
    );
    expect(
      itemOf(again.container, "p").querySelector(".closes")?.textContent,
    ).toBe("auto-closes in 25m");
  });

  it("shows only the first screen's rows, without 'more' lines, until the whole queue is in", () => {
    const many = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => stored(`${prefix}${i}`, -40 - i));
    const groups = [
      { ...group("overdue", many("o", 5), 5), countIsLowerBound: true },
      group("due", many("d", 5), 5),
      group("later", many("l", 3), 3),
    ];
    const first = render(
      <DueList
        groups={groups}
        now={NOW}
        locale="zh"
        firstScreen
        onOpen={() => undefined}
        onShowMore={() => undefined}
      />,
    );
    expect(ids(first.container)).toEqual([
      "o0",
      "o1",
      "o2",
      "o3",
      "o4",
      "d0",
      "d1",
    ]);
    expect(FIRST_SCREEN_ROWS).toBe(7);
    // The first read did not count: "5+" until the full read says 40, with "35 more".
    expect(
      first.container.querySelector('[data-group="overdue"] .count')
        ?.textContent,
    ).toBe("5+");
    expect(
      first.container.querySelector('[data-group="due"] .count')?.textContent,
    ).toBe("5");
    expect(first.container.querySelector(".more")).toBeNull();
    expect(
      first.container.querySelector('[data-action="show-more"]'),
    ).toBeNull();
    groups[0] = group("overdue", many("o", 5), 40);
    first.rerender(
      <DueList
        groups={groups}
        now={NOW}
        locale="zh"
        onOpen={() => undefined}
        onShowMore={() => undefined}
      />,
    );
    expect(
      first.container.querySelector('[data-group="overdue"] .count')
        ?.textContent,
    ).toBe("40");
    expect(ids(first.container)).toHaveLength(13);
    expect(first.container.querySelector(".more")?.textContent).toContain("35");
    expect(
      first.container.querySelector(
        '[data-group="overdue"] [data-action="show-more"]',
      ),
    ).not.toBeNull();
  });

  it("shows a snoozed order as snoozed until its time, and an ended snooze as due again", () => {
    const snoozed = stored("z", 15, { snoozedUntil: NOW + 15 * MIN });
    const ended = stored("e", -1, { snoozedUntil: NOW - MIN });
    const { container } = renderList([
      group("due", [ended]),
      group("later", [snoozed]),
    ]);
    expect(itemOf(container, "z").querySelector(".due")?.textContent).toBe(
      "稍后提醒至 12:15",
    );
    expect(itemOf(container, "z").getAttribute("data-snoozed-until")).toBe(
      String(NOW + 15 * MIN),
    );
    expect(itemOf(container, "e").querySelector(".due")?.textContent).toBe(
      "11:59 · 1分前",
    );
    expect(itemOf(container, "e").hasAttribute("data-snoozed-until")).toBe(
      false,
    );
  });
});

describe("row actions", () => {
  function renderWithActions(
    groups: QueueGroup[],
    overrides: Partial<Parameters<typeof DueList>[0]> = {},
  ) {
    const actions = {
      onOpen: vi.fn(),
      onCopy: vi.fn(async () => ({ missing: [] as string[] })),
      onMarkNudged: vi.fn(async () => ""),
      onSetStatus: vi.fn(async () => undefined),
      onSnooze: vi.fn(async () => undefined),
      ...overrides,
    };
    const view = render(
      <DueList groups={groups} now={NOW} locale="zh" {...actions} />,
    );
    return { ...view, actions };
  }
  const button = (row: HTMLElement, action: string) =>
    row.querySelector(`[data-action="${action}"]`) as HTMLButtonElement;

  it("copies the message of the row and warns naming the values that are missing, offering the settings", async () => {
    const order = stored("x", -5);
    const onOpenSettings = vi.fn();
    const { container, actions } = renderWithActions([group("due", [order])], {
      onCopy: vi.fn(async () => ({ missing: ["shop", "payLink"] })),
      onOpenSettings,
    });
    const row = itemOf(container, "x");
    fireEvent.click(within(row).getByText("复制话术"));
    expect(actions.onCopy).toHaveBeenCalledWith(order);
    const warning =
      await within(row).findByText("已复制，但缺少：店铺、付款链接");
    // A warning, not the success line.
    expect(warning.getAttribute("role")).toBe("alert");
    expect(warning.className).toContain("warn");
    fireEvent.click(button(row, "settings"));
    expect(onOpenSettings).toHaveBeenCalledTimes(1);
    expect(actions.onOpen).not.toHaveBeenCalled();
  });

  it("says a complete message is copied, with no settings offered", async () => {
    const order = stored("x", -5);
    const { container } = renderWithActions([group("due", [order])], {
      onOpenSettings: vi.fn(),
    });
    const row = itemOf(container, "x");
    fireEvent.click(within(row).getByText("复制话术"));
    const done = await within(row).findByText("已复制");
    expect(done.getAttribute("role")).toBe("status");
    expect(button(row, "settings")).toBeNull();
  });

  it("marks the row nudged, paid or closed through the callbacks", async () => {
    const a = stored("a", -5);
    const b = stored("b", -4);
    const { container, actions } = renderWithActions([group("due", [a, b])]);
    fireEvent.click(button(itemOf(container, "a"), "nudged"));
    expect(actions.onMarkNudged).toHaveBeenCalledWith(a);
    // Paid, closed and snooze wait behind the row's own "more" button.
    expect(button(itemOf(container, "a"), "paid")).toBeNull();
    fireEvent.click(within(itemOf(container, "a")).getByText("更多…"));
    expect(
      button(itemOf(container, "a"), "more").getAttribute("aria-expanded"),
    ).toBe("true");
    expect(button(itemOf(container, "b"), "paid")).toBeNull();
    // The row waits for the background before it takes another action.
    expect(button(itemOf(container, "a"), "paid").disabled).toBe(true);
    await waitFor(() =>
      expect(button(itemOf(container, "a"), "paid").disabled).toBe(false),
    );
    fireEvent.click(within(itemOf(container, "a")).getByText("已付款"));
    expect(actions.onSetStatus).toHaveBeenLastCalledWith(a, "paid");
    fireEvent.click(within(itemOf(container, "b")).getByText("更多…"));
    fireEvent.click(within(itemOf(container, "b")).getByText("已关闭"));
    expect(actions.onSetStatus).toHaveBeenLastCalledWith(b, "closed");
    expect(actions.onSetStatus).toHaveBeenCalledTimes(2);
  });

  it("snoozes by the chosen span", async () => {
    const order = stored("s", -5);
    const { container, actions } = renderWithActions([group("due", [order])]);
    const row = itemOf(container, "s");
    fireEvent.click(button(row, "more"));
    const snoozeGroup = within(row).getByRole("group", { name: "稍后提醒：" });
    expect(
      [...snoozeGroup.querySelectorAll("button")].map((b) => b.textContent),
    ).toEqual(["15 分钟后", "1 小时后", "明天早上"]);
    fireEvent.click(within(snoozeGroup).getByText("1 小时后"));
    expect(actions.onSnooze).toHaveBeenCalledWith(order, "1h");
    await waitFor(() =>
      expect(
        (within(snoozeGroup).getByText("明天早上") as HTMLButtonElement)
          .disabled,
      ).toBe(false),
    );
    fireEvent.click(within(snoozeGroup).getByText("明天早上"));
    expect(actions.onSnooze).toHaveBeenLastCalledWith(order, "morning");
    expect(actions.onSnooze).toHaveBeenCalledTimes(2);
  });

  it("says when an action failed, and lets the agent try again", async () => {
    const onMarkNudged = vi.fn(async () => {
      throw new Error("worker gone");
    });
    const errors = vi
      .spyOn(console, "error")
      .mockImplementation(() => undefined);
    const { container } = renderWithActions([group("due", [stored("f", -5)])], {
      onMarkNudged,
    });
    const row = itemOf(container, "f");
    fireEvent.click(button(row, "nudged"));
    expect(button(row, "nudged").disabled).toBe(true);
    expect(await within(row).findByText("操作失败，请重试")).toBeTruthy();
    expect(button(row, "nudged").disabled).toBe(false);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it("says so when the background refused a repeat of a nudge already logged", async () => {
    const { container } = renderWithActions([group("due", [stored("g", -5)])], {
      onMarkNudged: vi.fn(
        async () => "这一步已在 10:05 记录过，没有重复记录。",
      ),
    });
    const row = itemOf(container, "g");
    fireEvent.click(button(row, "nudged"));
    expect(
      await within(row).findByText("这一步已在 10:05 记录过，没有重复记录。"),
    ).toBeTruthy();
  });

  it("lists the orders no nudge fits before their close with why and when they close, offering no message or nudge, only the page and paid or closed", async () => {
    const capped = stored("n", 0, {
      nextDueAt: undefined,
      deadlineAt: NOW + 25 * MIN,
      noSlotCause: "buyer-cap",
      lastNudgeAt: NOW - 5 * MIN,
      nudgeCount: 2,
    });
    const quiet = stored("q", 0, {
      nextDueAt: undefined,
      deadlineAt: NOW + 90 * MIN,
      noSlotCause: "quiet-hours",
    });
    const { container, actions } = renderWithActions([
      group("later", [stored("l", 30)]),
      group("noSlot", [capped, quiet]),
      group("done", []),
    ]);
    expect(
      [...container.querySelectorAll("[data-group]")].map((g) =>
        g.getAttribute("data-group"),
      ),
    ).toEqual(["later", "noSlot"]);
    const section = container.querySelector('[data-group="noSlot"]')!;
    expect(section.querySelector("h2")?.textContent).toBe("关闭前无可催时段 2");
    expect(ids(section)).toEqual(["n", "q"]);
    const row = itemOf(container, "n");
    expect(itemOf(container, "q").getAttribute("data-state")).toBe("no-slot");
    expect(row.querySelector(".due")?.textContent).toBe("已达买家催付上限");
    expect(row.querySelector(".closes")?.textContent).toBe(
      "12:25 自动关闭 · 25分后",
    );
    expect(itemOf(container, "q").querySelector(".due")?.textContent).toBe(
      "静默时段至关闭",
    );
    // No message to copy and no nudge to log: none is planned.
    expect(button(row, "copy")).toBeNull();
    expect(button(row, "nudged")).toBeNull();
    // The later group's row keeps them.
    expect(button(itemOf(container, "l"), "copy")).not.toBeNull();
    fireEvent.click(within(row).getByText("更多…"));
    expect(button(row, "snooze")).toBeNull();
    fireEvent.click(within(row).getByText("已关闭"));
    expect(actions.onSetStatus).toHaveBeenLastCalledWith(capped, "closed");
    await waitFor(() => expect(button(row, "paid").disabled).toBe(false));
    fireEvent.click(within(row).getByText("已付款"));
    expect(actions.onSetStatus).toHaveBeenLastCalledWith(capped, "paid");
    fireEvent.click(within(row).getByText("买家n"));
    expect(actions.onOpen).toHaveBeenCalledWith(capped);
    expect(actions.onCopy).not.toHaveBeenCalled();
    expect(actions.onMarkNudged).not.toHaveBeenCalled();
  });

  it("offers no actions on an order that is paid or closed, and no snooze when nothing is scheduled", () => {
    const { container } = renderWithActions([
      group("done", [
        stored("p", 0, { status: "paid", nextDueAt: undefined, nudgeCount: 1 }),
        stored("r", 0, { nextDueAt: undefined, nudgeCount: 1 }),
      ]),
    ]);
    expect(itemOf(container, "p").querySelector(".actions")).toBeNull();
    expect(itemOf(container, "p").textContent).toContain("已付款");
    const reminded = itemOf(container, "r");
    fireEvent.click(button(reminded, "more"));
    expect(button(reminded, "paid")).not.toBeNull();
    expect(button(reminded, "snooze")).toBeNull();
  });
});

describe("pause switch", () => {
  it("shows the stored state and asks for the other one", () => {
    const onChange = vi.fn();
    const { container, rerender } = render(
      <PauseSwitch paused={false} locale="zh" onChange={onChange} />,
    );
    const box = screen.getByLabelText("暂停通知（下班）") as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(container.querySelector(".paused-note")).toBeNull();
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith(true);
    rerender(<PauseSwitch paused={true} locale="zh" onChange={onChange} />);
    expect(box.checked).toBe(true);
    expect(container.querySelector(".paused-note")?.textContent).toContain(
      "通知已暂停",
    );
    fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(false);
  });

  it("cannot be switched before the setting is known", () => {
    render(
      <PauseSwitch paused={undefined} locale="en" onChange={() => undefined} />,
    );
    expect(
      (
        screen.getByLabelText(
          "Pause notifications (off duty)",
        ) as HTMLInputElement
      ).disabled,
    ).toBe(true);
  });
});
