import { afterEach, describe, expect, it, vi } from "vitest";
import type { OrdersSeen } from "@/lib/messaging/order-requests";
import type { OrderView } from "@/lib/model/order-view";
import { orderKey, type OrderSnapshot } from "@/lib/model/order";
import { watchOrders } from "@/lib/page/order-watch";
import { adaptersFor } from "@/lib/platforms";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { at, openFixture, parseAll } from "@/test/support/platform-fixture";
import { until } from "@/test/support/until";
import { createPageUi } from "@/components/page/page-ui";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

/*
 * The page watcher on every adapter's fixture: one badge per order, none twice; a row that turns
 * paid or closed is reported at once (the background then cancels its nudges, see
 * background-loop tests); rows that go away lose their badges; re-rendered rows keep theirs.
 */

const NOW = at(2024, 5, 18, 16, 30);
const PAID_WORD: Record<string, string> = {
  taobao: "买家已付款",
  jd: "等待出库",
  pdd: "待发货",
  douyin: "已支付",
  shopify: "Paid",
  generic: "已发货",
};

const CASES: [string, string][] = [
  [
    "taobao-legacy.html",
    "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
  ],
  [
    "qianniu.html",
    "https://myseller.taobao.com/home.htm/trade-platform/tp/sold",
  ],
  ["jd-orderlist.html", "https://porder.shop.jd.com/order/orderlist/allOrders"],
  ["jd-shopweb.html", "https://porder.shop.jd.com/order/orderlist/notPay"],
  ["jd-new.html", "https://shop.jd.com/jdm/trade/orders/order-list"],
  ["pdd.html", "https://mms.pinduoduo.com/orders/list?tab=0"],
  ["douyin.html", "https://fxg.jinritemai.com/ffa/morder/order/list"],
  ["shopify.html", "https://admin.shopify.com/store/demo/orders"],
  ["generic-unknown.html", "https://erp.example.com/orders"],
];

/** The fixture as its page code renders it, copied into the test document. */
async function renderInto(
  name: string,
  url: string,
  adapters: readonly PlatformAdapter[],
) {
  const dom = openFixture(name, url);
  await until(
    () => adapters.some((a) => a.findRows(dom.window.document).length > 0),
    Boolean,
  );
  document.body.replaceChildren(
    document.importNode(dom.window.document.body, true),
  );
  for (const script of document.querySelectorAll("script")) script.remove();
  dom.window.close();
}

function fakeBackground() {
  const batches: OrdersSeen[] = [];
  /** What the background knows: the views it answered, changed by tests as other writers would. */
  const known = new Map<string, OrderView>();
  const report = vi.fn(async (batch: OrdersSeen): Promise<OrderView[]> => {
    batches.push(batch);
    const views = batch.orders.map((o) => ({
      key: orderKey(o.platform, o.orderId),
      orderId: o.orderId,
      status: o.status,
      nudgeCount: 0,
      ...(o.status === "unpaid" ? { nextDueAt: NOW + 3_600_000 } : {}),
    }));
    for (const view of views) known.set(view.key, view);
    return views;
  });
  const viewsFor = vi.fn(async (keys: string[]) =>
    keys.flatMap((key) => (known.has(key) ? [known.get(key)!] : [])),
  );
  return { batches, report, known, viewsFor };
}

const badges = () =>
  Object.fromEntries(
    [...document.querySelectorAll("[data-paynudge-order]")].map((h) => [
      h.getAttribute("data-paynudge-order"),
      h.getAttribute("data-paynudge-state"),
    ]),
  );
const badgeCount = () =>
  document.querySelectorAll("[data-paynudge-order]").length;

/** Pinduoduo's order list (five orders) in the test document; its adapters. */
async function pddPage(): Promise<readonly PlatformAdapter[]> {
  const url = "https://mms.pinduoduo.com/orders/list";
  const adapters = adaptersFor(new URL(url));
  await renderInto("pdd.html", url, adapters);
  return adapters;
}

let controller: AbortController | undefined;
afterEach(() => {
  controller?.abort();
  document.body.replaceChildren();
});

