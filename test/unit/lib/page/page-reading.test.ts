import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frameReading, readingTally } from "@/lib/page/page-reading";
import {
  classShape,
  pageStructure,
  textShape,
} from "@/lib/page/page-structure";
import { findRows, readOrders, type Refused } from "@/lib/page/read-orders";
import { adaptersFor } from "@/lib/platforms";
import { isStatusWord } from "@/lib/platforms/shared/parse";
import { fixturePages, NOW, parseAll } from "@/test/support/platform-fixture";

/*
 * What the seller sees of a page's reading, and the structure report they may send to support:
 * the reader, its counts and skipped rows are right, and nothing in the report names a buyer, an
 * order or an amount.
 */

const pages = fixturePages();

/** Reads a fixture page as the order script does, tallying as it goes. */
async function readPage(name: string, url: string) {
  const doc = pages.load(name, url);
  const adapters = adaptersFor(new URL(url));
  const refused: Refused[] = [];
  const found = findRows(doc, adapters, refused);
  const tally = readingTally(found, adapters, NOW, refused);
  if (found)
    await readOrders(
      found,
      { now: NOW, signal: new AbortController().signal },
      (_row, snapshot) => tally.see(snapshot),
      tally.skip,
    );
  return { doc, adapters, found, reading: frameReading(doc, tally.read) };
}

describe("textShape", () => {
  it("keeps the shape of ids, names and amounts, and the status words PayNudge knows", () => {
    expect(textShape("订单号：3906120000000000001")).toBe("字{3}：9{19}");
    expect(textShape("买家**")).toBe("字{2}*{2}");
    expect(textShape("¥128.00")).toBe("¥9{3}.9{2}");
    expect(textShape("Order #1042")).toBe("a{5} #9{4}");
    expect(textShape("等待买家付款")).toBe("等待买家付款");
    expect(textShape("  ")).toBe("");
  });

  it("never lets a letter, digit or symbol of the page through, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (text) => {
        const shape = textShape(text);
        if (isStatusWord(text)) return;
        // Run lengths aside, only the class marks, spaces, punctuation and currency signs remain.
        const rest = shape.replace(/\{\d+\}/g, "").replace(/…$/, "");
        expect(rest).toMatch(/^[9a字 ?\p{P}\p{Sc}]*$/u);
      }),
      { numRuns: 300 },
    );
  });
});

describe("classShape", () => {
  it("takes hashes and numbers out of class names", () => {
    expect(classShape("IndexTable__TableRow_1x2y")).toBe(
      "IndexTable__TableRow_*",
    );
    expect(classShape("css-1x2y3z")).toBe("css-*");
    expect(classShape("order-3906120000000000001")).toBe("order-*");
    expect(classShape("trade-order-main")).toBe("trade-order-main");
  });
});

describe("pageStructure", () => {
  it("writes a run of like rows once with its length, enters open shadow roots, and stops at its bounds", () => {
    document.body.innerHTML = `<div id="app"><ul class="list">${"<li class='row'><span>订单号 3906120000000000001</span><b>等待买家付款</b></li>".repeat(30)}</ul><x-table></x-table></div>`;
    const host = document.querySelector("x-table")!;
    host.attachShadow({ mode: "open" }).innerHTML =
      "<table><tr class='r'><td>9</td></tr></table>";
    const shape = pageStructure(document.getElementById("app")!);
    const list = shape.children![0]!;
    expect(list).toMatchObject({ tag: "ul", classes: ["list"] });
    expect(list.children).toHaveLength(1);
    expect(list.children![0]).toMatchObject({
      tag: "li",
      repeat: 30,
      children: [
        { tag: "span", text: "字{3} 9{19}" },
        { tag: "b", text: "等待买家付款" },
      ],
    });
    expect(shape.children![1]).toMatchObject({
      tag: "x-table",
      shadow: true,
      children: [{ tag: "table" }],
    });
    const bounded = pageStructure(document.getElementById("app")!, {
      depth: 1,
      nodes: 100,
    });
    expect(bounded.children![0]).toMatchObject({ tag: "ul", cut: true });
    expect(bounded.children![0]!.children).toBeUndefined();
  });
});

