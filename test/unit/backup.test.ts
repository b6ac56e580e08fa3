import { beforeEach, describe, expect, it } from "vitest";
import {
  BackupError,
  exportBackup,
  parseBackup,
  restoreBackup,
  wipeAll,
} from "../../lib/backup";
import { PayNudgeDB } from "../../lib/db";
import { parseOrdersSeen } from "../../lib/messages";
import { upsertSeenOrders } from "../../lib/orders-repo";
import { setSetting, getSetting } from "../../lib/settings";

const NOW = new Date(2026, 10, 23, 12, 0).getTime();
let db: PayNudgeDB;

beforeEach(async () => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await upsertSeenOrders(
    db,
    parseOrdersSeen({
      pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
      orders: [
        {
          platform: "taobao",
          orderId: "3905120000000000007",
          status: "unpaid",
          createdAt: NOW - 60_000,
          buyer: "牛**",
          items: [{ title: "杯子" }],
        },
        {
          platform: "pdd",
          orderId: "261123-123456789012345",
          status: "paid",
          items: [],
        },
      ],
    }),
    NOW,
  );
  await db.nudges.add({
    orderKey: "taobao:3905120000000000007",
    at: NOW,
    channel: "chat",
    agent: "阿华",
  });
  await setSetting(db, "agentName", "阿华");
});

async function snapshot(d: PayNudgeDB) {
  return {
    orders: await d.orders.toArray(),
    nudges: await d.nudges.toArray(),
    settings: await d.settings.toArray(),
  };
}

describe("backup", () => {
  it("round-trips every order, nudge and setting through export, wipe and import", async () => {
    const before = await snapshot(db);
    const file = JSON.stringify(await exportBackup(db, NOW));
    await wipeAll(db);
    expect(await db.orders.count()).toBe(0);
    const restored = await restoreBackup(db, file);
    expect(restored).toMatchObject({ orders: 2, nudges: 1, settings: 1 });
    expect(await snapshot(db)).toEqual(before);
    expect(await getSetting(db, "agentName")).toBe("阿华");
  });

  it.each([
    ["not-json", "{oops"],
    ["not-backup", JSON.stringify({ hello: "world" })],
    [
      "newer-version",
      JSON.stringify({
        format: "paynudge-backup",
        version: 99,
        exportedAt: NOW,
        tables: {},
      }),
    ],
    [
      "unknown-table",
      JSON.stringify({
        format: "paynudge-backup",
        version: 1,
        exportedAt: NOW,
        tables: { secrets: [] },
      }),
    ],
    [
      "bad-row",
      JSON.stringify({
        format: "paynudge-backup",
        version: 1,
        exportedAt: NOW,
        tables: {
          orders: [
            {
              key: "taobao:1",
              platform: "taobao",
              orderId: "2",
              status: "unpaid",
              items: [],
            },
          ],
        },
      }),
    ],
  ])(
    "refuses a %s file with a clear error and leaves the data intact",
    async (code, file) => {
      const before = await snapshot(db);
      const error = await restoreBackup(db, file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).code).toBe(code);
      expect((error as BackupError).message.length).toBeGreaterThan(5);
      expect(await snapshot(db)).toEqual(before);
    },
  );

  it("names the row and field that is wrong", () => {
    const file = {
      format: "paynudge-backup",
      version: 1,
      exportedAt: NOW,
      tables: {
        nudges: [
          { orderKey: "taobao:1", at: NOW, channel: "chat" },
          { orderKey: "taobao:1", at: "noon", channel: "chat" },
        ],
      },
    };
    expect(() => parseBackup(file, ["orders", "nudges", "settings"])).toThrow(
      /nudges row 2: at/,
    );
  });

  it("rolls back completely when the database rejects a row midway", async () => {
    const before = await snapshot(db);
    const backup = await exportBackup(db, NOW);
    // Two nudges with the same primary key: the second add fails inside the transaction.
    backup.tables.nudges = [
      {
        id: 7,
        orderKey: "taobao:3905120000000000007",
        at: NOW,
        channel: "chat",
      },
      {
        id: 7,
        orderKey: "taobao:3905120000000000007",
        at: NOW,
        channel: "sms",
      },
    ];
    await expect(restoreBackup(db, backup)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });
});