function watch(
  adapters: readonly PlatformAdapter[] | (() => readonly PlatformAdapter[]),
  report: ReturnType<typeof fakeBackground>["report"],
  viewsFor: ReturnType<typeof fakeBackground>["viewsFor"] = vi.fn(
    async () => [],
  ),
) {
  controller = new AbortController();
  return watchOrders({
    doc: document,
    adapters,
    signal: controller.signal,
    ui: createPageUi(document, "zh"),
    now: () => NOW,
    report,
    panelFor: async () => Promise.reject(new Error("no panel in this test")),
    logNudge: async () => Promise.reject(new Error("no logging in this test")),
    viewsFor,
  });
}

describe("order-watch on every adapter", () => {
  for (const [name, url] of CASES) {
    it(`${name}: one badge per order; a row turning paid is reported at once and its badge turns paid`, async () => {
      const adapters = adaptersFor(new URL(url), { granted: true });
      await renderInto(name, url, adapters);
      const adapter = adapters.find((a) => a.findRows(document).length)!;
      const expected = parseAll(adapter, document, NOW);
      const { batches, report } = fakeBackground();
      const watcher = watch(adapters, report);
      await watcher.scan();
      expect(badgeCount()).toBe(expected.length);
      expect(Object.keys(badges()).sort()).toEqual(
        expected.map((o) => o.orderId).sort(),
      );
      for (const o of expected)
        expect(badges()[o.orderId]).toBe(
          o.status === "unpaid" ? "upcoming" : o.status,
        );
      expect(batches[0]!.orders).toEqual(expected);

      // The seller's page refreshes one unpaid row: the buyer paid.
      const unpaid = expected.find((o) => o.status === "unpaid")!;
      const row = adapter
        .findRows(document)
        .find(
          (r) => adapter.parseRow(r, { now: NOW })?.orderId === unpaid.orderId,
        )!;
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode();
      while (node && node.textContent!.trim() !== unpaid.statusText)
        node = walker.nextNode();
      node!.textContent = PAID_WORD[unpaid.platform]!;
      await until(
        () => batches.length,
        (n) => n >= 2,
        3000,
      );
      const update = batches[1]!.orders;
      expect(update.map((o: OrderSnapshot) => [o.orderId, o.status])).toEqual([
        [unpaid.orderId, "paid"],
      ]);
      expect(update[0]!.closesAt).toBeUndefined();
      expect(badges()[unpaid.orderId]).toBe("paid");
      expect(badgeCount()).toBe(expected.length);
    });
  }
});

