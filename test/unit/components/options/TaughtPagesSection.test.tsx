import {
  act,
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  TaughtPagesSection,
  UNDO_MS,
} from "@/components/options/TaughtPagesSection";
import type { TaughtReader } from "@/lib/model/taught-reader";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const TAUGHT_AT = new Date(2026, 10, 23, 9, 5).getTime();

const ERP: TaughtReader = {
  host: "erp.example.cn",
  path: "/orders/list",
  rows: "main table > tbody > tr.order",
  orderId: ":scope > td:nth-child(2)",
  status: ":scope > td:nth-child(5) > span",
  time: ":scope > td:nth-child(3)",
  unpaidWords: ["待付款", "等待买家付款"],
  taughtAt: TAUGHT_AT,
};
const SHOP: TaughtReader = {
  host: "shop.example.com:8443",
  path: "/admin/orders",
  rows: "div.order-card",
  orderId: ":scope .no",
  status: ":scope .state",
  unpaidWords: [],
  taughtAt: TAUGHT_AT + 86_400_000,
};

function setup(readers: readonly TaughtReader[] = [SHOP, ERP]) {
  const props = {
    locale: "zh" as const,
    readers,
    onSave: vi.fn(async (_reader: TaughtReader) => undefined),
    onDelete: vi.fn(async (_page: { host: string; path: string }) => undefined),
  };
  render(<TaughtPagesSection {...props} />);
  const section = screen.getByRole("region", { name: "教过的页面" });
  const item = (page: string) =>
    section.querySelector(`[data-taught-page="${page}"]`) as HTMLElement;
  return { props, section, item };
}

function openEditor(section: HTMLElement, page: string) {
  fireEvent.click(
    within(section).getByRole("button", { name: `编辑 ${page}` }),
  );
  const form = within(section).getByRole("form", { name: `编辑 ${page}` });
  const box = (label: string) =>
    within(form).getByLabelText(label) as HTMLInputElement;
  return { form, box };
}

