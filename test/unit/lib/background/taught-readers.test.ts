import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answer, backgroundRoutes, type Routes } from "@/lib/background/routes";
import { RefusedError, type MessageSender } from "@/lib/background/senders";
import {
  handleDeleteTaughtReader,
  handleSaveTaughtReader,
  taughtReadersOf,
} from "@/lib/background/settings-handlers";
import { PayNudgeDB } from "@/lib/db/schema";
import type { RequestType } from "@/lib/messaging/protocol";
import {
  TAUGHT_READERS_MAX,
  type TaughtReader,
} from "@/lib/model/taught-reader";
import { getSetting } from "@/lib/schemas/settings";
import { contentScript, extensionPage } from "@/test/support/senders";

/*
 * The pages a seller taught (issue 14), as the background stores them: one reader per host and
 * path, at most TAUGHT_READERS_MAX, a malformed one refused whole; a content script reads its own
 * site's only, and only the extension's pages save or delete them.
 */

const ERP = "https://erp.example.cn/orders/list";

const reader = (
  host: string,
  path: string,
  extra: Partial<TaughtReader> = {},
): TaughtReader => ({
  host,
  path,
  rows: "table.orders > tbody > tr",
  orderId: ":scope > td:nth-child(2)",
  status: ":scope > td:nth-child(5)",
  unpaidWords: ["待付款"],
  taughtAt: 1_764_000_000_000,
  ...extra,
});

const optionsPage = () => extensionPage("options.html");

let db: PayNudgeDB;
let routes: Routes;
const ask = (type: RequestType, data: unknown, sender: MessageSender) =>
  answer(type, routes[type])({ data, sender });
const stored = () => getSetting(db, "taughtReaders");

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  routes = backgroundRoutes(db);
});

afterEach(() => vi.restoreAllMocks());

describe("saving a taught reader", () => {
  it("stores it, and replaces the one taught on the same host and path", async () => {
    await handleSaveTaughtReader(db, reader("erp.example.cn", "/orders/list"));
    await handleSaveTaughtReader(db, reader("erp.example.cn", "/orders/old"));
    expect(await stored()).toEqual([
      reader("erp.example.cn", "/orders/list"),
      reader("erp.example.cn", "/orders/old"),
    ]);

    const edited = reader("erp.example.cn", "/orders/list", {
      rows: "div.order-card",
      time: ":scope .time",
      unpaidWords: ["未付款", "待支付"],
    });
    await handleSaveTaughtReader(db, edited);
    const after = await stored();
    expect(after).toHaveLength(2);
    expect(after).toContainEqual(edited);
    expect(after).toContainEqual(reader("erp.example.cn", "/orders/old"));
  });

  it.each<[string, unknown]>([
    ["an empty row selector", { ...reader("a.example", "/"), rows: " " }],
    ["a path without its slash", reader("a.example", "orders")],
    [
      "a selector beyond its bound",
      { ...reader("a.example", "/"), status: "td ".repeat(300) },
    ],
    ["an unknown field", { ...reader("a.example", "/"), script: "alert(1)" }],
    ["a host with a scheme", reader("https://a.example", "/")],
    ["no teaching time", { ...reader("a.example", "/"), taughtAt: "now" }],
  ])("refuses %s, and nothing changes", async (_what, malformed) => {
    await handleSaveTaughtReader(db, reader("erp.example.cn", "/orders/list"));
    const before = await db.settings.toArray();
    await expect(handleSaveTaughtReader(db, malformed)).rejects.toThrow();
    expect(await db.settings.toArray()).toEqual(before);
  });

  it(`refuses page ${TAUGHT_READERS_MAX + 1} with the stored list unchanged, yet still replaces a page it holds`, async () => {
    for (let i = 0; i < TAUGHT_READERS_MAX; i++)
      await handleSaveTaughtReader(db, reader(`shop${i}.example.com`, "/o"));
    const full = await stored();
    expect(full).toHaveLength(TAUGHT_READERS_MAX);

    await expect(
      handleSaveTaughtReader(db, reader("one-more.example.com", "/o")),
    ).rejects.toThrow(/at most 50/);
    expect(await stored()).toEqual(full);

    const edited = reader("shop7.example.com", "/o", { rows: "li.order" });
    await handleSaveTaughtReader(db, edited);
    const after = await stored();
    expect(after).toHaveLength(TAUGHT_READERS_MAX);
    expect(after).toContainEqual(edited);
    expect(after).not.toContainEqual(reader("shop7.example.com", "/o"));
  });
});

