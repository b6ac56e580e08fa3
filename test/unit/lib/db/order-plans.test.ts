import { beforeEach, describe, expect, it } from "vitest";
import { logNudge } from "@/lib/db/order-actions";
import { replanUnpaid } from "@/lib/db/order-plans";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { PayNudgeDB } from "@/lib/db/schema";
import { nudgeState } from "@/lib/model/nudge-state";
import type { OrderSnapshot } from "@/lib/model/order";
import { noSlotText, toView } from "@/lib/model/order-view";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";
import { setSetting } from "@/lib/schemas/settings";
import { ROW_SCHEMAS } from "@/lib/schemas/stored-rows";

/* Why no nudge is planned, kept on the order wherever its plan is written (issue #13). */

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();

const snap = (
  id: string,
  createdAt: number,
  extra: Partial<OrderSnapshot> = {},
): OrderSnapshot => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt,
  buyer: "牛**",
  items: [{ title: "杯子" }],
  ...extra,
});
const see = async (orders: OrderSnapshot[], now: number) =>
  upsertSeenOrders(
    db,
    parseOrdersSeen({
      pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      orders,
    }),
    now,
    await loadEngineSettings(db),
  );

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

describe("the no-slot cause on the order", () => {
  it("quiet hours until the deadline: stored, carried to the badge's view, a valid backup row; cleared once a slot exists", async () => {
    await setSetting(db, "closeAfterMs", { taobao: 30 * MIN });
    await see([snap("1", at(23, 2, 30))], at(23, 2, 35));
    const row = (await db.orders.get("taobao:1"))!;
    expect(row.nextDueAt).toBeUndefined();
    expect(row.noSlotCause).toBe("quiet-hours");
    expect(nudgeState(row, at(23, 2, 35))).toBe("no-slot");
    expect(toView(row).noSlotCause).toBe("quiet-hours");
    expect(noSlotText(row, at(23, 2, 35), "zh")).toBe("静默时段至关闭");
    expect(ROW_SCHEMAS.orders.safeParse(row).success).toBe(true);
    expect(
      ROW_SCHEMAS.orders.safeParse({ ...row, noSlotCause: "paused" }).success,
    ).toBe(false);

    // The seller opens the night: a slot exists, and the cause goes.
    await setSetting(db, "quietHours", []);
    await replanUnpaid(db, at(23, 2, 40), await loadEngineSettings(db));
    const after = (await db.orders.get("taobao:1"))!;
    expect(after.nextDueAt).toBeDefined();
    expect(after.noSlotCause).toBeUndefined();
  });

  it("the buyer cap: three nudges to the buyer leave their other order no slot before it closes", async () => {
    await setSetting(db, "closeAfterMs", { taobao: 2 * HOUR });
    const T0 = at(23, 12);
    await see(
      ["1", "2", "3", "4"].map((id) => snap(id, T0)),
      T0 + MIN,
    );
    expect((await db.orders.get("taobao:4"))?.noSlotCause).toBeUndefined();
    for (const [id, m] of [
      ["1", 30],
      ["2", 31],
      ["3", 32],
    ] as const) {
      await logNudge(
        db,
        `taobao:${id}`,
        { channel: "chat", at: at(23, 12, m) },
        at(23, 12, m),
        await loadEngineSettings(db),
      );
    }
    const row = (await db.orders.get("taobao:4"))!;
    expect(row.nextDueAt).toBeUndefined();
    expect(row.noSlotCause).toBe("buyer-cap");
    expect(nudgeState(row, at(23, 12, 40))).toBe("no-slot");
    expect(noSlotText(row, at(23, 12, 40), "zh")).toBe("已达买家催付上限");
    // Past the deadline the order has expired: no cause is shown.
    expect(noSlotText(row, at(23, 14, 1), "zh")).toBe("");
  });
});
