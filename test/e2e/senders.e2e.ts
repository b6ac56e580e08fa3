import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostRoutes, selfSignedTls } from "../../demo/server.mjs";
import {
  ALL_HOURS,
  badgeStates,
  dbCounts,
  dbRows,
  DEMO_PAGE,
  demoShopRoute,
  putSettings,
  sendFromContentScript,
  startExtension,
  startServer,
  waitForBadges,
  type Extension,
  type Page,
} from "@/test/support/browser/harness";

/*
 * Messages from the wrong sender, in real Chromium: the order content script's own context on an
 * ordinary order page (what a compromised page renderer controls) asks the background to wipe,
 * import, pause, rewrite settings and act on another site's orders. Each is refused with an error
 * and nothing stored changes; what a page legitimately needs still works.
 */

const PDD = "mms.pinduoduo.com/orders/list";

let server: Awaited<ReturnType<typeof startServer>>;
let platforms: Awaited<ReturnType<typeof startServer>>;
let ext: Extension;
let shop: Page;

beforeAll(async () => {
  server = await startServer({ routes: [demoShopRoute()] });
  platforms = await startServer({
    tls: await selfSignedTls(),
    routes: [
      hostRoutes({
        [PDD]: () =>
          readFileSync(
            join(__dirname, "../fixtures/platforms/pdd.html"),
            "utf8",
          ),
      }),
    ],
  });
  // Every host but localhost resolves to the fixture server: the demo shop stays on localhost.
  ext = await startExtension({ hostMap: platforms.port });
  await putSettings(await ext.extPage(), ALL_HOURS);
  shop = await ext.context.newPage();
  await shop.goto(server.origin + DEMO_PAGE);
  await waitForBadges(shop, 15);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await platforms?.close();
});

const send = (page: Page, type: string, data: unknown) =>
  sendFromContentScript(page, ext.extensionId, type, data);

const settingsRows = async () =>
  Object.fromEntries(
    (
      await dbRows<{ key: string; value: unknown }>(
        await ext.extPage(),
        "settings",
      )
    ).map((row) => [row.key, JSON.stringify(row.value)]),
  );

interface Row {
  key: string;
  pageUrl: string;
  status: string;
}
const storedOrder = async (key: string) =>
  (await dbRows<Row>(await ext.extPage(), "orders")).find(
    (row) => row.key === key,
  );
const nudges = async () => (await dbCounts(await ext.extPage())).nudges ?? 0;

describe("requests from a content script", () => {
  it("refuses every request that changes settings or data, and nothing changes", async () => {
    const [someId] = Object.keys(await badgeStates(shop));
    const key = `taobao:${someId}`;
    // What the refused requests would change. (Alerts and notices are the scheduler's: the due
    // check the page's visit set off may still be recording them.)
    const data = async () => {
      const page = await ext.extPage();
      const { orders, nudges, templates } = await dbCounts(page);
      const statuses = (
        await dbRows<{ key: string; status: string }>(page, "orders")
      ).map((o) => `${o.key}:${o.status}`);
      return {
        orders,
        nudges,
        templates,
        statuses,
        settings: await settingsRows(),
      };
    };
    const before = await data();
    const attempts: [string, unknown][] = [
      ["wipeAllData", { confirm: "DELETE" }],
      ["importBegin", { format: "paynudge-backup", version: 1, counts: {} }],
      ["importChunk", { session: "x", table: "orders", rows: [] }],
      ["importCommit", { session: "x" }],
      ["setNotificationsPaused", { paused: true }],
      ["saveEngineSettings", { quietHours: [{ from: 0, to: 1440 }] }],
      ["saveGeneralSettings", { agentName: "冒充的客服" }],
      ["setOrderStatus", { key, status: "paid" }],
      ["setPlatformEnabled", { platform: "taobao", enabled: false }],
      ["saveTemplate", { id: "x", name: "x", body: "x" }],
      ["deleteTemplate", { id: "first-new-zh" }],
      ["revokeSite", { pattern: "https://erp.example.com/*" }],
      ["syncGrantedSites", undefined],
    ];
    for (const [type, data] of attempts) {
      const reply = await send(shop, type, data);
      expect(reply.res, type).toBeUndefined();
      expect(reply.err?.message, type).toMatch(
        new RegExp(`refused "${type}": not allowed from a web page`),
      );
    }
    expect(await data()).toEqual(before);
    // Taobao was not switched off: the page keeps its badges.
    await waitForBadges(shop, 15);
  });

  it("lets a page act on its own orders only: another platform's page is refused", async () => {
    const [id] = Object.keys(await badgeStates(shop));
    const key = `taobao:${id}`;
    const own = await send(shop, "viewsFor", { keys: [key] });
    expect(own.res).toEqual([expect.objectContaining({ key })]);
    const stored = await storedOrder(key);

    // Another platform's order page, with PayNudge's content script running on it.
    const other = await ext.context.newPage();
    await other.goto(`https://${PDD}`);
    await other.waitForSelector("[data-paynudge-order]", { timeout: 15_000 });
    const nudgesBefore = await nudges();
    const log = { key, channel: "chat", at: Date.now(), agent: "冒充的客服" };
    for (const [type, data] of [
      ["logNudge", log],
      ["snooze", { key, for: "1h" }],
      ["stepDone", { key }],
      ["panelFor", { key }],
      ["messageFor", { key }],
    ] as const) {
      const reply = await send(other, type, data);
      expect(reply.err?.message, type).toMatch(/an order of another site/);
    }
    expect((await send(other, "viewsFor", { keys: [key] })).res).toEqual([]);
    // Nor can it claim the order as seen on its own page (and so make it its own)…
    const claim = await send(other, "ordersSeen", {
      pageUrl: `https://${PDD}`,
      orders: [
        {
          platform: "taobao",
          orderId: id,
          status: "paid",
          buyer: "冒充",
          items: [],
        },
      ],
    });
    expect(claim.res).toEqual([]);
    // …or report orders in another site's name.
    const forged = await send(other, "ordersSeen", {
      pageUrl: server.origin + DEMO_PAGE,
      orders: [],
    });
    expect(forged.err?.message).toMatch(/orders of another site/);
    expect(await storedOrder(key)).toEqual(stored);
    expect(await nudges()).toBe(nudgesBefore);

    // From its own site the same log is taken: the refusals above were for the sender alone.
    const taken = await send(shop, "logNudge", log);
    expect(taken.err).toBeUndefined();
    expect(await nudges()).toBe(nudgesBefore + 1);
  });
});