describe("order-watch in single-page apps", () => {
  it("rows removed lose their badges; rows re-rendered in place keep one badge and are not re-reported", async () => {
    const url = "https://fxg.jinritemai.com/ffa/morder/order/list";
    const adapters = adaptersFor(new URL(url));
    await renderInto("douyin.html", url, adapters);
    const { batches, report } = fakeBackground();
    const watcher = watch(adapters, report);
    await watcher.scan();
    expect(badgeCount()).toBe(3);
    // React re-renders every row: new elements, same orders.
    const root = document.getElementById("__GARFISH_SSR_ECOM_FXG_ADMIN_DOM")!;
    const rows = [...root.querySelectorAll(".mortise-rich-table-row")];
    for (const r of rows) {
      const clone = r.cloneNode(true) as Element;
      clone.querySelector("paynudge-badge")?.remove();
      r.replaceWith(clone);
    }
    await new Promise((r) => setTimeout(r, 150));
    await watcher.scan();
    expect(badgeCount()).toBe(3);
    for (const r of root.querySelectorAll(".mortise-rich-table-row"))
      expect(r.querySelectorAll("paynudge-badge").length).toBe(1);
    expect(batches.length).toBe(1);
    // The countdown ticks: the deadline it implies is the same, nothing is re-reported.
    const countdown = root.querySelector('[class*="index_countdown"]')!;
    countdown.textContent = "剩余29分20秒"; // rounds to another minute than 29分59秒
    await new Promise((r) => setTimeout(r, 150));
    await watcher.scan();
    expect(batches.length).toBe(1);
    // A page turn removes the rows.
    rows[0]!.ownerDocument
      .querySelectorAll(".mortise-rich-table-row")
      .forEach((r, i) => i > 0 && r.remove());
    await until(
      () => badgeCount(),
      (n) => n === 1,
      3000,
    );
  });

  it("a list drawn again takes its badges back in the page's own task, before the browser lays it out", async () => {
    const url = "https://fxg.jinritemai.com/ffa/morder/order/list";
    const adapters = adaptersFor(new URL(url));
    await renderInto("douyin.html", url, adapters);
    const { batches, report } = fakeBackground();
    const watcher = watch(adapters, report);
    await watcher.scan();
    const root = document.getElementById("__GARFISH_SSR_ECOM_FXG_ADMIN_DOM")!;
    const rows = [...root.querySelectorAll(".mortise-rich-table-row")];
    const hosts = rows.map((r) => r.querySelector("paynudge-badge"));
    expect(hosts.every(Boolean)).toBe(true);
    // Fresh copies of the rows, as a single-page app draws its list again; the last one's text
    // differs, so that it cannot be told from its look alone.
    const copies = rows.map((r) => {
      const copy = r.cloneNode(true) as Element;
      copy.querySelector("paynudge-badge")?.remove();
      return copy;
    });
    copies.at(-1)!.append("·");
    rows.forEach((r, i) => r.replaceWith(copies[i]!));
    // The page watcher's mutation callback: a microtask of the task that drew the list.
    await Promise.resolve();
    copies
      .slice(0, -1)
      .forEach((copy, i) =>
        expect(copy.querySelector("paynudge-badge")).toBe(hosts[i]),
      );
    expect(copies.at(-1)!.querySelector("paynudge-badge")).toBeNull();
    // The next pass reads the rows as usual: the last one gets its badge back, nothing is new.
    await until(
      () => copies.at(-1)!.querySelectorAll("paynudge-badge").length,
      (n) => n === 1,
      3000,
    );
    await watcher.scan();
    expect(badgeCount()).toBe(3);
    for (const copy of copies)
      expect(copy.querySelectorAll("paynudge-badge").length).toBe(1);
    expect(batches.length).toBe(1);
  });

  it("only what changed is read again: a countdown tick reads nothing, a jump or a status change reads its row alone, a row added reads the page", async () => {
    const url = "https://fxg.jinritemai.com/ffa/morder/order/list";
    const adapters = adaptersFor(new URL(url));
    await renderInto("douyin.html", url, adapters);
    const adapter = adapters.find((a) => a.findRows(document).length)!;
    const findRows = vi.spyOn(adapter, "findRows");
    const parseRow = vi.spyOn(adapter, "parseRow");
    const { batches, report } = fakeBackground();
    const watcher = watch(adapters, report);
    await watcher.scan();
    expect(badgeCount()).toBe(3);
    const root = document.getElementById("__GARFISH_SSR_ECOM_FXG_ADMIN_DOM")!;
    const rows = [...root.querySelectorAll(".mortise-rich-table-row")];
    const settle = () => new Promise((r) => setTimeout(r, 200));
    findRows.mockClear();
    parseRow.mockClear();

    // The countdown ticks, every second for three seconds' worth: the deadline it names is the one
    // read already, so neither the page nor the row is read again, and nothing is re-reported.
    const countdown = root.querySelector('[class*="index_countdown"]')!;
    const tickRow = rows.find((r) => r.contains(countdown))!;
    for (const left of ["剩余29分58秒", "剩余29分57秒", "剩余29分56秒"]) {
      countdown.textContent = left;
      await settle();
    }
    expect(findRows).not.toHaveBeenCalled();
    expect(parseRow).not.toHaveBeenCalled();
    expect(batches.length).toBe(1);

    // The platform corrects it by minutes: that row alone is read, its new deadline reported.
    countdown.textContent = "剩余4分10秒";
    await until(
      () => batches.length,
      (n) => n === 2,
      3000,
    );
    expect(parseRow.mock.calls.map(([r]) => r)).toEqual([tickRow]);
    const [moved] = batches[1]!.orders;
    expect(batches[1]!.orders).toHaveLength(1);
    expect(Math.abs(moved!.closesAt! - (NOW + 250_000))).toBeLessThan(60_000);
    expect(findRows).not.toHaveBeenCalled();

    // A row's status changes in place: that order alone is read and reported, its badge follows.
    const unpaid = batches[0]!.orders.find((o) => o.status === "unpaid")!;
    const row = rows.find(
      (r) => adapter.parseRow(r, { now: NOW })?.orderId === unpaid.orderId,
    )!;
    parseRow.mockClear();
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node && node.textContent!.trim() !== unpaid.statusText)
      node = walker.nextNode();
    node!.textContent = PAID_WORD.douyin!;
    await until(
      () => batches.length,
      (n) => n === 3,
      3000,
    );
    expect(batches[2]!.orders.map((o) => [o.orderId, o.status])).toEqual([
      [unpaid.orderId, "paid"],
    ]);
    expect(badges()[unpaid.orderId]).toBe("paid");
    expect(findRows).not.toHaveBeenCalled();
    expect(parseRow.mock.calls.map(([r]) => r)).toEqual([row]);

    // A new row is not inside any badged row: the page is read whole, and it gets its badge.
    const added = rows[0]!.cloneNode(true) as Element;
    added.querySelector("paynudge-badge")?.remove();
    rows.at(-1)!.after(added);
    await until(
      () => findRows.mock.calls.length,
      (n) => n > 0,
      3000,
    );
    expect(badgeCount()).toBe(3);
  });

  it("new orders' badges go into their rows once with their states (one layout, not two); unanswered, without", async () => {
    const adapters = await pddPage();
    const bg = fakeBackground();
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const report = vi.fn(async (batch: OrdersSeen) => {
      await answered;
      return bg.report(batch);
    });
    const watcher = watch(adapters, report);
    const scanned = watcher.scan();
    await until(
      () => report.mock.calls.length,
      (n) => n === 1,
      3000,
    );
    // Read and reported, not answered yet: no empty badge in any row.
    expect(badgeCount()).toBe(0);
    answer();
    await scanned;
    expect(badgeCount()).toBe(5);
    expect(Object.values(badges()).every((state) => state)).toBe(true);

    // The background cannot answer: the badges go in anyway, with no state to show.
    controller!.abort();
    document.body.replaceChildren();
    const failing = vi.fn(async () => {
      throw new Error("background gone");
    });
    await pddPage();
    const again = watch(adapters, failing);
    await again.scan();
    expect(failing).toHaveBeenCalled();
    expect(badgeCount()).toBe(5);
  });

  it("badges drawn over several tasks go into their rows together, once the last is drawn", async () => {
    const adapters = await pddPage();
    const bg = fakeBackground();
    // A slow machine: every badge's drawing outlasts a draw slice, so each is drawn in a task of
    // its own. Placed as they were drawn, the first went into its row alone, and the browser laid
    // the list out once per few badges rather than once per batch.
    let clock = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (clock += 10));
    const hosts: Element[] = [];
    const create = document.createElement.bind(document);
    vi.spyOn(document, "createElement").mockImplementation(
      (tag: string, options?: ElementCreationOptions) => {
        const element = create(tag, options);
        if (tag === "paynudge-badge") hosts.push(element);
        return element;
      },
    );
    /** At each badge going into a row: how many badges had their state drawn. */
    const drawnAtPlacing: number[] = [];
    const insert = Node.prototype.insertBefore;
    vi.spyOn(Node.prototype, "insertBefore").mockImplementation(function (
      this: Node,
      node,
      child,
    ) {
      if (hosts.includes(node as Element))
        drawnAtPlacing.push(
          hosts.filter((h) => h.getAttribute("data-paynudge-state")).length,
        );
      return insert.call(this, node, child) as never;
    });
    await watch(adapters, bg.report).scan();
    expect(badgeCount()).toBe(5);
    expect(drawnAtPlacing).toEqual([5, 5, 5, 5, 5]);
  });

  it("its reading counts what the badges show, and a row repeating another's order as skipped", async () => {
    const adapters = await pddPage();
    const row = adapters[0]!.findRows(document)[0]!;
    const copy = row.cloneNode(true) as Element;
    copy.querySelector("paynudge-badge")?.remove();
    row.after(copy);
    const bg = fakeBackground();
    const watcher = watch(adapters, bg.report);
    await watcher.scan();
    const reading = watcher.reading();
    expect(badgeCount()).toBe(5);
    expect(reading).toMatchObject({ rows: 6, orders: 5 });
    expect(reading.unpaid).toBe(
      bg.batches[0]!.orders.filter((o) => o.status === "unpaid").length,
    );
    expect(reading.skipped.map(({ reason, count }) => [reason, count])).toEqual(
      [["duplicate", 1]],
    );
  });

  it("a route change picks the adapters again; aborting removes every badge and stops reporting", async () => {
    const adapters = await pddPage();
    let current: readonly PlatformAdapter[] = [];
    const { batches, report } = fakeBackground();
    const watcher = watch(() => current, report);
    await watcher.scan();
    expect(badgeCount()).toBe(0);
    current = adapters; // the SPA navigated to the order list
    window.dispatchEvent(new PopStateEvent("popstate"));
    await until(
      () => badgeCount(),
      (n) => n === 5,
      3000,
    );
    controller!.abort();
    expect(badgeCount()).toBe(0);
    const reported = batches.length;
    document.body.append(document.createElement("div"));
    await new Promise((r) => setTimeout(r, 150));
    expect(batches.length).toBe(reported);
  });

  it("refresh: badges take what the background knows now, without the rows changing", async () => {
    const adapters = await pddPage();
    const bg = fakeBackground();
    const watcher = watch(adapters, bg.report, bg.viewsFor);
    await watcher.scan();
    const [key, view] = [...bg.known].find(([, v]) => v.status === "unpaid")!;
    const host = () =>
      document.querySelector(`[data-paynudge-order="${view.orderId}"]`)!;
    expect(host().getAttribute("data-paynudge-due")).toBe(
      String(NOW + 3_600_000),
    );
    // The popup snoozed it for an hour and a half: the plan moved, the page did not.
    bg.known.set(key, {
      ...view,
      nextDueAt: NOW + 90 * 60_000,
      snoozedUntil: NOW + 90 * 60_000,
    });
    await watcher.refresh();
    expect(host().getAttribute("data-paynudge-due")).toBe(
      String(NOW + 90 * 60_000),
    );
    expect(host().getAttribute("data-paynudge-state")).toBe("snoozed");
    expect(bg.batches.length).toBe(1);
    expect(bg.viewsFor).toHaveBeenCalledWith(
      expect.arrayContaining([...bg.known.keys()]),
    );
  });

  it("refresh after all data was deleted: the orders on the page are reported again as new", async () => {
    const adapters = await pddPage();
    const bg = fakeBackground();
    const watcher = watch(adapters, bg.report, bg.viewsFor);
    await watcher.scan();
    const first = bg.batches[0]!.orders.map((o) => o.orderId).sort();
    bg.known.clear();
    await watcher.refresh();
    expect(bg.batches.length).toBe(2);
    expect(bg.batches[1]!.orders.map((o) => o.orderId).sort()).toEqual(first);
    expect(badgeCount()).toBe(first.length);
  });

  it("refresh with the platform switched off takes every badge away, and switched on brings them back", async () => {
    const adapters = await pddPage();
    let on = true;
    const bg = fakeBackground();
    const watcher = watch(() => (on ? adapters : []), bg.report, bg.viewsFor);
    await watcher.scan();
    expect(badgeCount()).toBe(5);
    on = false;
    await watcher.refresh();
    expect(badgeCount()).toBe(0);
    on = true;
    await watcher.refresh();
    expect(badgeCount()).toBe(5);
  });

  it("a page of 1 000 orders is badged in slices that leave the main thread free", async () => {
    const url = "https://erp.example.com/orders";
    const list = document.createElement("ul");
    for (let i = 0; i < 1000; i++) {
      const li = document.createElement("li");
      li.textContent = `订单号：${7000000000000 + i} 2024-05-18 14:32:07 ¥12.00 ${i % 3 ? "已发货" : "待付款"}`;
      list.append(li);
    }
    document.body.append(list);
    const { report } = fakeBackground();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const watcher = watch(adaptersFor(new URL(url), { granted: true }), report);
    await watcher.scan();
    clearInterval(timer);
    expect(badgeCount()).toBe(1000);
    expect(
      new Set(
        [...document.querySelectorAll("[data-paynudge-order]")].map((b) =>
          b.getAttribute("data-paynudge-order"),
        ),
      ).size,
    ).toBe(1000);
    expect(ticks).toBeGreaterThan(0);
  });
});
