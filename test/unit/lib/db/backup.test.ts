import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import {
  handleImportAbort,
  handleImportBegin,
  handleImportChunk,
  handleImportCommit,
} from "@/lib/background/all-data";
import {
  handleLogNudge,
  handleSetOrderStatus,
  handleSnooze,
  handleStepDone,
} from "@/lib/background/order-actions";
import { handleOrdersSeen } from "@/test/support/seen";
import {
  handleSaveEngineSettings,
  handleSaveGeneralSettings,
  handleSaveTaughtReader,
  handleSaveTemplate,
  handleSetNotificationsPaused,
} from "@/lib/background/settings-handlers";
import { BACKUP_FORMAT, wipeAll } from "@/lib/db/backup";
import { BackupError } from "@/lib/messaging/backup-error";
import {
  CHUNK_MAX_ROWS,
  chunksOf,
  manifestOf,
} from "@/lib/messaging/import-chunks";
import type { Backup } from "@/lib/messaging/import-requests";
import {
  exportBackup,
  parseBackup,
  restoreBackup,
} from "@/lib/schemas/backup-file";
import Dexie from "dexie";
import { DB_NAME, PayNudgeDB } from "@/lib/db/schema";
import { readFirstScreen } from "@/lib/db/first-screen";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { DEFAULT_ENGINE_SETTINGS } from "@/lib/engine/settings";
import { loadPopupData } from "@/lib/db/popup-data";
import {
  DEFAULT_SETTINGS,
  plainSettingValue,
  SETTING_KEYS,
} from "@/lib/db/setting-values";
import {
  getSetting,
  invalidStoredSettings,
  setSetting,
} from "@/lib/schemas/settings";
import {
  DERIVED_TABLES,
  MAX_ROWS,
  RESTORED_TABLES,
  TABLE_NAMES,
  type TableName,
} from "@/lib/db/tables";
import { ROW_SCHEMAS } from "@/lib/schemas/stored-rows";
import {
  TAUGHT_READERS_MAX,
  type TaughtReader,
} from "@/lib/model/taught-reader";

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();
const PAGE = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";
let db: PayNudgeDB;

const order = (id: string, minutesAgo: number, extra = {}) => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt: NOW - minutesAgo * MIN,
  buyer: `买家${id}`,
  amountCents: 69_900,
  items: [{ title: `商品${id}`, attrs: "颜色:白", quantity: 1 }],
  memo: "11-23 11:00 阿华 第1次",
  ...extra,
});

beforeEach(async () => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await handleOrdersSeen(
    db,
    {
      pageUrl: PAGE,
      shopName: "暖暖小铺",
      orders: [
        order("3905120000000000007", 40, { consulted: true }),
        order("3905120000000000008", 35),
        order("3905120000000000009", 5, { closesAt: NOW + 20 * 3_600_000 }),
        { ...order("3905120000000000010", 90), status: "paid" },
      ],
    },
    NOW,
  );
});

/** Every write path the background has, so that each kind of stored field is in the data. */
async function fillEverything(d: PayNudgeDB) {
  await handleLogNudge(
    d,
    {
      key: "taobao:3905120000000000007",
      channel: "chat",
      step: "consulted-now",
      at: NOW,
      agent: "阿华",
      templateId: "consulted-now-zh",
      outcome: "not-wanted",
      reason: "comparing",
      when: "noon",
      note: "11-23 12:00 阿华 第1次 不想要了",
    },
    NOW,
  );
  await handleSnooze(d, { key: "taobao:3905120000000000008", for: "1h" }, NOW);
  await handleStepDone(d, { key: "taobao:3905120000000000009" }, NOW);
  await handleSetOrderStatus(
    d,
    { key: "taobao:3905120000000000010", status: "closed" },
    NOW,
  );
  await handleSaveGeneralSettings(d, {
    agentName: "阿华",
    shopNames: { taobao: "暖暖小铺", jd: "京东旗舰" },
  });
  await handleSetNotificationsPaused(d, { paused: true }, NOW);
  await handleSaveEngineSettings(
    d,
    {
      quietHours: [{ from: 0, to: 480 }],
      closeAfterMs: { pdd: null, jd: 3_600_000 },
      promotions: [{ from: "2026-11-10", to: "2026-11-12", label: "双11" }],
    },
    NOW,
  );
  await handleSaveTemplate(d, {
    id: "custom-abc",
    scenario: "first",
    segment: "any",
    channel: "chat",
    locale: "zh",
    name: "我的话术",
    body: "{{buyer}}，您的订单还没付款哦",
  });
}