describe("frameReading", () => {
  it("names the reader, counts rows, orders and unpaid ones as the adapter reads them", async () => {
    const url = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";
    const { reading, found, doc } = await readPage("taobao-legacy.html", url);
    const orders = parseAll(found!.adapter, doc, NOW);
    expect(reading).toMatchObject({
      page: "trade.taobao.com/trade/itemlist/list_sold_items.htm",
      reader: "taobao-legacy",
      tried: [],
      rows: found!.rows.length,
      orders: orders.length,
      unpaid: orders.filter((o) => o.status === "unpaid").length,
      readAt: NOW,
    });
    expect(reading.unpaid).toBeGreaterThan(0);
  });

  it("says which readers found nothing, and lists the rows it skipped with why", async () => {
    const url = "https://erp.example.com/orders";
    const doc = pages.load("generic-unknown.html", url);
    const adapters = adaptersFor(new URL(url), { granted: true });
    const found = findRows(doc, adapters)!;
    // A row the reader finds but reads no order from, and a second row of the same order (the
    // badge pass tells it: order-watch.test.ts reads one through the watcher).
    const broken = doc.createElement("div");
    doc.body.append(broken);
    const tally = readingTally(
      { ...found, rows: [...found.rows, broken, found.rows[0]!] },
      adapters,
      NOW,
      [],
    );
    const seen = new Set<string>();
    const parse = found.adapter.parseRow.bind(found.adapter);
    await readOrders(
      {
        ...found,
        rows: [...found.rows, broken, found.rows[0]!],
        adapter: {
          ...found.adapter,
          parseRow: (row, ctx) =>
            row === broken ? undefined : parse(row, ctx),
        },
      },
      { now: NOW, signal: new AbortController().signal },
      (row, snapshot) => {
        if (seen.has(snapshot.orderId)) return tally.duplicate(row);
        seen.add(snapshot.orderId);
        tally.see(snapshot);
      },
      tally.skip,
    );
    const reading = frameReading(doc, tally.read);
    expect(reading.skipped.map(({ reason, count }) => [reason, count])).toEqual(
      [
        ["noOrderId", 1],
        ["duplicate", 1],
      ],
    );
    expect(reading.skipped[0]!.example).toEqual({ tag: "div" });

    const nothing = frameReading(
      doc,
      readingTally(
        undefined,
        adaptersFor(new URL(url), { granted: true }),
        NOW,
        [],
      ).read,
    );
    expect(nothing).toMatchObject({ rows: 0, orders: 0, tried: ["generic"] });
    expect(nothing.reader).toBeUndefined();
    expect(nothing.structure.tag).toBe("body");
  });

  it("lists the look-alikes the generic reader refused: a dialog, a banner, an ad off the site, an odd card", async () => {
    const url = "https://mms.pinduoduo.com/orders/list-new";
    const { reading } = await readPage("ad-cards.html", url);
    expect(reading.reader).toBe("generic-pdd");
    expect(reading.unpaid).toBeGreaterThan(0);
    const count = (reason: string) =>
      reading.skipped.find((s) => s.reason === reason)?.count ?? 0;
    expect(count("offContent")).toBeGreaterThanOrEqual(2);
    expect(count("oddShape") + count("notInList")).toBeGreaterThanOrEqual(1);
    // Each with an example of its make-up, redacted as the rest of the report.
    for (const skipped of reading.skipped)
      expect(JSON.stringify(skipped.example)).not.toMatch(/\d{6}/);
  });

  it("holds no order number, buyer, item or amount of the page, and no id in its path", async () => {
    const url = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";
    const { reading, found, doc } = await readPage("taobao-legacy.html", url);
    const report = JSON.stringify(reading);
    const orders = parseAll(found!.adapter, doc, NOW);
    const secrets = orders.flatMap((o) => [
      o.orderId,
      ...(o.buyer ? [o.buyer] : []),
      ...o.items.map((item) => item.title),
      ...(o.amountCents ? [(o.amountCents / 100).toFixed(2)] : []),
    ]);
    expect(secrets.length).toBeGreaterThan(orders.length);
    for (const secret of secrets) expect(report).not.toContain(secret);
    expect(report).toContain("taobao-legacy");

    const deep = pages.load(
      "taobao-legacy.html",
      "https://trade.taobao.com/trade/detail/3906120000000000001/view?buyer=x",
    );
    expect(frameReading(deep, undefined).page).toBe(
      "trade.taobao.com/trade/detail/9{19}/view",
    );
  });
});
