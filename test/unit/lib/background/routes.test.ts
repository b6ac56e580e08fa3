import {
  afterEach,
  beforeEach,
  describe,
  expect,
  it,
  onTestFinished,
  vi,
} from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  answer,
  backgroundRoutes,
  type DestructiveRequest,
  type Routes,
} from "@/lib/background/routes";
import { RefusedError, type MessageSender } from "@/lib/background/senders";
import { PayNudgeDB } from "@/lib/db/schema";
import { manifestOf } from "@/lib/messaging/import-chunks";
import type { RequestType } from "@/lib/messaging/protocol";
import { exportBackup } from "@/lib/schemas/backup-file";
import { handleOrdersSeen } from "@/test/support/seen";
import { SHOP, contentScript, extensionPage } from "@/test/support/senders";

/*
 * The one route table, as the messenger runs it: who may ask for what. A content script runs in a
 * seller's page, which PayNudge does not control, so a request that replaces or deletes the data
 * (or withdraws a site) from one is refused before anything runs, and nothing changes.
 */

const NOW = Date.now();
const optionsPage = () => extensionPage("options.html");

let db: PayNudgeDB;
let routes: Routes;
const ask = (type: RequestType, data: unknown, sender: MessageSender) =>
  answer(type, routes[type])({ data, sender });

/** Every table's rows, to compare before and after. */
const everything = async () =>
  Object.fromEntries(
    await Promise.all(
      db.tables.map(async (table) => [table.name, await table.toArray()]),
    ),
  );

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  routes = backgroundRoutes(db);
  await handleOrdersSeen(
    db,
    {
      pageUrl: SHOP,
      orders: [
        {
          platform: "taobao",
          orderId: "1",
          status: "unpaid",
          createdAt: NOW - 40 * 60_000,
          buyer: "买家1",
          items: [{ title: "杯子" }],
        },
      ],
    },
    NOW,
  );
  await ask("saveGeneralSettings", { agentName: "阿华" }, optionsPage());
});

afterEach(() => vi.restoreAllMocks());

describe("requests that replace or delete the data, or withdraw a site", () => {
  it("are refused from a content script, and nothing changes: not the data, not an import the options page has staged", async () => {
    const before = await everything();
    const backup = await exportBackup(db, NOW);
    const begun = await ask("importBegin", manifestOf(backup), optionsPage());
    expect(begun).toMatchObject({ ok: true });
    const { session } = begun as { session: string };
    const remove = vi
      .spyOn(fakeBrowser.permissions, "remove")
      .mockResolvedValue(true);

    const attempts: Record<DestructiveRequest, unknown> = {
      wipeAllData: { confirm: "DELETE" },
      importBegin: manifestOf(backup),
      importChunk: { session, table: "orders", offset: 0, rows: [] },
      importCommit: { session },
      importAbort: { session },
      revokeSite: { pattern: "https://erp.example.com/*" },
      setRetentionDays: { days: 31 },
    };
    for (const [type, data] of Object.entries(attempts))
      await expect(
        ask(type as DestructiveRequest, data, contentScript()),
        type,
      ).rejects.toThrow(RefusedError);

    expect(await everything()).toEqual(before);
    expect(remove).not.toHaveBeenCalled();
    // The page's import is still the one staged: its chunks and commit go through.
    for (const [table, rows] of Object.entries(backup.tables))
      expect(
        await ask(
          "importChunk",
          { session, table, offset: 0, rows },
          optionsPage(),
        ),
      ).toMatchObject({ ok: true });
    expect(await ask("importCommit", { session }, optionsPage())).toMatchObject(
      { ok: true },
    );
  });

  it("are run for the extension's own pages", async () => {
    await ask("wipeAllData", { confirm: "DELETE" }, optionsPage());
    expect(await db.orders.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });
});

describe("the route table", () => {
  it("refuses every settings and data request from a content script before its handler runs", async () => {
    const pagesOnly = (Object.keys(routes) as RequestType[]).filter(
      (type) => !routes[type].from.includes("content"),
    );
    expect(pagesOnly).toEqual(
      expect.arrayContaining([
        "wipeAllData",
        "importBegin",
        "importChunk",
        "importCommit",
        "importAbort",
        "revokeSite",
        "saveGeneralSettings",
        "saveEngineSettings",
        "setNotificationsPaused",
        "setRetentionDays",
        "setOrderStatus",
        "restoreOrder",
      ]),
    );
    const before = await everything();
    for (const type of pagesOnly) {
      const handle = vi.spyOn(routes[type], "handle");
      await expect(ask(type, {}, contentScript()), type).rejects.toThrow(
        RefusedError,
      );
      expect(handle, type).not.toHaveBeenCalled();
    }
    expect(await everything()).toEqual(before);
  });

  it("tells the open pages once a write their badges show has landed, and only then", async () => {
    const settled = () => new Promise((r) => setTimeout(r, 120));
    // A signal an earlier test's write left pending goes out first.
    await settled();
    const sent: unknown[] = [];
    const original = fakeBrowser.tabs.sendMessage;
    onTestFinished(() => {
      fakeBrowser.tabs.sendMessage = original;
    });
    fakeBrowser.tabs.sendMessage = (async (
      _tabId: number,
      message: unknown,
    ) => {
      sent.push(message);
    }) as typeof fakeBrowser.tabs.sendMessage;
    await fakeBrowser.tabs.create({ url: SHOP });
    await expect(
      ask("snooze", { key: "taobao:404", for: "1h" }, optionsPage()),
    ).rejects.toThrow(/unknown order/);
    await ask("messageFor", { key: "taobao:1" }, optionsPage());
    await settled();
    expect(sent).toEqual([]);
    await ask("snooze", { key: "taobao:1", for: "1h" }, optionsPage());
    await settled();
    expect(sent).toEqual([expect.objectContaining({ type: "ordersChanged" })]);
  });
});
