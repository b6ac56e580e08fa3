import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleLogNudge } from "@/lib/background/order-actions";
import { handleOrdersSeen } from "@/test/support/seen";
import { PayNudgeDB } from "@/lib/db/schema";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";

let db: PayNudgeDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await handleOrdersSeen(
    db,
    {
      pageUrl: page,
      orders: [
        {
          platform: "taobao",
          orderId: "1",
          status: "unpaid",
          createdAt: NOW - 40 * MIN,
          buyer: "买家1",
          items: [{ title: "商品1" }],
        },
      ],
    },
    NOW,
  );
});

const log = (at: number, extra: { again?: unknown } = {}) =>
  handleLogNudge(
    db,
    { key: "taobao:1", channel: "chat", step: "first", at, ...extra },
    at,
  );

describe("logging a nudge from a page", () => {
  it("answers a repeat of the step's log with the log it repeats, and writes nothing", async () => {
    const first = await log(NOW + MIN);
    expect(first).toMatchObject({ nudgeCount: 1 });
    expect(first.duplicate).toBeUndefined();

    const repeat = await log(NOW + 2 * MIN);
    expect(repeat).toMatchObject({
      key: "taobao:1",
      nudgeCount: 1,
      duplicate: { at: NOW + MIN, step: "first" },
    });
    expect(await db.nudges.count()).toBe(1);
  });

  it("logs the step again when the request says again", async () => {
    await log(NOW + MIN);
    const again = await log(NOW + 2 * MIN, { again: true });
    expect(again.duplicate).toBeUndefined();
    expect(again.nudgeCount).toBe(2);
    expect(await db.nudges.count()).toBe(2);
  });

  it("refuses an `again` that is not a yes or no", async () => {
    await expect(log(NOW + MIN, { again: "yes" })).rejects.toThrow();
    expect(await db.nudges.count()).toBe(0);
  });
});
