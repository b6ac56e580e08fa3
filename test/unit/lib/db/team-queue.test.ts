import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFirstScreen } from "@/lib/db/first-screen";
import { DB_NAME } from "@/lib/db/name";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { loadPopupData } from "@/lib/db/popup-data";
import { FULL_QUEUE } from "@/lib/db/queue";
import { PayNudgeDB } from "@/lib/db/schema";
import { buyerRanking } from "@/lib/engine/team/ranking";
import type { Roster } from "@/lib/model/team";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";

/*
 * The day's queue in team mode (issue 17): this agent's orders by default, the whole team's on the
 * switch, each group counted over what it lists; solo use unchanged.
 */

const MIN = 60_000;
const T0 = new Date(2026, 10, 23, 12, 0).getTime();
const DUE = T0 + 30 * MIN;
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const roster: Roster = {
  teamId: "team-unit-1",
  shop: "小店",
  version: 1,
  issuedAt: T0,
  leaseMinutes: 30,
  agents: ["阿华", "小美", "阿强"].map((name) => ({
    name,
    weight: 1,
    shifts: [],
  })),
};

const ownerOf = (buyer: string) =>
  buyerRanking(`taobao:${buyer}`, roster.agents)[0];

let db: PayNudgeDB;
beforeEach(async () => {
  db = new PayNudgeDB(DB_NAME);
  // Fifteen buyers with one order each, seen at T0: all due at DUE.
  await upsertSeenOrders(
    db,
    parseOrdersSeen({
      pageUrl: page,
      orders: Array.from({ length: 15 }, (_, i) => ({
        platform: "taobao",
        orderId: String(1000 + i),
        status: "unpaid",
        createdAt: T0,
        buyer: `买家${i}`,
        amountCents: 100,
        items: [{ title: "商品" }],
      })),
    }),
    T0,
    await loadEngineSettings(db),
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const listed = (data: Awaited<ReturnType<typeof loadPopupData>>) =>
  data.groups.flatMap((g) => g.orders.map((o) => o.buyer!));

describe("the queue in team mode", () => {
  it("lists this agent's orders by default and the whole team's on the switch, counted as listed", async () => {
    await db.settings.bulkPut([
      { key: "teamRoster", value: roster },
      { key: "teamMe", value: "小美" },
    ]);
    const mine = await loadPopupData(db, FULL_QUEUE, DUE + MIN);
    const expected = Array.from({ length: 15 }, (_, i) => `买家${i}`).filter(
      (b) => ownerOf(b) === "小美",
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(listed(mine).sort()).toEqual([...expected].sort());
    expect(mine.groups.find((g) => g.id === "due")?.count).toBe(
      expected.length,
    );
    expect(mine.team).toMatchObject({ scope: "mine", held: { me: "小美" } });

    const all = await loadPopupData(db, FULL_QUEUE, DUE + MIN, "team");
    expect(listed(all)).toHaveLength(15);
    expect(all.team?.scope).toBe("team");
  });

  it("in solo use lists every order and says nothing of a team", async () => {
    const data = await loadPopupData(db, FULL_QUEUE, DUE + MIN);
    expect(listed(data)).toHaveLength(15);
    expect(data.team).toBeUndefined();
  });

  it("the popup's first read leaves team mode to the Dexie read (it would list colleagues' orders)", async () => {
    await expect(readFirstScreen(DUE + MIN)).resolves.toBeDefined();
    // A stored roster that is not one (read as none, as everywhere) leaves the read to it.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await db.settings.put({ key: "teamRoster", value: { teamId: 1 } });
    await expect(readFirstScreen(DUE + MIN)).resolves.toBeDefined();
    warn.mockRestore();
    await db.settings.put({ key: "teamRoster", value: roster });
    await expect(readFirstScreen(DUE + MIN)).rejects.toThrow(/team mode/);
  });
});
