import { JSDOM } from "jsdom";
import { afterEach, describe, expect, it } from "vitest";
import { adaptersFor } from "@/lib/platforms";
import { genericAdapter } from "@/lib/platforms/generic/adapter";
import { fixturePages, NOW, parseAll } from "@/test/support/platform-fixture";

/*
 * Rows are rows (issue 14): the generic reader takes a candidate for an order only when it repeats
 * its siblings' structure or sits in a table or list of orders, and never inside a dialog, a banner,
 * an ad or a link off the seller's site.
 */

const { load } = fixturePages();
const PAGE = "https://erp.example.com/orders";
const generic = genericAdapter("generic");

let open: JSDOM[] = [];
afterEach(() => {
  for (const dom of open) dom.window.close();
  open = [];
});

function page(body: string, url = PAGE): Document {
  const dom = new JSDOM(
    `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`,
    { url },
  );
  open.push(dom);
  return dom.window.document;
}

/** The order numbers the generic reader reads on a page, with their statuses. */
function read(doc: Document): Record<string, string> {
  return Object.fromEntries(
    parseAll(generic, doc, NOW).map((o) => [o.orderId, o.status]),
  );
}

/** An order card of the list used below; `extra` adds a line (a memo) to vary its shape. */
const card = (id: string, status: string, extra = "") => `
  <div class="Row_row__a1B2c">
    <div class="Row_head__d3E4f"><span>订单号：</span><span>${id}</span> <span>下单时间：2024-05-18 14:32:07</span></div>
    <div class="Row_goods__g5H6i"><a href="/goods/1">手工羊毛围巾</a></div>
    <div class="Row_money__j7K8l">¥128.00</div>
    <div class="Row_status__m9N0o"><span>${status}</span></div>
    ${extra}
  </div>`;

/** A look-alike: an order number and 等待买家付款 in another shape than the orders'. */
const lookAlike = (id: string) => `
  <div class="Feed_item__p1Q2r">
    <img alt="">
    <p>爆款推荐 · 订单号 ${id}</p>
    <p><em>等待买家付款</em> <b>¥9.90</b> 2024-05-18 12:00:00</p>
    <button>立即抢购</button>
  </div>`;

