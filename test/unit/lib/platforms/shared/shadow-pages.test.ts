import { describe, expect, it, vi } from "vitest";
import { adaptersFor } from "@/lib/platforms";
import {
  itemsFromLinks,
  labelledText,
  statusIn,
  textOfAll,
} from "@/lib/platforms/shared/common";
import { outermost } from "@/lib/platforms/shared/types";
import { fixturePages, NOW } from "@/test/support/platform-fixture";
import { until } from "@/test/support/until";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

/*
 * Order lists kept in open shadow roots (issue 14): an adapter's own row selectors inside nested
 * components, the generic reader's text walk, and the shared readers (outermost, textOfAll,
 * statusIn) across shadow boundaries.
 */

const { load } = fixturePages();

/** The first adapter that finds rows on the page, once the page has rendered them. */
async function readPage(name: string, url: string) {
  const doc = load(name, url);
  const adapters = adaptersFor(new URL(url));
  const found = await until(
    () =>
      adapters
        .map((adapter) => ({ adapter, rows: adapter.findRows(doc) }))
        .find((f) => f.rows.length),
    Boolean,
  );
  const { adapter, rows } = found!;
  const orders = rows.map((row) => adapter.parseRow(row, { now: NOW })!);
  return { doc, adapter, rows, orders };
}

const summary = (orders: { orderId: string; status: string }[]) =>
  orders.map((o) => `${o.orderId} ${o.status}`);

describe("order rows inside open shadow roots", () => {
  it("Douyin's row classes two components deep, each status word in a third one's root", async () => {
    const { adapter, rows, orders } = await readPage(
      "shadow-table.html",
      "https://fxg.jinritemai.com/ffa/morder/order/list",
    );
    expect(adapter.id).toBe("douyin-fxg");
    // The closed ad slot's order-like card is never read.
    expect(summary(orders)).toEqual([
      "4931234567890123451 unpaid",
      "4931234567890123452 paid",
      "4931234567890123453 unpaid",
      "4931234567890123454 closed",
    ]);
    expect(orders[0]).toMatchObject({
      statusText: "待支付",
      buyer: "抖音用户***8",
      amountCents: 12800,
    });
    expect(rows.every((row) => row.getRootNode() !== row.ownerDocument)).toBe(
      true,
    );
    // The badge goes into the row's header, inside the shadow tree.
    expect(adapter.badgeSlot(rows[0]!).parent.className).toMatch(
      /index_header/,
    );
  });

  it("a JD micro-app in shadow DOM, read by the generic reader", async () => {
    const { adapter, rows, orders } = await readPage(
      "shadow-generic.html",
      "https://shop.jd.com/jdm/trade/orders/order-list",
    );
    expect(adapter.id).toBe("jd-new");
    expect(summary(orders)).toEqual([
      "302234567890 unpaid",
      "302234567891 paid",
      "302234567892 unpaid",
      "302234567893 closed",
    ]);
    expect(rows.map((row) => row.className)).toEqual(
      Array(4).fill("OrderCard_card__x9Ab2"),
    );
    const slot = adapter.badgeSlot(rows[0]!);
    expect(rows[0]!.contains(slot.parent)).toBe(true);
  });
});

describe("shared readers across shadow boundaries", () => {
  function card() {
    const row = document.createElement("div");
    row.className = "row";
    row.append("订单号 3905123456789012345");
    const tag = document.createElement("x-status");
    tag.attachShadow({ mode: "open" }).innerHTML =
      "<style>span{color:red}</style><span>等待买家付款</span>";
    row.append(tag, "剩余 23:59:59");
    return row;
  }

  it("textOfAll reads a component's shadow text where it shows, without its styles", () => {
    expect(textOfAll([card()])).toBe(
      "订单号 3905123456789012345 等待买家付款 剩余 23:59:59",
    );
  });

  it("statusIn finds a status word shown only inside a component", () => {
    expect(statusIn(card())).toEqual({
      status: "unpaid",
      statusText: "等待买家付款",
    });
  });

  it("itemsFromLinks and labelledText read links and memos shown inside components", () => {
    const row = card();
    const cell = document.createElement("x-memo");
    cell.attachShadow({ mode: "open" }).innerHTML =
      '<a href="//item.jd.com/1.html">手工羊毛围巾</a><span>商家备注：发顺丰</span>';
    row.append(cell);
    expect(itemsFromLinks(row, ['a[href*="item"]'])).toEqual([
      { title: "手工羊毛围巾" },
    ]);
    expect(labelledText([row], ["商家备注"])).toBe("发顺丰");
  });

  it("outermost finds rows in shadow roots, without rows nested in another across a boundary", () => {
    document.body.innerHTML = '<div class="row" id="light"></div>';
    const app = document.createElement("x-app");
    const root = app.attachShadow({ mode: "open" });
    root.innerHTML = '<div class="row" id="a"></div><li class="item" id="b">';
    const inner = document.createElement("x-inner");
    inner.attachShadow({ mode: "open" }).innerHTML =
      '<div class="row" id="nested"></div>';
    root.querySelector("#a")!.append(inner);
    document.body.append(app);
    expect(outermost(document, [".item", ".row"]).map((el) => el.id)).toEqual([
      "light",
      "a",
      "b",
    ]);
    document.body.replaceChildren();
  });
});
