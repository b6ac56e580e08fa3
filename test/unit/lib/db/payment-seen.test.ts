import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  handleRestoreOrder,
  handleSetOrderStatus,
} from "@/lib/background/order-actions";
import { wipeAll } from "@/lib/db/backup";
import { PayNudgeDB } from "@/lib/db/schema";
import type { OrderStatus, StoredOrder } from "@/lib/model/order";
import { exportBackup, restoreBackup } from "@/lib/schemas/backup-file";
import { handleOrdersSeen } from "@/test/support/seen";

/*
 * When PayNudge saw an order unpaid and saw it paid (issue 16's report): set where the background
 * merges a page's rows and where the agent marks an order paid, put back by the popup's undo, kept
 * by a backup.
 */

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const PAGE = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";

const row = (id: string, status: OrderStatus, extra = {}) => ({
  platform: "taobao",
  orderId: id,
  status,
  createdAt: NOW - 40 * MIN,
  buyer: `买家${id}`,
  amountCents: 23_900,
  items: [{ title: `商品${id}` }],
  ...extra,
});

let db: PayNudgeDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

const seen = (orders: unknown[], at: number) =>
  handleOrdersSeen(db, { pageUrl: PAGE, orders }, at);
const stored = async (id: string): Promise<StoredOrder> =>
  (await db.orders.get(`taobao:${id}`))!;
const marks = (o: StoredOrder) => ({
  unpaidSeenAt: o.unpaidSeenAt,
  paidSeenAt: o.paidSeenAt,
  paidAt: o.paidAt,
});

describe("an order seen unpaid, then paid, on its page", () => {
  it.each([
    {
      what: "seen unpaid, then paid: both first sights",
      pages: ["unpaid", "unpaid", "paid", "paid"],
      want: { unpaidSeenAt: NOW, paidSeenAt: NOW + 2 * MIN },
    },
    {
      what: "first seen paid: seen paid, never unpaid",
      pages: ["paid", "paid"],
      want: { unpaidSeenAt: undefined, paidSeenAt: NOW },
    },
    {
      what: "paid then closed (a refund): the payment stays as first seen",
      pages: ["unpaid", "paid", "closed"],
      want: { unpaidSeenAt: NOW, paidSeenAt: NOW + MIN },
    },
    {
      what: "closed unpaid: never seen paid",
      pages: ["unpaid", "closed"],
      want: { unpaidSeenAt: NOW, paidSeenAt: undefined },
    },
    {
      what: "shown unpaid again after paid (a stale tab): nothing moves",
      pages: ["unpaid", "paid", "unpaid", "paid"],
      want: { unpaidSeenAt: NOW, paidSeenAt: NOW + MIN },
    },
  ] as const)("$what", async ({ pages, want }) => {
    for (const [i, status] of pages.entries())
      await seen([row("1", status)], NOW + i * MIN);
    expect(marks(await stored("1"))).toEqual({ ...want, paidAt: undefined });
  });

  it("keeps a payment time the page shows", async () => {
    await seen([row("1", "unpaid")], NOW);
    await seen([row("1", "paid", { paidAt: NOW + 30_000 })], NOW + MIN);
    expect(marks(await stored("1"))).toEqual({
      unpaidSeenAt: NOW,
      paidSeenAt: NOW + MIN,
      paidAt: NOW + 30_000,
    });
  });

  it("gives an order stored paid before these were kept no payment sight: its time is unknown", async () => {
    await seen([row("1", "paid")], NOW);
    const old = await stored("1");
    delete old.paidSeenAt;
    await db.orders.put(old);
    await seen([row("1", "paid")], NOW + 2 * 60 * MIN);
    expect((await stored("1")).paidSeenAt).toBeUndefined();
  });
});

describe("an order marked paid by hand", () => {
  it("is first seen paid at the mark; the page showing it paid later keeps that moment", async () => {
    await seen([row("1", "unpaid")], NOW);
    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "paid" },
      NOW + MIN,
    );
    // The page still shows it unpaid for a while (the mark holds), then paid.
    await seen([row("1", "unpaid")], NOW + 2 * MIN);
    await seen([row("1", "paid")], NOW + 3 * MIN);
    expect(marks(await stored("1"))).toMatchObject({
      unpaidSeenAt: NOW,
      paidSeenAt: NOW + MIN,
    });
  });

  it("marked closed: no payment seen", async () => {
    await seen([row("1", "unpaid")], NOW);
    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "closed" },
      NOW + MIN,
    );
    expect((await stored("1")).paidSeenAt).toBeUndefined();
  });

  it("undone from the popup: the payment sight is as it was before the mark", async () => {
    await seen([row("1", "unpaid")], NOW);
    const before = await stored("1");
    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "paid" },
      NOW + MIN,
    );
    expect((await stored("1")).paidSeenAt).toBe(NOW + MIN);
    // What the popup's restoreOrder sends from the row it held (components/popup/requests.ts).
    await handleRestoreOrder(
      db,
      { key: "taobao:1", status: before.status },
      NOW + MIN + 3_000,
    );
    expect(marks(await stored("1"))).toEqual(marks(before));
    expect((await stored("1")).status).toBe("unpaid");
  });

  it("an undo of a later mark puts an earlier payment sight back", async () => {
    await seen([row("1", "unpaid")], NOW);
    await seen([row("1", "paid")], NOW + MIN);
    const before = await stored("1");
    await handleSetOrderStatus(
      db,
      { key: "taobao:1", status: "closed" },
      NOW + 2 * MIN,
    );
    await handleRestoreOrder(
      db,
      { key: "taobao:1", status: "paid", paidSeenAt: before.paidSeenAt },
      NOW + 3 * MIN,
    );
    expect(marks(await stored("1"))).toEqual(marks(before));
    await expect(
      handleRestoreOrder(
        db,
        { key: "taobao:1", status: "paid", paidSeenAt: -5 },
        NOW,
      ),
    ).rejects.toThrow();
  });
});

describe("a backup", () => {
  it("keeps when each order was seen unpaid and paid", async () => {
    await seen([row("1", "unpaid"), row("2", "unpaid")], NOW);
    await seen(
      [row("1", "paid", { paidAt: NOW + 10_000 }), row("2", "unpaid")],
      NOW + MIN,
    );
    const before = (await db.orders.toArray()).map(marks);
    expect(before).toEqual([
      { unpaidSeenAt: NOW, paidSeenAt: NOW + MIN, paidAt: NOW + 10_000 },
      { unpaidSeenAt: NOW, paidSeenAt: undefined, paidAt: undefined },
    ]);
    const file = JSON.stringify(await exportBackup(db, NOW + 2 * MIN));
    await wipeAll(db);
    await restoreBackup(db, file);
    expect((await db.orders.toArray()).map(marks)).toEqual(before);
  });
});
