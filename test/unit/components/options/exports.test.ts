import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupFile, nudgeLogFile } from "@/components/options/exports";
import { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";
import { parseEnvelope } from "@/lib/schemas/backup-file";
import { DEFAULT_TEMPLATES } from "@/lib/templates/shipped";

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

  it("the nudge log as CSV in the UI's language, each nudge with its order", async () => {
    await db.orders.add({
      ...order,
      key: "taobao:3905120000000000007",
      platform: "taobao",
      orderId: "3905120000000000007",
      buyer: '=HYPERLINK("http://x")',
    });
    await db.nudges.add({
      orderKey: "taobao:3905120000000000007",
      at: NOW - 30_000,
      channel: "sms",
      outcome: "not-wanted",
      templateId: DEFAULT_TEMPLATES[0]!.id,
    });
    const file = await nudgeLogFile(db, NOW, "zh");
    expect(file.name).toBe("paynudge-nudges-20261123-1205.csv");
    expect(file.type).toBe("text/csv");
    const rows = file.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^时间,平台,订单号,买家,/);
    expect(rows[1]).toContain(',拼多多,"\t100001",小王,旺旺/聊天,');
    expect(rows[2]).toContain(
      ',淘宝/天猫,"\t3905120000000000007","\'=HYPERLINK(""http://x"")",短信,',
    );
    expect(rows[2]).toContain(",不想要了,");
    // The template by its name, not its id.
    expect(rows[2]).toContain(`,${DEFAULT_TEMPLATES[0]!.name},`);
  });
});