describe("options: taught pages", () => {
  it("lists each taught page with its link, when it was taught and its unpaid words", () => {
    const { section, item } = setup();
    const pages = [...section.querySelectorAll("[data-taught-page]")].map(
      (li) => li.getAttribute("data-taught-page"),
    );
    expect(pages).toEqual([
      "erp.example.cn/orders/list",
      "shop.example.com:8443/admin/orders",
    ]);
    const erp = item("erp.example.cn/orders/list");
    const link = within(erp).getByRole("link", {
      name: "erp.example.cn/orders/list",
    });
    expect(link.getAttribute("href")).toBe(
      "https://erp.example.cn/orders/list",
    );
    expect(erp.textContent).toContain("2026-11-23 09:05 教的");
    expect(erp.textContent).toContain("算作待付款：待付款、等待买家付款");
    expect(item("shop.example.com:8443/admin/orders").textContent).toContain(
      "没有指定待付款字样",
    );
    expect(within(section).queryByTestId("taught-empty")).toBeNull();
  });

  it("explains how to teach a page when none is taught, in both languages", () => {
    setup([]);
    expect(screen.getByTestId("taught-empty").textContent).toContain(
      "在「本页识别情况」里点「教 PayNudge 读这个页面」",
    );
    expect(screen.queryByRole("listitem")).toBeNull();
    cleanup();
    render(
      <TaughtPagesSection
        locale="en"
        readers={[]}
        onSave={async () => undefined}
        onDelete={async () => undefined}
      />,
    );
    expect(
      screen.getByRole("region", { name: "Taught pages" }).textContent,
    ).toContain("No page taught yet.");
  });

  it("refuses a selector the browser cannot parse, in place, and sends nothing", async () => {
    const { props, section } = setup();
    const { form, box } = openEditor(section, "erp.example.cn/orders/list");
    fireEvent.change(box("订单号"), {
      target: { value: ":scope > td >> span" },
    });
    fireEvent.change(box("订单行（整页）"), { target: { value: "  " } });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(within(form).getAllByRole("alert")).toHaveLength(2),
    );
    const orderId = box("订单号");
    expect(orderId.getAttribute("aria-invalid")).toBe("true");
    const described = orderId.getAttribute("aria-describedby") ?? "";
    const error = described
      .split(" ")
      .map((id) => document.getElementById(id))
      .find((el) => el?.getAttribute("role") === "alert");
    expect(error?.textContent).toBe("不是有效的 CSS 选择器");
    expect(box("订单行（整页）").getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByText("必填")).toBeTruthy();
    // A field left alone carries no error.
    expect(box("订单状态").getAttribute("aria-invalid")).toBeNull();
    expect(props.onSave).not.toHaveBeenCalled();

    // Fixed, the errors go and the reader is sent.
    fireEvent.change(orderId, { target: { value: ":scope > td.no" } });
    fireEvent.change(box("订单行（整页）"), { target: { value: "tr.order" } });
    expect(within(form).queryAllByRole("alert")).toEqual([]);
  });

  it("refuses a selector too long and a word too long", async () => {
    const { props, section } = setup();
    const { form, box } = openEditor(section, "erp.example.cn/orders/list");
    fireEvent.change(box("订单状态"), {
      target: { value: `:scope ${"span ".repeat(150)}` },
    });
    fireEvent.change(box("算作待付款的状态文字"), {
      target: { value: `待付款，${"长".repeat(41)}` },
    });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(within(form).getByText("太长了：最多 600 个字符")).toBeTruthy(),
    );
    expect(within(form).getByText("每个字样最多 40 个字")).toBeTruthy();
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it("refuses more unpaid words than a reader keeps", async () => {
    const { props, section } = setup();
    const { form, box } = openEditor(section, "erp.example.cn/orders/list");
    const many = Array.from({ length: 11 }, (_, i) => `待付款${i}`);
    fireEvent.change(box("算作待付款的状态文字"), {
      target: { value: many.join("、") },
    });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(within(form).getByRole("alert").textContent).toBe(
        "字样太多了：只留下表示待付款的几个",
      ),
    );
    expect(props.onSave).not.toHaveBeenCalled();
    // Ten words, or the same word written twice, are kept.
    fireEvent.change(box("算作待付款的状态文字"), {
      target: { value: [...many.slice(0, 10), many[0]].join(",") },
    });
    expect(within(form).queryByRole("alert")).toBeNull();
  });

  it("saves a valid edit with its page and teaching time kept, then closes the editor", async () => {
    const { props, section, item } = setup();
    const { form, box } = openEditor(section, "erp.example.cn/orders/list");
    expect(box("算作待付款的状态文字").value).toBe("待付款、等待买家付款");
    fireEvent.change(box("订单行（整页）"), {
      target: { value: " table.orders > tbody > tr " },
    });
    fireEvent.change(box("下单时间（可不填）"), { target: { value: "" } });
    fireEvent.change(box("算作待付款的状态文字"), {
      target: { value: "待付款, 未付款，待付款、 待支付 ," },
    });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "已保存 erp.example.cn/orders/list",
      ),
    );
    expect(props.onSave).toHaveBeenCalledTimes(1);
    expect(props.onSave.mock.calls[0]![0]).toStrictEqual({
      host: "erp.example.cn",
      path: "/orders/list",
      rows: "table.orders > tbody > tr",
      orderId: ":scope > td:nth-child(2)",
      status: ":scope > td:nth-child(5) > span",
      unpaidWords: ["待付款", "未付款", "待支付"],
      taughtAt: TAUGHT_AT,
    });
    expect(within(section).queryByRole("form")).toBeNull();
    expect(
      within(item("erp.example.cn/orders/list")).getByRole("button", {
        name: "编辑 erp.example.cn/orders/list",
      }),
    ).toBeTruthy();
  });

  it("says why a save failed and keeps the editor open", async () => {
    const { props, section } = setup();
    props.onSave.mockRejectedValueOnce(new Error("at most 50 taught pages"));
    const { form } = openEditor(section, "erp.example.cn/orders/list");
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    await waitFor(() =>
      expect(within(form).getByRole("alert").textContent).toBe(
        "保存失败：at most 50 taught pages",
      ),
    );
    expect(within(section).getByRole("form")).toBeTruthy();
  });

  it("removes a page, and puts it back when the seller undoes it", async () => {
    const { props, section } = setup();
    fireEvent.click(
      within(section).getByRole("button", {
        name: "移除 shop.example.com:8443/admin/orders",
      }),
    );
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toContain(
        "已移除 shop.example.com:8443/admin/orders",
      ),
    );
    expect(props.onDelete).toHaveBeenCalledWith({
      host: "shop.example.com:8443",
      path: "/admin/orders",
    });
    expect(props.onSave).not.toHaveBeenCalled();
    fireEvent.click(
      within(section).getByRole("button", {
        name: "撤销移除 shop.example.com:8443/admin/orders",
      }),
    );
    await waitFor(() =>
      expect(within(section).getByRole("status").textContent).toBe(
        "已恢复 shop.example.com:8443/admin/orders",
      ),
    );
    expect(props.onSave).toHaveBeenCalledWith(SHOP);
    expect(within(section).queryByRole("button", { name: /撤销/ })).toBeNull();
  });

  it("offers the undo for a few seconds only", async () => {
    vi.useFakeTimers();
    const { props, section } = setup();
    fireEvent.click(
      within(section).getByRole("button", {
        name: "移除 erp.example.cn/orders/list",
      }),
    );
    await act(async () => undefined);
    expect(props.onDelete).toHaveBeenCalledTimes(1);
    expect(within(section).getByRole("button", { name: /撤销/ })).toBeTruthy();
    act(() => vi.advanceTimersByTime(UNDO_MS + 1));
    expect(within(section).queryByRole("button", { name: /撤销/ })).toBeNull();
    expect(props.onSave).not.toHaveBeenCalled();
  });
});
