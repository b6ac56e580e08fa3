import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  badgeStates,
  closedRoot,
  orderPage,
  putSettings,
  startExtension,
  startServer,
  waitForBadges,
  type Extension,
} from "@/test/support/browser/harness";

const MIN = 60_000;
const PAGE = "/paynudge-demo/no-slot.htm";
const OPEN_ID = "3905120000000000101";
const CLOSED_ID = "3905120000000000102";

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;

/** Minute of the local day, as the engine's day windows count it. */
const minuteOfDay = (at: number) => {
  const d = new Date(at);
  return d.getHours() * 60 + d.getMinutes();
};

beforeAll(async () => {
  // Two unpaid orders on a 30-minute close window: one placed 5 minutes ago (25 minutes left),
  // one placed 40 minutes ago (its deadline has passed).
  server = await startServer({
    routes: [
      orderPage(PAGE, () => [
        {
          id: OPEN_ID,
          createdAt: Date.now() - 5 * MIN,
          status: "等待买家付款" as const,
          buyer: "夜***猫",
          items: [
            {
              title: "羊毛围巾",
              sku: "颜色：酒红",
              price: "129.00",
              quantity: 1,
            },
          ],
          total: "129.00",
        },
        {
          id: CLOSED_ID,
          createdAt: Date.now() - 40 * MIN,
          status: "等待买家付款" as const,
          buyer: "晨***露",
          items: [
            {
              title: "棉麻桌布",
              sku: "尺寸：140x180",
              price: "59.00",
              quantity: 1,
            },
          ],
          total: "59.00",
        },
      ]),
    ],
  });
  ext = await startExtension();
  // Quiet hours from an hour ago to two hours ahead, whatever hour the suite runs at: no nudge
  // may fit before the open order's deadline.
  const now = minuteOfDay(Date.now());
  await putSettings(await ext.extPage(), {
    quietHours: [{ from: (now + 1440 - 60) % 1440, to: (now + 120) % 1440 }],
    channelWindows: {},
    closeAfterMs: { taobao: 30 * MIN },
  });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("an order no nudge can reach before it closes", () => {
  it("says so on its badge, never 超时未付 while its deadline is ahead, and nothing is due", async () => {
    const shop = await ext.context.newPage();
    await shop.goto(server.origin + PAGE);
    await waitForBadges(shop, 2);
    const states = await badgeStates(shop);
    expect(states[OPEN_ID]).toEqual({ state: "no-slot", due: "" });
    expect(states[CLOSED_ID]?.state).toBe("expired");
    const badge = closedRoot(shop, `[data-paynudge-order="${OPEN_ID}"]`);
    expect(await badge.text("button")).toContain("关闭前无可催时段");
    expect(await badge.text("button")).not.toContain("超时未付");
  });
});
