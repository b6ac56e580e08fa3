import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ALARM_NAME, runDueCheck } from "@/lib/background/due-check";
import { handleViewsFor } from "@/lib/background/orders-seen";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { PayNudgeDB } from "@/lib/db/schema";
import { buyerRanking } from "@/lib/engine/team/ranking";
import type { Roster } from "@/lib/model/team";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { parseOrdersSeen } from "@/lib/schemas/orders-seen";
import { formatNote } from "@/lib/templates/notes";

/*
 * Team mode in the background (issue 17): notifications and the toolbar count are this agent's
 * only; a colleague's due nudge stays unnotified here until it passes to this agent, and the alarm
 * wakes at that moment rather than spinning on the colleague's due nudge.
 */

const MIN = 60_000;
const T0 = new Date(2026, 10, 23, 12, 0).getTime();
const DUE = T0 + 30 * MIN; // the first nudge of an order seen at T0
const page = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const AGENTS = ["阿华", "小美"];
const roster: Roster = {
  teamId: "team-unit-1",
  shop: "小店",
  version: 1,
  issuedAt: T0,
  leaseMinutes: 30,
  agents: AGENTS.map((name) => ({ name, weight: 1, shifts: [] })),
};

/** A buyer the hash gives to `agent` first (the test does not depend on which names hash where). */
function buyerOf(agent: string, skip = 0): string {
  const agents = roster.agents;
  let found = 0;
  for (let i = 0; ; i++) {
    const buyer = `买家${i}`;
    if (
      buyerRanking(`taobao:${buyer}`, agents)[0] === agent &&
      found++ === skip
    )
      return buyer;
  }
}

const order = (id: string, buyer: string, memo?: string) => ({
  platform: "taobao",
  orderId: id,
  status: "unpaid",
  createdAt: T0,
  buyer,
  amountCents: 23900,
  items: [{ title: `商品${id}` }],
  ...(memo ? { memo } : {}),
});

let db: PayNudgeDB;
beforeEach(() => {
  fakeBrowser.reset();
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
});

async function seen(orders: ReturnType<typeof order>[]): Promise<void> {
  await upsertSeenOrders(
    db,
    parseOrdersSeen({ pageUrl: page, orders }),
    T0,
    await loadEngineSettings(db),
  );
}

async function team(me?: string): Promise<void> {
  await db.settings.put({ key: "teamRoster", value: roster });
  if (me) await db.settings.put({ key: "teamMe", value: me });
}

const shownOrders = async () =>
  Object.keys(await fakeBrowser.notifications.getAll())
    .map((id) => /taobao:(\d+)/.exec(id)?.[1])
    .sort();
const alarmAt = async () =>
  (await fakeBrowser.alarms.get(ALARM_NAME))?.scheduledTime;

describe("team mode's due check", () => {
  it("notifies and counts this agent's due nudges only, and wakes when a colleague's passes over", async () => {
    await team("阿华");
    await seen([order("1", buyerOf("阿华")), order("2", buyerOf("小美"))]);
    await runDueCheck(db, DUE);
    expect(await shownOrders()).toEqual(["1"]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe("1");
    // Not at once (the colleague's nudge is due and unnotified here): when it passes over.
    expect(await alarmAt()).toBe(DUE + 30 * MIN);

    // Both left overdue for the whole lease: 小美's passes to 阿华, who is notified of it now, and
    // 阿华's to 小美 (its notification here is taken down: it is not 阿华's to do any more).
    await runDueCheck(db, DUE + 30 * MIN);
    expect(await shownOrders()).toEqual(["2"]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe("1");
    const [view] = await handleViewsFor(
      db,
      { keys: ["taobao:2"] },
      undefined,
      DUE + 30 * MIN,
    );
    expect(view?.owner).toMatchObject({
      name: "阿华",
      mine: true,
      takenOver: true,
    });
  });

  it("gives the colleague's view of the same orders on the colleague's machine", async () => {
    await team("小美");
    await seen([order("1", buyerOf("阿华")), order("2", buyerOf("小美"))]);
    await runDueCheck(db, DUE);
    expect(await shownOrders()).toEqual(["2"]);
    const views = await handleViewsFor(
      db,
      { keys: ["taobao:1", "taobao:2"] },
      undefined,
      DUE,
    );
    expect(views.map((v) => v.owner)).toEqual([
      { name: "阿华", mine: false, takenOver: false, until: DUE + 30 * MIN },
      { name: "小美", mine: true, takenOver: false, until: DUE + 30 * MIN },
    ]);
  });

  it("keeps an order with an agent's note in its memo theirs, whatever the hash says", async () => {
    await team("阿华");
    const memo = formatNote({ at: T0 - 10 * MIN, agent: "小美", count: 1 });
    await seen([order("1", buyerOf("阿华"), memo)]);
    await runDueCheck(db, DUE);
    expect(await shownOrders()).toEqual([]);
    const [view] = await handleViewsFor(
      db,
      { keys: ["taobao:1"] },
      undefined,
      DUE,
    );
    expect(view?.owner).toMatchObject({ name: "小美", mine: false });
  });

  it("with no roster, or before the agent says who they are, everything is theirs as in solo use", async () => {
    await seen([order("1", buyerOf("阿华")), order("2", buyerOf("小美"))]);
    await runDueCheck(db, DUE);
    expect(await shownOrders()).toEqual(["1", "2"]);
    const [solo] = await handleViewsFor(
      db,
      { keys: ["taobao:2"] },
      undefined,
      DUE,
    );
    expect(solo?.owner).toBeUndefined();

    fakeBrowser.reset();
    db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    await team();
    await seen([order("1", buyerOf("阿华")), order("2", buyerOf("小美"))]);
    await runDueCheck(db, DUE);
    expect(await shownOrders()).toEqual(["1", "2"]);
    const [unnamed] = await handleViewsFor(
      db,
      { keys: ["taobao:2"] },
      undefined,
      DUE,
    );
    expect(unnamed?.owner).toMatchObject({ name: "小美", mine: true });
  });

  it("nobody on shift: everyone sees everything", async () => {
    await db.settings.put({
      key: "teamRoster",
      value: {
        ...roster,
        agents: roster.agents.map((a) => ({
          ...a,
          shifts: [{ from: "01:00", to: "02:00" }],
        })),
      },
    });
    await db.settings.put({ key: "teamMe", value: "阿华" });
    await seen([order("1", buyerOf("阿华")), order("2", buyerOf("小美"))]);
    await runDueCheck(db, DUE);
    expect(await shownOrders()).toEqual(["1", "2"]);
  });
});
