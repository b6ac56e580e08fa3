import { JSDOM } from "jsdom";
import { afterEach, describe, expect, it } from "vitest";
import { adaptersFor, platformAt } from "@/lib/platforms";
import {
  isTaughtReader,
  isTaughtReaderList,
  type TaughtReader,
} from "@/lib/model/taught-reader";
import { unpaidCount } from "@/lib/model/teaching";
import { idFromText, taughtAdapter } from "@/lib/platforms/taught/adapter";
import {
  FIELD_FITS,
  fieldSelectorOf,
  rowFor,
  rowSelectorOf,
  rowsLike,
  widenRow,
} from "@/lib/platforms/taught/derive";
import { previewOf } from "@/lib/platforms/taught/preview";
import { taughtPage, TAUGHT_ORDERS } from "@/test/fixtures/pages/taught-page";

/*
 * A reader taught from one row (issue 14, "Teach a page"): the row found around a click, selectors
 * that reach the same fields in the row's siblings, and the reader reading them; clicks on what is
 * no row, or a row with no order number, refused.
 */

const URL_KO = "https://admin.shopify.com/store/demo-ko/orders";
const NOW = Date.UTC(2026, 11, 7, 4, 0);

let open: JSDOM[] = [];
afterEach(() => {
  for (const dom of open) dom.window.close();
  open = [];
});

function load(html = taughtPage(NOW), url = URL_KO): Document {
  const dom = new JSDOM(html, { url });
  open.push(dom);
  return dom.window.document;
}

const q = (doc: Document, selector: string) => doc.querySelector(selector)!;

/** The reader the seller's clicks on row `i` give (what teach-mode.ts derives). */
function teach(doc: Document, i = 2): TaughtReader {
  const found = rowFor(q(doc, `[data-row="${i}"] .customer`));
  if (!("row" in found)) throw new Error(`refused: ${found.refusal}`);
  const rows = rowsLike(doc, rowSelectorOf(found.row));
  return {
    host: "admin.shopify.com",
    path: "/store/demo-ko/orders",
    rows: rowSelectorOf(found.row),
    orderId: fieldSelectorOf(
      found.row,
      q(doc, `[data-row="${i}"] .order-link`),
      rows,
      FIELD_FITS.orderId,
    )!,
    status: fieldSelectorOf(
      found.row,
      q(doc, `[data-row="${i}"] .pill`),
      rows,
      FIELD_FITS.status,
    )!,
    time: fieldSelectorOf(
      found.row,
      q(doc, `[data-row="${i}"] .when`),
      rows,
      () => true,
    )!,
    unpaidWords: ["결제 대기"],
    taughtAt: NOW,
  };
}

describe("deriving a reader from one row", () => {
  it("takes the repeating element around the click that shows one order number for the row", () => {
    const doc = load();
    const found = rowFor(q(doc, '[data-row="3"] .total'));
    expect(found).toEqual({ row: q(doc, '[data-row="3"]') });
    // The order number's own cell repeats too, but the row around it is the outer one.
    expect(rowFor(q(doc, '[data-row="3"] .order-link'))).toEqual({
      row: q(doc, '[data-row="3"]'),
    });
  });

  it("refuses what is no row (the heading, the banner) and a repeating row without an order number", () => {
    const doc = load();
    expect(rowFor(q(doc, "#heading"))).toEqual({ refusal: "notRow" });
    expect(rowFor(q(doc, ".banner"))).toEqual({ refusal: "notRow" });
    expect(rowFor(q(doc, ".notice"))).toEqual({ refusal: "noId" });
    // The list itself holds every order: not one row.
    expect(rowFor(q(doc, "main"))).toEqual({ refusal: "notRow" });
  });

  it("builds selectors from tags and stable class names, the build hash cut off", () => {
    const reader = teach(load());
    expect(reader.rows).toBe(
      'main[class*="order-list_"] > div[class*="order-card_"]',
    );
    expect(reader.orderId).toBe(":scope > div.card-head > a.order-link");
    expect(reader.status).toBe(":scope > div.card-head > span.pill");
    expect(reader.time).toBe(":scope > div.card-body > span.when");
    expect(isTaughtReader(reader)).toBe(true);
    // A row selector from the page's markup never carries its text.
    expect(JSON.stringify({ ...reader, unpaidWords: [] })).not.toMatch(
      /5503|결제|고객/,
    );
  });

  it("still reads the rows after a new build renamed the class hashes", () => {
    const reader = teach(load());
    const rebuilt = load(
      taughtPage(NOW)
        .replaceAll("order-card_x81ka", "order-card_q02zz")
        .replaceAll("order-list_k3j9a", "order-list_m4p1c"),
    );
    const orders = taughtAdapter(reader, "shopify")
      .findRows(rebuilt)
      .map((row) => idFromText(row.querySelector("a")!.textContent!));
    expect(orders).toEqual(TAUGHT_ORDERS.map((o) => o.id));
  });

  it("reaches a field by its position when class names do not tell the rows' cells apart", () => {
    const doc = load(`<table><tbody>
      ${[1, 2, 3]
        .map(
          (i) =>
            `<tr><td>SO-20261200${i}</td><td>待确认${i}</td><td>2026-12-0${i} 10:00</td></tr>`,
        )
        .join("")}
    </tbody></table>`);
    const found = rowFor(doc.querySelectorAll("td")[4]!);
    expect(found).toEqual({ row: doc.querySelectorAll("tr")[1] });
    const row = doc.querySelectorAll("tr")[1]!;
    const rows = rowsLike(doc, rowSelectorOf(row));
    expect(rows).toHaveLength(3);
    const status = fieldSelectorOf(
      row,
      row.children[1]!,
      rows,
      FIELD_FITS.status,
    );
    expect(status).toBe(":scope > td:nth-of-type(2)");
    expect(rows.map((r) => r.querySelector(status!)!.textContent)).toEqual([
      "待确认1",
      "待确认2",
      "待确认3",
    ]);
  });

  it("widens a row taken too narrow when a later click lies beside it in the same order", () => {
    const doc = load(`<div class="list">
      ${[1, 2]
        .map((i) =>
          `<div class="order"><div class="cell">单号 9{i}00000001</div>
          <div class="cell">待付款</div></div>`.replace("{i}", String(i)),
        )
        .join("")}</div>`);
    const cells = doc.querySelectorAll(".order")[0]!.children;
    expect(widenRow(cells[0]!, cells[1]!)).toBe(doc.querySelector(".order"));
    // Never into another order's row.
    const other = doc.querySelectorAll(".order")[1]!.children[1]!;
    expect(widenRow(cells[0]!, other)).toBeUndefined();
  });
});