describe("the generic reader's rows repeat their siblings", () => {
  it("reads every row of a list that repeats one structure, an extra line or a selected row included", () => {
    const doc = page(`
      <div class="List_list__x">
        ${card("7000000000001", "待付款")}
        ${card("7000000000002", "已发货", '<div class="Row_memo__q1"><span>备注：周末送</span></div>')}
        ${card("7000000000003", "待付款").replace('class="Row_row__a1B2c"', 'class="Row_row__a1B2c Row_row--selected"')}
        ${card("7000000000004", "已关闭")}
      </div>`);
    expect(read(doc)).toEqual({
      "7000000000001": "unpaid",
      "7000000000002": "paid",
      "7000000000003": "unpaid",
      "7000000000004": "closed",
    });
  });

  it("an ad card with an order number and 等待买家付款 among real rows is not a row", () => {
    const doc = page(`
      <div class="List_list__x">
        ${card("7000000000001", "待付款")}
        ${lookAlike("7999999999991")}
        ${card("7000000000002", "已发货")}
        ${card("7000000000003", "待付款")}
      </div>`);
    expect(read(doc)).toEqual({
      "7000000000001": "unpaid",
      "7000000000002": "paid",
      "7000000000003": "unpaid",
    });
  });

  it("a card in a dialog, a banner, an ad slot or a link off the site is not a row, even alone", () => {
    const cases: [string, string][] = [
      ["dialog", `<div role="dialog">${lookAlike("7999999999991")}</div>`],
      ["<dialog>", `<dialog open>${lookAlike("7999999999992")}</dialog>`],
      [
        "aria-modal",
        `<div aria-modal="true">${lookAlike("7999999999993")}</div>`,
      ],
      ["banner", `<div role="banner">${lookAlike("7999999999994")}</div>`],
      [
        "ad class",
        `<ul><li class="feed-ad">${lookAlike("7999999999995")}</li></ul>`,
      ],
      [
        "AdCard",
        `<table><tbody><tr><td class="AdCard_wrap__9z">${lookAlike("7999999999996")}</td></tr></tbody></table>`,
      ],
      [
        "off-site link",
        `<ul><li><a href="https://click.example-ads.net/c?id=1">${lookAlike("7999999999997")}</a></li></ul>`,
      ],
    ];
    for (const [name, html] of cases) {
      // Alone on the page, and beside a list of real rows.
      expect(read(page(html)), name).toEqual({});
      const doc = page(`
        <div>${card("7000000000001", "待付款")}${card("7000000000002", "待付款")}</div>
        ${html}`);
      expect(read(doc), name).toEqual({
        "7000000000001": "unpaid",
        "7000000000002": "unpaid",
      });
    }
  });

  it("class words that only look like ads, and links on the seller's own site, do not hide a row", () => {
    const doc = page(`
      <div class="admin-layout address-book headerBar download">
        <a href="/orders/7000000000001">${card("7000000000001", "待付款")}</a>
        <a href="https://erp.example.com/orders/7000000000002">${card("7000000000002", "待付款")}</a>
      </div>`);
    expect(read(doc)).toEqual({
      "7000000000001": "unpaid",
      "7000000000002": "unpaid",
    });
  });

  it("id links to the order's page on another of the platform's hosts do not hide a row", () => {
    const row = (id: string) => `
      <li><span>订单号：<a href="https://porder.shop.jd.com/order/orderDetail?orderId=${id}">${id}</a></span>
      <span>等待付款</span> <a href="https://item.jd.com/1.html"><img alt="">手工羊毛围巾</a></li>`;
    const url = "https://shop.jd.com/jdm/trade/orders/order-list";
    expect(
      read(page(`<ul>${row("301234567890")}${row("301234567891")}</ul>`, url)),
    ).toEqual({
      "301234567890": "unpaid",
      "301234567891": "unpaid",
    });
    expect(read(page(`<ul>${row("301234567890")}</ul>`, url))).toEqual({
      "301234567890": "unpaid",
    });
  });

  it("a lone real order still reads: in a table, in a list, or under a header naming order columns", () => {
    const lone = [
      `<table><tbody><tr><td>订单号：7000000000001</td><td>¥128.00</td><td>待付款</td></tr></tbody></table>`,
      `<ol><li><span>订单号：7000000000001</span><span>待付款</span></li></ol>`,
      `<div role="grid"><div><span>订单号：7000000000001</span><span>待付款</span></div></div>`,
      `<div><div>订单号 商品 金额 订单状态</div><div><span>7000000000001</span><span>¥128.00</span><span>待付款</span></div></div>`,
      `<section>${card("7000000000001", "待付款").replace(/Row_/g, "OrderCard_")}</section>`,
    ];
    for (const html of lone)
      expect(read(page(html)), html).toEqual({ "7000000000001": "unpaid" });
    // The same lone order beside an ad card: the order reads, the ad does not.
    expect(
      read(
        page(
          `<main>${lone[0]}</main><aside>${lookAlike("7999999999991")}</aside>`,
        ),
      ),
    ).toEqual({ "7000000000001": "unpaid" });
    // A container naming orders around both tells neither apart: the ad still does not read.
    expect(
      read(
        page(
          `<div class="order-center"><main>${lone[0]}</main><aside>${lookAlike("7999999999991")}</aside></div>`,
        ),
      ),
    ).toEqual({ "7000000000001": "unpaid" });
  });

  it("a lone look-alike outside any list of orders is not a row", () => {
    expect(
      read(page(`<main><p>欢迎</p></main>${lookAlike("7999999999991")}`)),
    ).toEqual({});
  });
});

describe("ad-cards.html: Pinduoduo after a redesign, with look-alike text around the orders", () => {
  it("the generic fallback reads the four orders and none of the banner, the card in the list, the sidebar ad or the dialog", () => {
    const url = "https://mms.pinduoduo.com/orders/list-ads";
    const doc = load("ad-cards.html", url);
    const [pdd, fallback] = adaptersFor(new URL(url));
    expect(pdd!.findRows(doc)).toEqual([]);
    const orders = parseAll(fallback!, doc, NOW);
    expect(orders.map((o) => [o.orderId, o.status])).toEqual([
      ["240518-100000000000001", "unpaid"],
      ["240518-100000000000002", "paid"],
      ["240518-100000000000003", "closed"],
      ["240518-100000000000004", "unpaid"],
    ]);
    expect(orders[0]).toMatchObject({
      platform: "pdd",
      amountCents: 12800,
      buyer: "小明***",
      memo: "答应下班后付款",
    });
  });
});
