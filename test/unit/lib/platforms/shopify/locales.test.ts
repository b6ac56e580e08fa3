import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { findRows } from "@/lib/page/read-orders";
import { adaptersFor } from "@/lib/platforms";
import { ADMIN_LANGUAGES } from "@/lib/platforms/shopify/admin-words";
import { shopify } from "@/lib/platforms/shopify/orders";
import { at, fixturePages, parseAll } from "@/test/support/platform-fixture";
import { until } from "@/test/support/until";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

const { load, rendered } = fixturePages();
const URL_ = "https://admin.shopify.com/store/demo-shop/orders";
/** The seller looks at the localized admins on Monday 2026-12-07 at 10:00 local time. */
const DEC7 = at(2026, 12, 7, 10);

const order = (
  orderId: string,
  status: OrderSnapshot["status"],
  statusText: string,
  createdAt: number,
  money?: { amountCents: number; currency: "CNY" | "USD" },
  buyer?: string,
): OrderSnapshot => ({
  platform: "shopify",
  orderId,
  status,
  statusText,
  createdAt,
  ...money,
  ...(buyer ? { buyer } : {}),
  items: [],
});
const cny = (amountCents: number) => ({
  amountCents,
  currency: "CNY" as const,
});
const usd = (amountCents: number) => ({
  amountCents,
  currency: "USD" as const,
});

describe("Shopify admin in the seller's language", () => {
  it("zh-CN: 付款待处理 and 逾期 are unpaid; dates and ¥/US$ as the Chinese admin shows them", async () => {
    const { orders, doc } = await rendered(
      "shopify-zh-CN.html",
      URL_,
      shopify,
      6,
      DEC7,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      order(
        "#1020",
        "unpaid",
        "付款待处理",
        at(2026, 12, 6, 14, 3),
        cny(96944),
        "张伟",
      ),
      order(
        "#1019",
        "paid",
        "已付款",
        at(2026, 12, 6, 9, 5),
        cny(120400),
        "李娜",
      ),
      order("#1018", "closed", "已作废", at(2026, 12, 5, 23, 59), cny(4510)),
      order(
        "#1017",
        "unpaid",
        "逾期",
        at(2026, 12, 6, 13, 2),
        usd(8800),
        "王芳",
      ),
      // A customer named like a status word changes nothing: only the payment badge is read.
      order(
        "#1016",
        "paid",
        "部分退款",
        at(2025, 12, 30, 8, 30),
        cny(1250),
        "付款待处理",
      ),
      order(
        "#1015",
        "closed",
        "已退款",
        at(2026, 12, 3, 10, 0),
        cny(3000),
        "<img src=x onerror=\"document.title='pwned'\">",
      ),
    ]);
    expect(doc.title).not.toBe("pwned");
  });

  it("zh-TW: 下午/上午 clock times; NT$ is not read as dollars", async () => {
    const { orders } = await rendered(
      "shopify-zh-TW.html",
      URL_,
      shopify,
      5,
      DEC7,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      order(
        "#1020",
        "unpaid",
        "付款待處理",
        at(2026, 12, 6, 14, 3),
        undefined,
        "陳怡君",
      ),
      order(
        "#1019",
        "paid",
        "已付款",
        at(2026, 12, 6, 9, 5),
        usd(120400),
        "林志明",
      ),
      order("#1018", "closed", "已作廢", at(2026, 12, 5, 23, 59), usd(4510)),
      order(
        "#1017",
        "unpaid",
        "逾期",
        at(2026, 12, 4, 13, 2),
        usd(8800),
        "黃美玲",
      ),
      order(
        "#1016",
        "paid",
        "部分退款",
        at(2026, 12, 4, 0, 30),
        usd(1250),
        "張家豪",
      ),
    ]);
  });

  it("ja: 決済保留中 and 期限超過 are unpaid, オーソリ済み is paid; yen is not kept as yuan", async () => {
    const { orders } = await rendered(
      "shopify-ja.html",
      URL_,
      shopify,
      6,
      DEC7,
    );
    expect(orders).toEqual<OrderSnapshot[]>([
      order(
        "#1020",
        "unpaid",
        "決済保留中",
        at(2026, 12, 6, 14, 3),
        undefined,
        "佐藤 健",
      ),
      order(
        "#1019",
        "paid",
        "支払い済み",
        at(2026, 12, 6, 9, 5),
        usd(120400),
        "鈴木 花子",
      ),
      order("#1018", "closed", "無効", at(2026, 12, 5, 23, 59), usd(4510)),
      order(
        "#1017",
        "unpaid",
        "期限超過",
        at(2026, 12, 6, 13, 2),
        usd(8800),
        "高橋 翔",
      ),
      order(
        "#1016",
        "paid",
        "一部返金済み",
        at(2026, 12, 4, 20, 30),
        usd(1250),
        "田中 美咲",
      ),
      order(
        "#1015",
        "paid",
        "オーソリ済み",
        at(2026, 12, 3, 10, 0),
        usd(3000),
        "伊藤 誠",
      ),
    ]);
  });

  it("en: the words of the table read the English admin as before, Unpaid and Overdue included", async () => {
    const { doc } = await rendered(
      "shopify.html",
      URL_,
      shopify,
      5,
      at(2024, 7, 21, 10),
    );
    const badges = doc.querySelectorAll(".Polaris-Badge--toneWarning");
    badges[0]!.lastChild!.textContent = "Overdue";
    badges[1]!.lastChild!.textContent = "Unpaid";
    const orders = parseAll(shopify, doc, at(2024, 7, 21, 10));
    expect(orders.map((o) => [o.orderId, o.status])).toEqual([
      ["#1020", "unpaid"],
      ["#1019", "paid"],
      ["#1018", "closed"],
      ["#1017", "unpaid"],
      ["#1016", "paid"],
    ]);
  });

  it("each language's words map every badge; no word of one language names two statuses", () => {
    for (const language of ADMIN_LANGUAGES) {
      const words = new Map<string, string>();
      for (const [word, status] of language.payment) {
        expect(words.get(word) ?? status).toBe(status);
        words.set(word, status);
      }
      expect(new Set(language.payment.map(([, s]) => s))).toEqual(
        new Set(["unpaid", "paid", "closed"]),
      );
    }
  });
});

