import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupFile, nudgeLogFile } from "@/components/options/exports";
import { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";
import { parseEnvelope } from "@/lib/schemas/backup-file";

const NOW = new Date(2026, 10, 23, 12, 5).getTime();
let db: PayNudgeDB;

const order: StoredOrder = {
  key: "pdd:100001",
  platform: "pdd",
  orderId: "100001",
  status: "unpaid",
  buyer: "小王",
  items: [{ title: "抽纸" }],
  pageUrl: "https://mms.pinduoduo.com/orders/list",
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  nudgeCount: 1,
};

beforeEach(async () => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await db.orders.add(order);
  await db.nudges.add({
    orderKey: order.key,
    at: NOW - 60_000,
    channel: "chat",
  });
});
afterEach(() => db.delete());

describe("options: exported files", () => {
  it("a backup named by the time it was made, which the import reads back", async () => {
    const file = await backupFile(db, NOW);
    expect(file.name).toBe("paynudge-backup-20261123-1205.json");
    expect(file.type).toBe("application/json");
    const backup = parseEnvelope(
      file.text,
      db.tables.map((table) => table.name),
    );
    expect(backup.exportedAt).toBe(NOW);
    expect(backup.tables.orders).toEqual([order]);
  });

  it("the nudge log as CSV, each nudge with its order", async () => {
    const file = await nudgeLogFile(db, NOW);
    expect(file.name).toBe("paynudge-nudges-20261123-1205.csv");
    expect(file.type).toBe("text/csv");
    const rows = file.text.trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain("100001");
    expect(rows[1]).toContain("小王");
  });
});
