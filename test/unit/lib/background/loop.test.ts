import { beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleMessageFor } from "@/lib/background/order-actions";
import { handleViewsFor } from "@/lib/background/orders-seen";
import { handleOrdersSeen } from "@/test/support/seen";
import { pagesChanged } from "@/lib/background/page-sync";
import { ALARM_NAME, runDueCheck } from "@/lib/background/due-check";
import { notificationId } from "@/lib/background/notification-ids";
import { PayNudgeDB } from "@/lib/db/schema";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const order = (id: string, minutesAgo: number, status = "unpaid") => ({
  platform: "taobao",
  orderId: id,
  status,
  createdAt: NOW - minutesAgo * MIN,
  buyer: "牛**",
  amountCents: 23900,
  items: [{ title: "珊瑚绒四件套" }],
});

let db: PayNudgeDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

async function notificationIds() {
  return Object.keys(await fakeBrowser.notifications.getAll()).sort();
}

describe("background: seen orders → notifications and one alarm", () => {
  it("notifies due orders, arms one alarm for the next one, and shows the count on the icon", async () => {
    await handleOrdersSeen(
      db,
      {
        pageUrl: page,
        orders: [order("1", 40), order("2", 10), order("3", 50, "paid")],
      },
      NOW,
    );
    expect(await notificationIds()).toEqual([
      notificationId("taobao:1", NOW - 10 * MIN),
    ]);
    const alarm = await fakeBrowser.alarms.get(ALARM_NAME);
    expect(alarm?.scheduledTime).toBe(NOW + 20 * MIN);
    expect(await fakeBrowser.action.getBadgeText({})).toBe("1");
  });

  it("never notifies the same due nudge twice, however often it runs", async () => {
    let created = 0;
    fakeBrowser.notifications.onClosed.addListener(() => undefined);
    const original = fakeBrowser.notifications.create.bind(
      fakeBrowser.notifications,
    );
    fakeBrowser.notifications.create = (async (
      ...args: Parameters<typeof original>
    ) => {
      created += 1;
      return original(...args);
    }) as typeof original;
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40)] },
      NOW,
    );
    await runDueCheck(db, NOW + MIN);
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40)] },
      NOW + 2 * MIN,
    );
    await runDueCheck(db, NOW + 3 * MIN);
    expect(created).toBe(1);
  });

  it("withdraws the notification when the row shows the order paid", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40)] },
      NOW,
    );
    expect(await notificationIds()).toHaveLength(1);
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40, "paid")] },
      NOW + MIN,
    );
    expect(await notificationIds()).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe("");
    expect(await fakeBrowser.alarms.get(ALARM_NAME)).toBeUndefined();
  });

  it("fills the message for an order and rejects unknown or malformed requests", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, shopName: "暖暖小铺", orders: [order("1", 40)] },
      NOW,
    );
    const reply = await handleMessageFor(db, { key: "taobao:1" }, NOW);
    expect(reply.text).toContain("牛**");
    expect(reply.text).toContain("珊瑚绒四件套");
    expect(reply.text).toContain("暖暖小铺");
    expect(reply.text).toContain("¥239.00");
    await expect(
      handleMessageFor(db, { key: "taobao:404" }, NOW),
    ).rejects.toThrow(/unknown order/);
    await expect(handleMessageFor(db, { nope: 1 }, NOW)).rejects.toThrow();
  });

  it("refuses a malformed batch without touching stored orders", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 40)] },
      NOW,
    );
    await expect(
      handleOrdersSeen(db, { pageUrl: 42, orders: [] }, NOW),
    ).rejects.toThrow();
    expect(await db.orders.count()).toBe(1);
  });
});

describe("background: what open pages are told", () => {
  it("answers a page's badges with what it knows now, leaving out orders it does not know", async () => {
    await handleOrdersSeen(
      db,
      { pageUrl: page, orders: [order("1", 10), order("2", 5, "paid")] },
      NOW,
    );
    const views = await handleViewsFor(db, {
      keys: ["taobao:2", "taobao:1", "taobao:999"],
    });
    expect(views.map((v) => [v.key, v.status])).toEqual([
      ["taobao:2", "paid"],
      ["taobao:1", "unpaid"],
    ]);
    expect(views[1]!.nextDueAt).toBe(NOW + 20 * MIN);
    await expect(handleViewsFor(db, { keys: [42] })).rejects.toThrow();
    await expect(
      handleViewsFor(db, { keys: Array(5001).fill("taobao:1") }),
    ).rejects.toThrow();
  });

  it("signals every web tab once after a burst of writes, and nothing crosses but the signal", async () => {
    const sent: unknown[] = [];
    const original = fakeBrowser.tabs.sendMessage;
    onTestFinished(() => {
      fakeBrowser.tabs.sendMessage = original;
    });
    fakeBrowser.tabs.sendMessage = (async (tabId: number, message: unknown) => {
      sent.push([tabId, message]);
    }) as typeof fakeBrowser.tabs.sendMessage;
    const shop = await fakeBrowser.tabs.create({ url: page });
    await fakeBrowser.tabs.create({ url: "chrome-extension://x/popup.html" });
    pagesChanged();
    pagesChanged();
    pagesChanged();
    await new Promise((r) => setTimeout(r, 120));
    expect(sent).toHaveLength(1);
    const [tabId, message] = sent[0] as [
      number,
      { type: string; data: unknown },
    ];
    expect(tabId).toBe(shop.id);
    expect(message).toMatchObject({ type: "ordersChanged" });
    expect(message.data).toBeUndefined();
  });
});
