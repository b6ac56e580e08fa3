import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nudgeLogCsvOf, templateNames } from "@/lib/db/nudge-log-export";
import { PayNudgeDB } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";
import { DEFAULT_TEMPLATES } from "@/lib/templates/shipped";

const DAY = 86_400_000;
const MIDNIGHT = new Date(2026, 11, 7).getTime();
const SHIPPED = DEFAULT_TEMPLATES[0]!;

let db: PayNudgeDB;

const order = (id: string): StoredOrder =>
  ({
    key: `taobao:${id}`,
    platform: "taobao",
    orderId: id,
    status: "unpaid",
    buyer: `买家${id}`,
    items: [],
    pageUrl: "https://trade.taobao.com/",
    firstSeenAt: MIDNIGHT - 3 * DAY,
    lastSeenAt: MIDNIGHT,
    nudgeCount: 1,
  }) as StoredOrder;

beforeEach(async () => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  await db.orders.bulkPut([order("101"), order("202"), order("303")]);
  await db.nudges.bulkAdd([
    { orderKey: "taobao:101", at: MIDNIGHT - 2 * DAY, channel: "chat" },
    {
      orderKey: "taobao:202",
      at: MIDNIGHT - DAY + 1000,
      channel: "sms",
      templateId: SHIPPED.id,
    },
    // At the period's end: outside [from, to).
    { orderKey: "taobao:303", at: MIDNIGHT, channel: "chat" },
  ]);
});

afterEach(async () => {
  await db.delete();
});

describe("the nudge log export", () => {
  it("writes the whole log, or only the nudges logged in a period", async () => {
    const rows = (csv: string) => csv.trimEnd().split("\r\n").slice(1);
    const all = await nudgeLogCsvOf(db, MIDNIGHT, "zh");
    expect(rows(all)).toHaveLength(3);
    const yesterday = await nudgeLogCsvOf(db, MIDNIGHT, "zh", {
      from: MIDNIGHT - DAY,
      to: MIDNIGHT,
    });
    expect(rows(yesterday)).toHaveLength(1);
    expect(rows(yesterday)[0]).toContain("买家202");
    expect(rows(yesterday)[0]).toContain(SHIPPED.name);
    expect(yesterday.split("\r\n")[0]).toBe(all.split("\r\n")[0]);
  });

  it("names templates by the seller's own row first, then the shipped name", async () => {
    expect((await templateNames(db)).get(SHIPPED.id)).toBe(SHIPPED.name);
    await db.templates.put({ ...SHIPPED, name: "我的首次催付" });
    expect((await templateNames(db)).get(SHIPPED.id)).toBe("我的首次催付");
  });
});