describe("the taught reader", () => {
  it("reads every row's order number, status (the seller's words first), time and amount", () => {
    const doc = load();
    const adapter = taughtAdapter(teach(doc), "shopify");
    const rows = adapter.findRows(doc);
    expect(rows).toHaveLength(TAUGHT_ORDERS.length);
    const orders = rows.map((row) => adapter.parseRow(row, { now: NOW })!);
    expect(orders.map((o) => [o.orderId, o.status])).toEqual(
      TAUGHT_ORDERS.map((o) => [
        o.id,
        o.status === "결제 대기" ? "unpaid" : "other",
      ]),
    );
    const [first] = orders;
    expect(first!.createdAt).toBe(
      Math.floor((NOW - 12 * 60_000) / 60_000) * 60_000,
    );
    expect(first!.amountCents).toBe(1200);
    // Its badge goes right after the order number, outside the link.
    const slot = adapter.badgeSlot(rows[0]!);
    expect(slot.parent).toBe(rows[0]!.querySelector(".card-head"));
    expect(slot.before).toBe(
      rows[0]!.querySelector(".order-link")!.nextSibling,
    );
  });

  it("refuses rows without an order number (counted for the page reading), and reads nothing with a selector the page rejects", () => {
    const doc = load();
    q(doc, '[data-row="1"] .order-link').textContent = "—";
    const refused: string[] = [];
    const adapter = taughtAdapter(teach(doc, 2), "shopify");
    expect(
      adapter.findRows(doc, (_row, reason) => refused.push(reason)),
    ).toHaveLength(TAUGHT_ORDERS.length - 1);
    expect(refused).toEqual(["noOrderId"]);
    const broken = taughtAdapter({ ...teach(doc), rows: "div[[" }, "shopify");
    expect(broken.findRows(doc)).toEqual([]);
  });

  it("previews what it would read, and the popup's count follows the words the seller ticks", () => {
    const doc = load();
    const { preview, rows } = previewOf(doc, teach(doc), "shopify", NOW);
    expect(rows).toHaveLength(6);
    expect(preview).toMatchObject({ rows: 6, orders: 6 });
    // Before the seller's words: PayNudge knows neither status.
    expect(unpaidCount(preview, [])).toBe(0);
    expect(unpaidCount(preview, ["결제 대기"])).toBe(4);
    expect(preview.samples.map((s) => s.orderId)).toEqual(
      TAUGHT_ORDERS.slice(0, 5).map((o) => o.id),
    );
  });

  it("comes first on its page only, its orders the page's platform's", () => {
    const reader = teach(load());
    const here = adaptersFor(new URL(URL_KO), { taught: [reader] });
    expect(here[0]!.id).toBe("taught");
    expect(here[0]!.platform).toBe("shopify");
    expect(here.length).toBeGreaterThan(1);
    const elsewhere = adaptersFor(
      new URL("https://admin.shopify.com/store/demo-ko/products"),
      { taught: [reader] },
    );
    expect(elsewhere.map((a) => a.id)).not.toContain("taught");
    // A route of a known host no built-in reader knows: the generic platform's orders.
    expect(platformAt(new URL("https://mms.pinduoduo.com/new-console"))).toBe(
      "generic",
    );
  });
});

describe("the stored readers", () => {
  it("accepts what teaching derives and refuses anything else whole", () => {
    const reader = teach(load());
    expect(isTaughtReaderList([reader])).toBe(true);
    for (const bad of [
      { ...reader, host: "evil host" },
      { ...reader, path: "orders" },
      { ...reader, rows: "" },
      { ...reader, orderId: "a".repeat(601) },
      { ...reader, unpaidWords: ["x".repeat(41)] },
      { ...reader, unpaidWords: [" padded "] },
      { ...reader, taughtAt: 1.5 },
      { ...reader, script: "alert(1)" },
    ])
      expect(isTaughtReader(bad)).toBe(false);
    // One reader per page.
    expect(isTaughtReaderList([reader, { ...reader, taughtAt: 1 }])).toBe(
      false,
    );
  });

  it("tells an order number from a phone number, an amount and a date", () => {
    expect(idFromText("#5501")).toBe("#5501");
    expect(idFromText("订单号：3905123456789012345")).toBe(
      "3905123456789012345",
    );
    expect(idFromText("SO-2026120001")).toBe("SO-2026120001");
    expect(idFromText("13812345678")).toBeUndefined();
    expect(idFromText("$1280000.00")).toBeUndefined();
    expect(idFromText("2026-12-07 10:00")).toBeUndefined();
  });
});
