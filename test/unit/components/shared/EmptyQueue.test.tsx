import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DueList } from "@/components/popup/DueList";
import { EmptyQueue } from "@/components/shared/EmptyQueue";
import { PLATFORMS } from "@/lib/model/platforms";

afterEach(cleanup);

/** A Chrome match pattern's host part, as a regular expression. */
const hostOf = (pattern: string) =>
  new RegExp(
    `^${(/^https:\/\/([^/]+)\//.exec(pattern)?.[1] ?? "")
      .replace(/\./g, "\\.")
      .replace("*", "[^/]+")}$`,
  );

describe("the empty queue", () => {
  it("before any order page: says so and links every platform's order list", () => {
    render(<EmptyQueue locale="zh" seenOrders={false} />);
    expect(screen.getByText(/还没有见过订单页/)).toBeTruthy();
    const taobao = screen.getByRole("link", { name: "淘宝/天猫" });
    expect(taobao.getAttribute("href")).toBe(
      "https://myseller.taobao.com/home.htm/trade-platform/tp/sold",
    );
    const names = screen.getAllByRole("link").map((a) => a.textContent);
    expect(names).toEqual(["淘宝/天猫", "京东", "拼多多", "抖店", "Shopify"]);
    expect(screen.queryByText("今天没有需要催付的订单。")).toBeNull();
  });

  it("once orders were seen: nothing is due today", () => {
    render(<EmptyQueue locale="zh" seenOrders={true} />);
    expect(screen.getByText("今天没有需要催付的订单。")).toBeTruthy();
    expect(screen.queryAllByRole("link")).toHaveLength(0);
  });

  it("says nothing while it is being read", () => {
    const { container } = render(
      <EmptyQueue locale="en" seenOrders={undefined} />,
    );
    expect(container.textContent).toBe("");
  });

  it("each order list linked is on a host PayNudge runs on", () => {
    for (const platform of Object.values(PLATFORMS)) {
      if (!("orderPage" in platform)) continue;
      const host = new URL(platform.orderPage).host;
      expect(platform.matches.some((m: string) => hostOf(m).test(host))).toBe(
        true,
      );
    }
  });

  it("is what the popup's list shows when nothing is queued", () => {
    const empty = [
      { id: "overdue", count: 0, orders: [] },
      { id: "due", count: 0, orders: [] },
    ] as const;
    const list = (seenOrders?: boolean | null) =>
      render(
        <DueList
          groups={empty.map((g) => ({ ...g, orders: [] }))}
          now={0}
          locale="zh"
          onOpen={() => undefined}
          seenOrders={seenOrders}
        />,
      );
    list(false);
    expect(screen.getByText(/还没有见过订单页/)).toBeTruthy();
    cleanup();
    const { container } = list(null);
    expect(container.textContent).toBe("");
    cleanup();
    list();
    expect(screen.getByText("今天没有需要催付的订单。")).toBeTruthy();
  });
});
