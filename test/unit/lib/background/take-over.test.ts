import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { answer, backgroundRoutes, type Routes } from "@/lib/background/routes";
import { RefusedError, type MessageSender } from "@/lib/background/senders";
import { handleTakeOver } from "@/lib/background/take-over";
import { handleViewsFor } from "@/lib/background/orders-seen";
import { PayNudgeDB } from "@/lib/db/schema";
import { buyerRanking } from "@/lib/engine/team/ranking";
import type { RequestType } from "@/lib/messaging/protocol";
import type { Roster } from "@/lib/model/team";
import { formatNote } from "@/lib/templates/notes";
import { handleOrdersSeen } from "@/test/support/seen";
import { SHOP, contentScript, sidePanel } from "@/test/support/senders";

/*
 * Taking a colleague's order over (接手, team mode, issue 17): it is this agent's at once, with a
 * whole lease from that moment, until a later note in the memo says otherwise. Refused with no
 * roster, before the agent said who they are, for an order no longer unpaid, and from a page of
 * another site; a refusal changes nothing.
 */

const MIN = 60_000;
const NOW = Date.now();
const roster: Roster = {
  teamId: "team-unit-2",
  shop: "小店",
  version: 1,
  issuedAt: NOW - 60 * MIN,
  leaseMinutes: 30,
  agents: ["阿华", "小美"].map((name) => ({ name, weight: 1, shifts: [] })),
};
/** A buyer the roster gives to 小美. */
const buyer = (() => {
  for (let i = 0; ; i++)
    if (buyerRanking(`taobao:买家${i}`, roster.agents)[0] === "小美")
      return `买家${i}`;
})();

let db: PayNudgeDB;
let routes: Routes;
const ask = (type: RequestType, data: unknown, sender: MessageSender) =>
  answer(type, routes[type])({ data, sender });

async function seen(status = "unpaid", memo?: string) {
  await handleOrdersSeen(
    db,
    {
      pageUrl: SHOP,
      orders: [
        {
          platform: "taobao",
          orderId: "1",
          status,
          createdAt: NOW - 40 * MIN,
          buyer,
          items: [{ title: "杯子" }],
          ...(memo ? { memo } : {}),
        },
      ],
    },
    NOW,
  );
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.spyOn(console, "warn").mockImplementation(() => undefined);
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  routes = backgroundRoutes(db);
  // The handlers read the real clock: whatever the hour the suite runs at, no quiet hours, channel
  // windows or soft window move the order's first nudge (due ten minutes ago).
  await db.settings.bulkPut([
    { key: "quietHours", value: [] },
    { key: "channelWindows", value: {} },
    { key: "softWindow", value: { on: false, from: 17 * 60, to: 19 * 60 } },
  ]);
});

describe("taking an order over", () => {
  it("makes a colleague's due order this agent's at once, and notifies it here", async () => {
    await db.settings.bulkPut([
      { key: "teamRoster", value: roster },
      { key: "teamMe", value: "阿华" },
    ]);
    await seen();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    const view = await ask("takeOver", { key: "taobao:1" }, sidePanel());
    expect(view).toMatchObject({
      owner: { name: "阿华", mine: true, takenOver: false },
    });
    expect(await db.orders.get("taobao:1")).toMatchObject({
      claimedBy: "阿华",
    });
    // Due now (ten minutes ago), and 阿华's: notified and counted here.
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(
      1,
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe("1");
  });

  it("gives way to a later note of a colleague in the memo", async () => {
    await db.settings.bulkPut([
      { key: "teamRoster", value: roster },
      { key: "teamMe", value: "阿华" },
    ]);
    await seen();
    await handleTakeOver(db, { key: "taobao:1" }, NOW - 5 * MIN);
    const later = formatNote({ at: NOW, agent: "小美", count: 1 });
    await seen("unpaid", later);
    const [view] = await handleViewsFor(
      db,
      { keys: ["taobao:1"] },
      undefined,
      NOW,
    );
    expect(view).toMatchObject({ owner: { name: "小美", mine: false } });
  });

  it("is refused, changing nothing, with no roster, before the agent says who they are, or for an order no longer unpaid", async () => {
    await seen();
    const before = await db.orders.get("taobao:1");
    await expect(handleTakeOver(db, { key: "taobao:1" }, NOW)).rejects.toThrow(
      /no team roster/,
    );
    await db.settings.put({ key: "teamRoster", value: roster });
    await expect(handleTakeOver(db, { key: "taobao:1" }, NOW)).rejects.toThrow(
      /has not said which name/,
    );
    await db.settings.put({ key: "teamMe", value: "阿华" });
    await seen("paid");
    const paid = await db.orders.get("taobao:1");
    await expect(handleTakeOver(db, { key: "taobao:1" }, NOW)).rejects.toThrow(
      /not unpaid/,
    );
    expect(await db.orders.get("taobao:1")).toEqual(paid);
    expect(before?.claimedBy).toBeUndefined();
    expect(paid?.claimedBy).toBeUndefined();
  });

  it("is refused from a page of another site than the order's", async () => {
    await db.settings.bulkPut([
      { key: "teamRoster", value: roster },
      { key: "teamMe", value: "阿华" },
    ]);
    await seen();
    await expect(
      ask(
        "takeOver",
        { key: "taobao:1" },
        contentScript("https://evil.example/"),
      ),
    ).rejects.toThrow(RefusedError);
    expect((await db.orders.get("taobao:1"))?.claimedBy).toBeUndefined();
    // The order's own page may: a trusted click in its panel.
    await ask("takeOver", { key: "taobao:1" }, contentScript(SHOP));
    expect((await db.orders.get("taobao:1"))?.claimedBy).toBe("阿华");
  });
});
