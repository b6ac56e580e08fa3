import { beforeEach, describe, expect, it } from "vitest";
import { abTemplateChoices, abTestFigures } from "@/lib/db/ab-test-figures";
import { PayNudgeDB } from "@/lib/db/schema";
import type { AbTest } from "@/lib/model/ab-test";
import type { StoredOrder } from "@/lib/model/order";
import { DEFAULT_TEMPLATES } from "@/lib/templates/shipped";

/* What the A/B card reads: each arm from the log and the orders' payments; the templates to pick. */

const H = 3_600_000;
const T0 = 1_764_000_000_000;
const TEST: AbTest = {
  id: "ab-db",
  scenario: "first",
  templateA: "tpl-a",
  templateB: "tpl-b",
  startedAt: T0,
};

const order = (id: string, extra: Partial<StoredOrder> = {}): StoredOrder => ({
  key: `jd:${id}`,
  platform: "jd",
  orderId: id,
  status: "unpaid",
  items: [],
  pageUrl: "https://order.shop.jd.com/order/sopUp_waitOutList.action",
  firstSeenAt: T0,
  lastSeenAt: T0,
  nudgeCount: 1,
  ...extra,
});

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

describe("an A/B test's figures from the database", () => {
  it("take the page's payment time first, else when PayNudge saw it paid, and leave nudges before the test out", async () => {
    await db.orders.bulkPut([
      // Seen paid late (beyond 72 h), but the page's payment time is inside: recovered.
      order("1", {
        status: "paid",
        paidAt: T0 + 3 * H,
        paidSeenAt: T0 + 100 * H,
      }),
      // Seen paid beyond the window, no page time: not recovered.
      order("2", { status: "paid", paidSeenAt: T0 + 100 * H }),
      order("3", { status: "paid", paidSeenAt: T0 + 2 * H }),
      order("4"),
    ]);
    await db.nudges.bulkAdd([
      { orderKey: "jd:1", at: T0 + H, channel: "chat", templateId: "tpl-a" },
      { orderKey: "jd:2", at: T0 + H, channel: "chat", templateId: "tpl-a" },
      { orderKey: "jd:3", at: T0 + H, channel: "chat", templateId: "tpl-b" },
      { orderKey: "jd:4", at: T0 - H, channel: "chat", templateId: "tpl-b" },
    ]);
    const figures = await abTestFigures(db, TEST, 72);
    expect(figures.arms.A).toMatchObject({
      orders: 2,
      recovered: 1,
      rate: 0.5,
    });
    expect(figures.arms.B).toMatchObject({ orders: 1, recovered: 1, rate: 1 });
    expect(figures.verdict).toBe("not-yet");
    // A shorter window: order 3 (paid an hour after its nudge) alone stays recovered.
    const narrow = await abTestFigures(db, TEST, 1);
    expect(narrow.arms.A.recovered).toBe(0);
    expect(narrow.arms.B.recovered).toBe(1);
  });
});

describe("the templates a test may compare", () => {
  it("are the seller's own first, then the shipped ones with an edit in its shipped place; broken rows left out", async () => {
    const shipped = DEFAULT_TEMPLATES[0]!;
    await db.templates.bulkPut([
      { ...shipped, name: "改过的" },
      { ...shipped, id: "custom-b", name: "乙" },
      { ...shipped, id: "custom-a", name: "甲" },
      { id: "custom-broken", name: "坏", scenario: "first" } as never,
    ]);
    const choices = await abTemplateChoices(db);
    expect(
      choices
        .slice(0, 2)
        .map((tpl) => tpl.id)
        .sort(),
    ).toEqual(["custom-a", "custom-b"]);
    expect(choices.map((tpl) => tpl.id)).not.toContain("custom-broken");
    expect(choices.length).toBe(DEFAULT_TEMPLATES.length + 2);
    expect(choices.find((tpl) => tpl.id === shipped.id)?.name).toBe("改过的");
    expect(choices.indexOf(choices.find((tpl) => tpl.id === shipped.id)!)).toBe(
      2,
    );
  });
});
