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
  type Page,
} from "@/test/support/browser/harness";

const MIN = 60_000;
const PAGE = "/paynudge-demo/no-slot.htm";
const OPEN_ID = "3905120000000000101";
const CLOSED_ID = "3905120000000000102";
// The same buyer as OPEN_ID: the buyer cap counts their nudges across all three orders.
const SIBLING_ID = "3905120000000000103";
const THIRD_ID = "3905120000000000104";

let server: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

/** Minute of the local day, as the engine's day windows count it. */
const minuteOfDay = (at: number) => {
  const d = new Date(at);
  return d.getHours() * 60 + d.getMinutes();
};

beforeAll(async () => {
  // Unpaid orders on a 30-minute close window: three of one buyer placed 5 minutes ago (25 minutes
  // left), one placed 40 minutes ago (its deadline has passed).
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
        {
          id: SIBLING_ID,
          createdAt: Date.now() - 5 * MIN,
          status: "等待买家付款" as const,
          buyer: "夜***猫",
          items: [
            {
              title: "羊毛手套",
              sku: "颜色：酒红",
              price: "69.00",
              quantity: 1,
            },
          ],
          total: "69.00",
        },
        {
          id: THIRD_ID,
          createdAt: Date.now() - 5 * MIN,
          status: "等待买家付款" as const,
          buyer: "夜***猫",
          items: [
            { title: "羊毛帽", sku: "颜色：酒红", price: "49.00", quantity: 1 },
          ],
          total: "49.00",
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
    softWindow: { on: false, from: 17 * 60, to: 19 * 60 },
    closeAfterMs: { taobao: 30 * MIN },
  });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe("an order no nudge can reach before it closes", () => {
  it("says so on its badge, and why (quiet hours until the close), never 超时未付 while its deadline is ahead, and nothing is due", async () => {
    shop = await ext.context.newPage();
    await shop.goto(server.origin + PAGE);
    await waitForBadges(shop, 4);
    const states = await badgeStates(shop);
    expect(states[OPEN_ID]).toEqual({ state: "no-slot", due: "" });
    expect(states[CLOSED_ID]?.state).toBe("expired");
    const badge = closedRoot(shop, `[data-paynudge-order="${OPEN_ID}"]`);
    const text = await badge.text("button");
    expect(text).toContain("关闭前无可催时段");
    expect(text).toContain("静默时段至关闭");
    expect(text).not.toContain("超时未付");
  });

  it("names the buyer cap once three nudges to the buyer leave their other orders no slot, on the badge and in the popup", async () => {
    const ext_ = await ext.extPage();
    const send = (type: string, data: unknown) =>
      ext_.evaluate(
        ([type, data]) =>
          new Promise<{ res?: unknown; err?: unknown }>((resolve) =>
            chrome.runtime.sendMessage(
              { id: 1, type, data, timestamp: Date.now() },
              resolve,
            ),
          ),
        [type, data] as const,
      );
    // The night ends: the orders of the buyer get a nudge before they close.
    expect((await send("saveEngineSettings", { quietHours: [] })).err).toBe(
      undefined,
    );
    await expect
      .poll(async () => (await badgeStates(shop))[SIBLING_ID]?.due)
      .toMatch(/^\d+$/);
    // Three nudges to the buyer (one on SIBLING_ID, two on OPEN_ID): the cap (3 in 24 h) leaves
    // their orders none before they close.
    for (const [id, again] of [
      [SIBLING_ID, false],
      [OPEN_ID, false],
      [OPEN_ID, true],
    ] as const) {
      const reply = await send("logNudge", {
        key: `taobao:${id}`,
        channel: "chat",
        at: Date.now(),
        again,
      });
      expect(reply.err).toBeUndefined();
    }
    await expect
      .poll(async () => (await badgeStates(shop))[THIRD_ID])
      .toEqual({ state: "no-slot", due: "" });
    const badge = closedRoot(shop, `[data-paynudge-order="${THIRD_ID}"]`);
    await expect.poll(() => badge.text("button")).toContain("已达买家催付上限");
    expect(await badge.text("button")).not.toContain("静默时段至关闭");

    // The popup lists SIBLING_ID (nudged today, the cap leaves it no slot) and says why it waits.
    const popup = await ext.context.newPage();
    await popup.goto(ext.popupUrl);
    await expect
      .poll(() =>
        popup
          .locator(`[data-paynudge-popup-item="${SIBLING_ID}"]`)
          .textContent()
          .catch(() => ""),
      )
      .toContain("已达买家催付上限");

    // THIRD_ID (never nudged) and SIBLING_ID (nudged today) are listed under 关闭前无可催时段, each
    // with its cause and its close, SIBLING_ID there and not under 今日已催; neither offers a
    // message to copy or a nudge to log.
    const noSlot = popup.locator('[data-group="noSlot"]');
    await expect
      .poll(() =>
        noSlot
          .locator("h2")
          .textContent()
          .catch(() => ""),
      )
      .toMatch(/^关闭前无可催时段 \d+$/);
    for (const id of [THIRD_ID, SIBLING_ID]) {
      const row = noSlot.locator(`[data-paynudge-popup-item="${id}"]`);
      expect(await row.locator(".due").textContent()).toBe("已达买家催付上限");
      // The clock time, with its date when the close falls after midnight (a run at 23:40).
      expect(await row.locator(".closes").textContent()).toMatch(
        /^(\d\d-\d\d )?\d\d:\d\d 自动关闭 · \d+分后$/,
      );
      expect(await row.locator('[data-action="copy"]').count()).toBe(0);
      expect(await row.locator('[data-action="nudged"]').count()).toBe(0);
    }
    // Done today is drawn (OPEN_ID, nudged twice, is there) without SIBLING_ID.
    const done = popup.locator('[data-group="done"]');
    expect(
      await done.locator(`[data-paynudge-popup-item="${OPEN_ID}"]`).count(),
    ).toBe(1);
    expect(
      await done.locator(`[data-paynudge-popup-item="${SIBLING_ID}"]`).count(),
    ).toBe(0);
  });
});
