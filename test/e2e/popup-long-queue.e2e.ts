import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startExtension,
  until,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

const MIN = 60_000;
/** A promotion day's backlog: more overdue orders than the popup counts or reads at first. */
const OVERDUE = 130;

let ext: Extension;
let popup: Page;

const ids = () =>
  popup.$$eval('[data-group="overdue"] [data-paynudge-popup-item]', (els) =>
    els.map((el) => el.getAttribute("data-paynudge-popup-item")!),
  );

beforeAll(async () => {
  ext = await startExtension();
  popup = await ext.extPage();
  // The popup's own read has opened (and so created) the database at its current schema.
  await popup.waitForSelector(".status.empty");
  const now = Date.now();
  await popup.evaluate(
    ({ count, now, MIN }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("paynudge");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("orders", "readwrite");
          const store = tx.objectStore("orders");
          for (let i = 0; i < count; i++) {
            const orderId = String(3905127700000000000n + BigInt(i));
            store.put({
              key: `taobao:${orderId}`,
              platform: "taobao",
              orderId,
              status: "unpaid",
              createdAt: now - 5 * 60 * MIN,
              buyer: `买家${i}**`,
              items: [{ title: `商品 ${i}` }],
              pageUrl:
                "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
              firstSeenAt: now - 5 * 60 * MIN,
              lastSeenAt: now,
              nudgeCount: 0,
              // The first one fell due earliest: the popup lists it first.
              nextDueAt: now - 4 * 60 * MIN + i * MIN,
              nextStep: "first",
              nextChannel: "chat",
              deadlineAt: now + 60 * 60 * MIN,
            });
          }
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { count: OVERDUE, now, MIN },
  );
  await popup.reload();
  await popup.waitForSelector(
    '[data-group="overdue"] [data-action="show-more"]',
  );
  // The front tab, as the agent's popup is: headless Chromium draws no frames for a tab behind
  // another, and each click then waited seconds for the button to be seen still (CI timed out so).
  await popup.bringToFront();
});

afterAll(async () => {
  await ext?.close();
});

describe("a long queue in the popup", () => {
  it("shows the soonest page with a capped count, and the next page when asked", async () => {
    const first = await ids();
    expect(first).toHaveLength(20);
    expect(first[0]).toBe("3905127700000000000");
    expect(
      await popup.locator('[data-group="overdue"] .count').textContent(),
    ).toBe("99+");
    expect(
      await popup.locator('[data-group="overdue"] .more span').textContent(),
    ).toBe("还有 79 个以上订单未显示，请先处理上面的。");

    await popup
      .locator('[data-group="overdue"] [data-action="show-more"]')
      .click();
    const more = await until(ids, (shown) => shown.length === 40);
    // The same first page, then the next orders in due order.
    expect(more.slice(0, 20)).toEqual(first);
    expect(more[20]).toBe("3905127700000000020");
    expect(more[39]).toBe("3905127700000000039");
  });

  it("counts to the end and offers no more once every order is shown", async () => {
    for (let shown = 40; shown < OVERDUE; shown += 20) {
      await popup
        .locator('[data-group="overdue"] [data-action="show-more"]')
        .click();
      await until(ids, (rows) => rows.length === Math.min(OVERDUE, shown + 20));
    }
    expect(
      await popup.locator('[data-group="overdue"] .count').textContent(),
    ).toBe(String(OVERDUE));
    expect(await popup.locator('[data-group="overdue"] .more').count()).toBe(0);
  });
});