describe("a language the table does not know", () => {
  it("German headers give no Shopify rows: the generic reader is tried instead, and tells no order unpaid", async () => {
    const doc = load("shopify-de.html", URL_);
    await until(
      () => doc.querySelectorAll("tr.Polaris-IndexTable__TableRow").length,
      (n) => n === 5,
    );
    expect(shopify.findRows(doc)).toEqual([]);
    const adapters = adaptersFor(new URL(URL_));
    expect(adapters.map((a) => a.id)).toEqual([
      "shopify-admin",
      "generic-shopify",
    ]);
    // The page script's own choice (the first adapter that finds rows): the generic reader, which
    // knows no German status word nor date, so nothing here is an order it can tell, let alone
    // an unpaid one.
    const found = findRows(doc, adapters);
    expect(found?.adapter.id ?? "none").not.toBe("shopify-admin");
    const read = found
      ? parseAll(found.adapter, doc, DEC7).filter((o) => o.status === "unpaid")
      : [];
    expect(read).toEqual([]);
  });

  it("a table whose headers no language names is read by the generic reader, with the words it knows", async () => {
    // The zh-CN admin with its column headers renamed (a redesign): the generic reader takes over
    // and reads what its own words tell (已付款, 已退款 …), by date and amount.
    const doc = load("shopify-zh-CN.html", URL_);
    await until(
      () => doc.querySelectorAll("tr.Polaris-IndexTable__TableRow").length,
      (n) => n === 6,
    );
    for (const th of doc.querySelectorAll("th"))
      th.textContent = th.textContent ? `栏${th.cellIndex}` : "";
    expect(shopify.findRows(doc)).toEqual([]);
    const found = findRows(doc, adaptersFor(new URL(URL_)));
    expect(found?.adapter.id).toBe("generic-shopify");
    const orders = parseAll(found!.adapter, doc, DEC7);
    expect(orders.map((o) => o.orderId)).toEqual([
      "#1020",
      "#1019",
      "#1018",
      "#1017",
      "#1016",
      "#1015",
    ]);
    expect(orders.find((o) => o.orderId === "#1019")?.status).toBe("paid");
    expect(orders.every((o) => o.platform === "shopify")).toBe(true);
  });
});

describe("hostile header text", () => {
  const loaded = async (name: string, count: number) => {
    const { doc } = await rendered(name, URL_, shopify, count, DEC7);
    return doc;
  };

  it("a header holding every language's words at once is no header: no rows", async () => {
    const doc = await loaded("shopify-zh-CN.html", 6);
    const ths = doc.querySelectorAll("th");
    const all = ADMIN_LANGUAGES.flatMap((l) => Object.values(l.headers).flat());
    ths[1]!.textContent = all.join(" ");
    ths[5]!.textContent = all.join(" ");
    expect(shopify.findRows(doc)).toEqual([]);
  });

  it("markup in a header is text: nothing runs, the table still reads by its other headers", async () => {
    const doc = await loaded("shopify-zh-CN.html", 6);
    const ths = doc.querySelectorAll("th");
    ths[3]!.textContent = `<img src=x onerror="document.title='pwned'">`;
    const orders = parseAll(shopify, doc, DEC7);
    expect(orders.map((o) => [o.orderId, o.status])).toEqual([
      ["#1020", "unpaid"],
      ["#1019", "paid"],
      ["#1018", "closed"],
      ["#1017", "unpaid"],
      ["#1016", "paid"],
      ["#1015", "closed"],
    ]);
    // The customer column lost its name: no buyer read from another column instead.
    expect(orders.every((o) => o.buyer === undefined)).toBe(true);
    expect(doc.title).not.toBe("pwned");
    expect(doc.querySelector("img")).toBeNull();
  });

  it("headers of two languages: the one naming the order and payment columns and the most others wins", async () => {
    const doc = await loaded("shopify-zh-TW.html", 5);
    const ths = doc.querySelectorAll("th");
    // zh-CN's order and payment names on two other columns: zh-CN names 3 columns (with 日期),
    // zh-TW all 5.
    ths[6]!.textContent = "订单";
    ths[7]!.textContent = "付款状态";
    expect(parseAll(shopify, doc, DEC7).map((o) => o.status)).toEqual([
      "unpaid",
      "paid",
      "closed",
      "unpaid",
      "paid",
    ]);
    // With zh-CN's order and payment headers in their own places, and no zh-TW order header, the
    // table reads in zh-CN alone: zh-TW badges it does not share (付款待處理, 已作廢) are not guessed.
    ths[1]!.textContent = "订单";
    ths[5]!.textContent = "付款状态";
    ths[6]!.textContent = "出貨狀態";
    ths[7]!.textContent = "品項";
    expect(parseAll(shopify, doc, DEC7).map((o) => o.status)).toEqual([
      "other",
      "paid",
      "other",
      "unpaid",
      "paid",
    ]);
  });
});