/** The data a backup is about (not the report's lines, kept from it). */
async function snapshot(d: PayNudgeDB) {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await d.table(name).toArray();
  return out;
}

/**
 * Restores `input`: either refused (a BackupError) with the data as `before`, or accepted with
 * every stored value valid, after which `before` is restored for the next run.
 */
async function refusedUnchangedOrValid(
  input: unknown,
  before: Awaited<ReturnType<typeof snapshot>>,
): Promise<void> {
  try {
    await restoreBackup(db, input);
  } catch (error) {
    expect(error).toBeInstanceOf(BackupError);
    expect(await snapshot(db)).toEqual(before);
    return;
  }
  await expectEveryRowValid(db);
  await restoreBackup(db, backupOf(before));
}

/** Every stored row passes the schema its table is imported with (the same checks both ways). */
async function expectEveryRowValid(d: PayNudgeDB) {
  for (const name of TABLE_NAMES) {
    for (const row of await d.table(name).toArray()) {
      const result = ROW_SCHEMAS[name].safeParse(row);
      if (!result.success)
        throw new Error(
          `${name} row invalid: ${JSON.stringify(row).slice(0, 300)} ${result.error.message}`,
        );
    }
  }
  expect(await invalidStoredSettings(d)).toEqual([]);
}

const backupOf = (tables: Record<string, unknown[]>): Backup => ({
  format: BACKUP_FORMAT,
  version: 1,
  exportedAt: NOW,
  tables,
});

/** A refusal, asserted with its code and with the data exactly as it was. */
async function expectRefused(input: unknown, code?: string) {
  const before = await snapshot(db);
  const error = await restoreBackup(db, input).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  if (code) expect((error as BackupError).code).toBe(code);
  expect(await snapshot(db)).toEqual(before);
  return error as BackupError;
}

describe("backup: round trip", () => {
  it("round-trips every table PayNudge fills, through export as JSON text, wipe and import", async () => {
    await fillEverything(db);
    await expectEveryRowValid(db);
    const before = await snapshot(db);
    expect(before.nudges).toHaveLength(1);
    expect(before.templates).toHaveLength(1);
    expect(before.alerts!.length).toBeGreaterThan(0);
    expect((before.settings as { key: string }[]).map((s) => s.key)).toEqual(
      expect.arrayContaining(["agentName", "closeAfterMs", "quietHours"]),
    );
    const file = JSON.stringify(await exportBackup(db, NOW));
    await wipeAll(db);
    expect(await db.orders.count()).toBe(0);
    const restored = await restoreBackup(db, file);
    expect(restored).toMatchObject({ orders: 4, nudges: 1, templates: 1 });
    // Notices describe notifications on screen: an import takes those down, so they are not data.
    const { notices: _n, ...data } = before;
    const { notices: _m, ...after } = await snapshot(db);
    expect(after).toEqual(JSON.parse(JSON.stringify(data)));
    expect(await getSetting(db, "agentName")).toBe("阿华");
    await expectEveryRowValid(db);
  });

  it("leaves out of an export the rows an older, laxer import stored: the file still imports back", async () => {
    await db.settings.bulkPut([
      { key: "agentName", value: { toString: 1 } },
      { key: "notificationsPaused", value: "no" },
      { key: "buyerCap", value: { count: 2, windowMs: 3_600_000 } },
    ]);
    await db.orders.put({ key: "junk" } as never);
    await db.nudges.add({ orderKey: "taobao:1", at: "soon" } as never);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const backup = await exportBackup(db, NOW);
    warn.mockRestore();
    expect(backup.tables.settings).toEqual([
      { key: "buyerCap", value: { count: 2, windowMs: 3_600_000 } },
    ]);
    expect(backup.tables.orders).toHaveLength(4);
    expect(backup.tables.nudges).toEqual([]);
    const other = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    expect(await restoreBackup(other, JSON.stringify(backup))).toMatchObject({
      orders: 4,
      settings: 1,
    });
    await expectEveryRowValid(other);
  });

  it("keeps the taught pages through export, wipe and import", async () => {
    for (const reader of TAUGHT) await handleSaveTaughtReader(db, reader);
    const file = JSON.stringify(await exportBackup(db, NOW));
    await wipeAll(db);
    expect(await getSetting(db, "taughtReaders")).toEqual([]);
    await restoreBackup(db, file);
    expect(await getSetting(db, "taughtReaders")).toEqual(TAUGHT);
    expect(await invalidStoredSettings(db)).toEqual([]);
  });

  it("knows every table of the database, and restores all but the notices", () => {
    expect([...TABLE_NAMES, ...DERIVED_TABLES].sort()).toEqual(
      db.tables.map((t) => t.name).sort(),
    );
    expect(RESTORED_TABLES).not.toContain("notices");
  });

  it("splits a large backup into chunks far below Chrome's message limit and restores it whole", async () => {
    const orders = Array.from({ length: 5_500 }, (_, i) => ({
      key: `jd:${1000 + i}`,
      platform: "jd",
      orderId: String(1000 + i),
      status: "paid",
      items: [{ title: "保温杯".repeat(100) }],
      pageUrl: "https://order.jd.com/center/list.action",
      firstSeenAt: NOW,
      lastSeenAt: NOW,
      nudgeCount: 0,
    }));
    const backup = backupOf({ orders });
    const chunks = chunksOf(backup);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) {
      expect(chunk.rows.length).toBeLessThanOrEqual(CHUNK_MAX_ROWS);
      expect(JSON.stringify(chunk).length).toBeLessThan(8 * 1024 * 1024);
    }
    expect(await restoreBackup(db, backup)).toMatchObject({ orders: 5_500 });
    expect(await db.orders.count()).toBe(5_500);
  });
});