describe("deleting a taught reader", () => {
  it("removes that page only: not another path of its host, not another host", async () => {
    const kept = [
      reader("erp.example.cn", "/orders/old"),
      reader("shop.example.com", "/orders/list"),
    ];
    await handleSaveTaughtReader(db, reader("erp.example.cn", "/orders/list"));
    for (const one of kept) await handleSaveTaughtReader(db, one);

    await handleDeleteTaughtReader(db, {
      host: "erp.example.cn",
      path: "/orders/list",
    });
    expect(await stored()).toEqual(kept);

    // A page never taught: nothing to remove, nothing changes.
    await handleDeleteTaughtReader(db, {
      host: "erp.example.cn",
      path: "/nowhere",
    });
    expect(await stored()).toEqual(kept);
  });
});

describe("a content script's taught readers", () => {
  it("are its own host's only", async () => {
    const erp = [
      reader("erp.example.cn", "/orders/list"),
      reader("erp.example.cn", "/orders/old"),
    ];
    for (const one of [
      ...erp,
      reader("shop.example.com", "/orders/list"),
      reader("erp.example.cn:8080", "/orders/list"),
    ])
      await handleSaveTaughtReader(db, one);

    expect(await taughtReadersOf(db, "https://erp.example.cn")).toEqual(erp);
    expect(await taughtReadersOf(db, "https://erp.example.cn:8080")).toEqual([
      reader("erp.example.cn:8080", "/orders/list"),
    ]);
    expect(await taughtReadersOf(db, "https://other.example.org")).toEqual([]);
  });
});

describe("taught readers in the route table", () => {
  it("are saved and deleted from the extension's pages, and read by a content script for its own site", async () => {
    await ask(
      "saveTaughtReader",
      reader("erp.example.cn", "/orders/list"),
      optionsPage(),
    );
    await ask(
      "saveTaughtReader",
      reader("shop.example.com", "/orders/list"),
      optionsPage(),
    );
    expect(await ask("taughtReaders", undefined, contentScript(ERP))).toEqual([
      reader("erp.example.cn", "/orders/list"),
    ]);
    await ask(
      "deleteTaughtReader",
      { host: "erp.example.cn", path: "/orders/list" },
      optionsPage(),
    );
    expect(await stored()).toEqual([
      reader("shop.example.com", "/orders/list"),
    ]);
  });

  it("refuse saving and deleting from a content script before anything runs, and nothing changes", async () => {
    await handleSaveTaughtReader(db, reader("erp.example.cn", "/orders/list"));
    const before = await db.settings.toArray();
    const save = vi.spyOn(routes.saveTaughtReader, "handle");
    const remove = vi.spyOn(routes.deleteTaughtReader, "handle");

    await expect(
      ask(
        "saveTaughtReader",
        reader("erp.example.cn", "/orders/list", { rows: "body *" }),
        contentScript(ERP),
      ),
    ).rejects.toThrow(RefusedError);
    await expect(
      ask(
        "deleteTaughtReader",
        { host: "erp.example.cn", path: "/orders/list" },
        contentScript(ERP),
      ),
    ).rejects.toThrow(RefusedError);

    expect(save).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(await db.settings.toArray()).toEqual(before);
  });

  it("refuse the content scripts' reading to an extension page: it names no site", async () => {
    await handleSaveTaughtReader(db, reader("erp.example.cn", "/orders/list"));
    const read = vi.spyOn(routes.taughtReaders, "handle");
    await expect(
      ask("taughtReaders", undefined, optionsPage()),
    ).rejects.toThrow(RefusedError);
    expect(read).not.toHaveBeenCalled();
  });
});