/** Two pages the seller taught (lib/model/taught-reader.ts). */
const TAUGHT: TaughtReader[] = [
  {
    host: "erp.example.cn",
    path: "/orders/list",
    rows: "table.orders > tbody > tr",
    orderId: ":scope > td:nth-child(2)",
    status: ":scope > td:nth-child(5)",
    time: ":scope > td:nth-child(3)",
    unpaidWords: ["待付款", "等待买家付款"],
    taughtAt: NOW - 86_400_000,
  },
  {
    host: "shop.example.com:8443",
    path: "/admin/orders",
    rows: "div.order-card",
    orderId: ":scope .no",
    status: ":scope .state",
    unpaidWords: [],
    taughtAt: NOW,
  },
];
const taughtRow = (value: unknown) =>
  backupOf({ settings: [validSetting, { key: "taughtReaders", value }] });

const validSetting = { key: "agentName", value: "阿华" };
const validOrderRow = {
  key: "taobao:42",
  platform: "taobao",
  orderId: "42",
  status: "unpaid",
  items: [],
  pageUrl: PAGE,
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  nudgeCount: 0,
};
const TEN_MB = "长".repeat(10 * 1024 * 1024);

describe("backup: refusals leave the data exactly as it was", () => {
  it.each<[string, string, unknown]>([
    ["not-json", "not JSON", "{oops"],
    ["not-backup", "not a backup", JSON.stringify({ hello: "world" })],
    [
      "not-backup",
      "unknown envelope field",
      { ...backupOf({}), extra: TEN_MB },
    ],
    ["newer-version", "a newer format", { ...backupOf({}), version: 99 }],
    ["unknown-table", "an unknown table", backupOf({ secrets: [] })],
    [
      "unknown-table",
      "a table named like an Object member",
      backupOf({ __proto__: [], constructor: [] } as never),
    ],
    [
      "bad-row",
      "the {toString:1} agent name",
      backupOf({ settings: [{ key: "agentName", value: { toString: 1 } }] }),
    ],
    [
      "bad-row",
      'notificationsPaused: "no"',
      backupOf({ settings: [{ key: "notificationsPaused", value: "no" }] }),
    ],
    [
      "bad-row",
      "an unknown setting",
      backupOf({ settings: [validSetting, { key: "theme", value: "dark" }] }),
    ],
    [
      "bad-row",
      "a setting row with an extra field",
      backupOf({ settings: [{ ...validSetting, junk: 1 }] }),
    ],
    [
      "bad-row",
      "taught pages that are not a list",
      taughtRow({ "erp.example.cn/orders": TAUGHT[0] }),
    ],
    [
      "bad-row",
      "a taught page with a script field",
      taughtRow([{ ...TAUGHT[0], onload: "alert(1)" }]),
    ],
    [
      "bad-row",
      "a taught page with an empty row selector",
      taughtRow([TAUGHT[1], { ...TAUGHT[0], rows: "" }]),
    ],
    [
      "bad-row",
      "one page taught twice",
      taughtRow([TAUGHT[0], { ...TAUGHT[0], rows: "li.order" }]),
    ],
    [
      "bad-row",
      `${TAUGHT_READERS_MAX + 1} taught pages`,
      taughtRow(
        Array.from({ length: TAUGHT_READERS_MAX + 1 }, (_, i) => ({
          ...TAUGHT[1],
          host: `shop${i}.example.com`,
        })),
      ),
    ],
    [
      "bad-row",
      'replanAt: "soon"',
      backupOf({ orders: [{ ...validOrderRow, replanAt: "soon" }] }),
    ],
    [
      "bad-row",
      "a fractional epoch",
      backupOf({ orders: [{ ...validOrderRow, nextDueAt: NOW + 0.5 }] }),
    ],
    [
      "bad-row",
      "a 10 MB buyer",
      backupOf({ orders: [{ ...validOrderRow, buyer: TEN_MB }] }),
    ],
    [
      "bad-row",
      "a 10 MB unknown order field",
      backupOf({ orders: [{ ...validOrderRow, blob: TEN_MB }] }),
    ],
    [
      "bad-row",
      "a 10 MB agent name",
      backupOf({ settings: [{ key: "agentName", value: TEN_MB }] }),
    ],
    [
      "bad-row",
      "a key that is not its platform and id",
      backupOf({ orders: [{ ...validOrderRow, key: "taobao:1" }] }),
    ],
    ["bad-row", "junk order rows", backupOf({ orders: [1, null, "x", {}] })],
    ["bad-row", "junk alert rows", backupOf({ alerts: [{ any: "thing" }] })],
    [
      "bad-row",
      "an alert row with a string time",
      backupOf({
        alerts: [
          {
            id: "taobao:42@1",
            orderKey: "taobao:42",
            dueAt: "soon",
            shownAt: NOW,
            times: 1,
            late: false,
            grouped: false,
          },
        ],
      }),
    ],
    [
      "bad-row",
      "a nudge with an unknown outcome",
      backupOf({
        nudges: [
          { orderKey: "taobao:42", at: NOW, channel: "chat", outcome: "x" },
        ],
      }),
    ],
    [
      "duplicate-row",
      "two nudges with one id",
      backupOf({
        nudges: [
          { id: 7, orderKey: "taobao:42", at: NOW, channel: "chat" },
          { id: 7, orderKey: "taobao:42", at: NOW, channel: "sms" },
        ],
      }),
    ],
    [
      "duplicate-row",
      "a setting twice",
      backupOf({ settings: [validSetting, validSetting] }),
    ],
    [
      "too-many-rows",
      "more settings rows than settings",
      backupOf({
        settings: Array.from({ length: MAX_ROWS.settings + 1 }, () => ({})),
      }),
    ],
  ])("refuses %s (%s)", async (code, _what, input) => {
    const error = await expectRefused(input, code);
    expect(error.message.length).toBeGreaterThan(5);
  });

  it("names the table and row that is wrong", async () => {
    const error = await expectRefused(
      backupOf({
        nudges: [
          { orderKey: "taobao:1", at: NOW, channel: "chat" },
          { orderKey: "taobao:1", at: "noon", channel: "chat" },
        ],
      }),
      "bad-row",
    );
    expect(error.table).toBe("nudges");
    expect(error.row).toBe(2);
    expect(() => parseBackup(backupOf({ nudges: [{ at: 1 }] }))).toThrow(
      /nudges row 1/,
    );
  });

  it("refuses a row count beyond a table's bound before any row is read", async () => {
    const before = await snapshot(db);
    const reply = handleImportBegin({
      ...manifestOf(backupOf({})),
      counts: { orders: MAX_ROWS.orders + 1 },
    });
    expect(reply).toEqual({
      ok: false,
      code: "too-many-rows",
      table: "orders",
    });
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("backup: fuzz", () => {
  const tableName = fc.constantFrom<string>(
    ...TABLE_NAMES,
    "secrets",
    "__proto__",
  );
  const anyBackup = fc.oneof(
    fc.jsonValue(),
    fc.record({
      format: fc.constantFrom(BACKUP_FORMAT, "other"),
      version: fc.oneof(fc.constant(1), fc.jsonValue()),
      exportedAt: fc.oneof(fc.constant(NOW), fc.jsonValue()),
      tables: fc.dictionary(
        tableName,
        fc.array(fc.jsonValue(), { maxLength: 4 }),
      ),
    }),
  );

  it("arbitrary JSON: refused with the data unchanged, or accepted with every stored value valid", async () => {
    await fillEverything(db);
    await fc.assert(
      fc.asyncProperty(anyBackup, fc.boolean(), async (input, asText) => {
        await refusedUnchangedOrValid(
          asText ? JSON.stringify(input) : input,
          await snapshot(db),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("a real backup with one field of one row replaced by arbitrary JSON: refused unchanged, or stored valid", async () => {
    await fillEverything(db);
    const exported = JSON.parse(JSON.stringify(await exportBackup(db, NOW)));
    const tables = Object.keys(exported.tables).filter(
      (name) => exported.tables[name].length > 0,
    ) as TableName[];
    const mutation = fc.record({
      table: fc.constantFrom(...tables),
      row: fc.nat(),
      field: fc.oneof(
        fc.constantFrom(
          "key",
          "value",
          "replanAt",
          "nextDueAt",
          "status",
          "items",
          "buyer",
          "at",
          "channel",
          "id",
          "body",
          "times",
          "doneSteps",
          "toString",
          "__proto__",
        ),
        fc.string({ maxLength: 8 }),
      ),
      value: fc.oneof(
        fc.jsonValue(),
        fc.constant({ toString: 1 }),
        fc.constant("no"),
        fc.constant("soon"),
        fc.constant("x".repeat(70_000)),
      ),
    });
    const before = await snapshot(db);
    await fc.assert(
      fc.asyncProperty(mutation, async ({ table, row, field, value }) => {
        const backup = structuredClone(exported);
        const rows = backup.tables[table];
        const target = rows[row % rows.length];
        Object.defineProperty(target, field, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
        await refusedUnchangedOrValid(JSON.stringify(backup), before);
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe("import through the background, in chunks", () => {
  async function beginWith(backup: Backup) {
    const begun = handleImportBegin(manifestOf(backup));
    if (!begun.ok) throw new Error(begun.code);
    return begun.session;
  }

  it("stages chunks without touching the data, then swaps everything in at the commit", async () => {
    await fillEverything(db);
    const backup = backupOf({
      orders: [validOrderRow],
      settings: [validSetting],
    });
    const before = await snapshot(db);
    const session = await beginWith(backup);
    for (const chunk of chunksOf(backup))
      expect(handleImportChunk({ session, ...chunk })).toMatchObject({
        ok: true,
      });
    expect(await snapshot(db)).toEqual(before);
    const reply = await handleImportCommit(db, { session }, NOW);
    expect(reply).toEqual({
      ok: true,
      counts: {
        orders: 1,
        nudges: 0,
        settings: 1,
        alerts: 0,
        templates: 0,
        notices: 0,
      },
      recheckFailed: false,
    });
    expect(await db.orders.toArray()).toEqual([validOrderRow]);
  });

  it("a worker that restarted mid-import staged nothing: the next chunk and the commit are refused as interrupted, data unchanged", async () => {
    const backup = backupOf({ orders: [validOrderRow] });
    const before = await snapshot(db);
    await beginWith(backup);
    // A fresh worker: the module state (the staged import) is gone.
    vi.resetModules();
    const fresh = await import("@/lib/background/all-data");
    const [chunk] = chunksOf(backup);
    const session = "the-old-session";
    expect(fresh.handleImportChunk({ session, ...chunk! })).toMatchObject({
      ok: false,
      code: "interrupted",
    });
    expect(await fresh.handleImportCommit(db, { session }, NOW)).toMatchObject({
      ok: false,
      code: "interrupted",
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("refuses a commit before every announced row arrived, and chunks out of order", async () => {
    const backup = backupOf({
      orders: [
        validOrderRow,
        { ...validOrderRow, key: "taobao:43", orderId: "43" },
      ],
    });
    const before = await snapshot(db);
    let session = await beginWith(backup);
    expect(
      handleImportChunk({
        session,
        table: "orders",
        offset: 1,
        rows: [validOrderRow],
      }),
    ).toMatchObject({ ok: false, code: "incomplete" });
    session = await beginWith(backup);
    handleImportChunk({
      session,
      table: "orders",
      offset: 0,
      rows: [validOrderRow],
    });
    expect(await handleImportCommit(db, { session }, NOW)).toMatchObject({
      ok: false,
      code: "incomplete",
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it("an aborted import is dropped", async () => {
    const backup = backupOf({ orders: [validOrderRow] });
    const session = await beginWith(backup);
    handleImportAbort({ session });
    expect(await handleImportCommit(db, { session }, NOW)).toMatchObject({
      ok: false,
      code: "interrupted",
    });
  });

  it("a due check failing after the commit is reported as such: the data is in, never 'unchanged'", async () => {
    const backup = backupOf({ orders: [validOrderRow] });
    const session = await beginWith(backup);
    for (const chunk of chunksOf(backup))
      handleImportChunk({ session, ...chunk });
    const spy = vi
      .spyOn(fakeBrowser.notifications, "getAll")
      .mockRejectedValue(new Error("notifications unavailable"));
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const reply = await handleImportCommit(db, { session }, NOW);
      expect(reply).toMatchObject({ ok: true, recheckFailed: true });
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
    }
    expect(await db.orders.toArray()).toEqual([validOrderRow]);
  });

  it("a database refusal midway through the commit rolls everything back: a coded refusal with no database text", async () => {
    await fillEverything(db);
    const backup = backupOf({ orders: [validOrderRow] });
    const before = await snapshot(db);
    const session = await beginWith(backup);
    for (const chunk of chunksOf(backup))
      handleImportChunk({ session, ...chunk });
    // The last table's write fails, after the others were already cleared and written.
    const tableProto = Object.getPrototypeOf(db.orders) as {
      bulkAdd: (...args: unknown[]) => Promise<unknown>;
    };
    const bulkAdd = tableProto.bulkAdd;
    const spy = vi.spyOn(tableProto, "bulkAdd").mockImplementation(function (
      this: { name: string },
      ...args
    ) {
      if (this.name === TABLE_NAMES.at(-1))
        return Promise.reject(new DOMException("quota", "QuotaExceededError"));
      return bulkAdd.apply(this, args);
    });
    const quiet = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(await handleImportCommit(db, { session }, NOW)).toEqual({
        ok: false,
        code: "write-failed",
        table: undefined,
        row: undefined,
      });
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
    }
    expect(await snapshot(db)).toEqual(before);
  });
});

describe("settings: a stored value that is wrong never reaches a page", () => {
  const bad: Record<string, unknown> = {
    agentName: { toString: 1 },
    shopNames: { taobao: 5, hacked: "x" },
    enabledPlatforms: { taobao: "no" },
    notificationsPaused: "no",
    quietHours: "all day",
    steps: [{ id: "x" }],
    buyerCap: { count: -1, windowMs: 1 },
  };

  beforeEach(async () => {
    // As an older import or a bug could have left them: straight into the table.
    await db.settings.bulkPut(
      Object.entries(bad).map(([key, value]) => ({ key, value })),
    );
  });

  it("each read falls back to its default", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (const key of SETTING_KEYS)
      expect(await getSetting(db, key)).toEqual(DEFAULT_SETTINGS[key]);
    expect(await loadEngineSettings(db)).toEqual(DEFAULT_ENGINE_SETTINGS);
    const popup = await loadPopupData(db, undefined, NOW);
    expect(popup.paused).toBe(false);
    expect(popup.agent).toBeUndefined();
    expect(
      plainSettingValue("notificationsPaused", { key: "x", value: "no" }),
    ).toBe(false);
    expect(plainSettingValue("agentName", { value: { toString: 1 } })).toBe(
      undefined,
    );
    warn.mockRestore();
  });

  it("the popup's first read (plain IndexedDB, no zod) falls back the same way", async () => {
    const shared = new PayNudgeDB(DB_NAME);
    await shared.settings.bulkPut([
      { key: "notificationsPaused", value: "no" },
      { key: "agentName", value: { toString: 1 } },
    ]);
    shared.close();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const first = await readFirstScreen(NOW);
      expect(first.paused).toBe(false);
      expect(first.agent).toBeUndefined();
    } finally {
      warn.mockRestore();
      await Dexie.delete(DB_NAME);
    }
  });

  it("names every setting read as its default, and forgets one saved again", async () => {
    expect((await invalidStoredSettings(db)).sort()).toEqual(
      Object.keys(bad).sort(),
    );
    await handleSaveGeneralSettings(db, { agentName: "小美" });
    expect(await invalidStoredSettings(db)).not.toContain("agentName");
    expect(await getSetting(db, "agentName")).toBe("小美");
  });

  it("a write of an invalid value is refused", async () => {
    await expect(
      setSetting(db, "notificationsPaused", "no" as never),
    ).rejects.toThrow();
    await expect(
      setSetting(db, "agentName", { toString: 1 } as never),
    ).rejects.toThrow();
  });
});
