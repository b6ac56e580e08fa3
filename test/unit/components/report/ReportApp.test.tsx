import {
  cleanup,
  fireEvent,
  render,
  screen,
  waitFor,
} from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ReportApp } from "@/components/report/ReportApp";
import { formatDay } from "@/components/report/format";
import { getDb } from "@/lib/db/schema";
import type { StoredOrder } from "@/lib/model/order";
import type { Roster } from "@/lib/model/team";

/*
 * The report page whole, over the real loader and fake-indexeddb: a nudge logged today shows in
 * today's figures, and the daily report follows the range to yesterday.
 */

const WAIT = { timeout: 5000 };
const ROSTER: Roster = {
  teamId: "team-app00001",
  shop: "小美的杂货铺",
  version: 1,
  issuedAt: 1_765_000_000_000,
  leaseMinutes: 30,
  agents: [
    { name: "阿华", weight: 1, shifts: [] },
    { name: "小美", weight: 1, shifts: [] },
  ],
};
const DAY = 86_400_000;

beforeEach(async () => {
  vi.spyOn(navigator, "languages", "get").mockReturnValue(["zh-CN"]);
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  const now = Date.now();
  await db.orders.put({
    key: "taobao:101",
    platform: "taobao",
    orderId: "101",
    status: "unpaid",
    items: [],
    pageUrl: "https://trade.taobao.com/",
    firstSeenAt: now - 60_000,
    lastSeenAt: now,
    unpaidSeenAt: now - 60_000,
    nudgeCount: 1,
  } as StoredOrder);
  await db.nudges.add({ orderKey: "taobao:101", at: now, channel: "chat" });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const figure = (id: string) =>
  [...document.querySelectorAll(`[data-figure="${id}"] td`)].map(
    (td) => td.textContent,
  );

describe("the report page over its database", () => {
  it("shows today's nudge, and the daily report of the day the range names", async () => {
    render(<ReportApp />);
    await waitFor(
      () => expect(figure("nudged")).toEqual(["1", "0", "+1"]),
      WAIT,
    );
    expect(document.title).toBe("PayNudge 催付报表");
    const title = () =>
      screen.getByTestId("daily-text").textContent!.split("\n")[0];
    expect(title()).toBe(`【PayNudge 催付日报】${formatDay("zh", Date.now())}`);

    fireEvent.click(screen.getByLabelText("昨天"));
    await waitFor(
      () => expect(figure("nudged")).toEqual(["0", "0", "0"]),
      WAIT,
    );
    await waitFor(
      () =>
        expect(title()).toBe(
          `【PayNudge 催付日报】${formatDay("zh", Date.now() - DAY)}`,
        ),
      WAIT,
    );

    // Seven days hold today's nudge again; the daily report goes back to today.
    fireEvent.click(screen.getByLabelText("最近 7 天"));
    await waitFor(() => expect(figure("nudged")[0]).toBe("1"), WAIT);
    await waitFor(
      () =>
        expect(title()).toBe(
          `【PayNudge 催付日报】${formatDay("zh", Date.now())}`,
        ),
      WAIT,
    );
  });

  it("saves the range's own nudges for the lead once the agent's name is set, never merged ones", async () => {
    const db = getDb();
    await db.nudges.add({
      orderKey: "taobao:202",
      at: Date.now(),
      channel: "chat",
      agent: "小美",
      importedFrom: "小美",
    });
    const saved: Blob[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (blob: Blob) => (saved.push(blob), "blob:team-log");
    URL.revokeObjectURL = () => undefined;
    // jsdom does not navigate to the download's link.
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(
      () => undefined,
    );
    // The export shows while a team roster is held (solo use shows nothing of the team).
    await db.settings.put({ key: "teamRoster", value: ROSTER });
    try {
      render(<ReportApp />);
      const button = await screen.findByRole(
        "button",
        { name: "导出我的催付记录（给组长合并）" },
        WAIT,
      );
      fireEvent.click(button);
      await screen.findByText(/先在设置的“常规”里填上你的客服昵称/, {}, WAIT);
      expect(saved).toHaveLength(0);

      await db.settings.put({ key: "agentName", value: "阿华" });
      fireEvent.click(button);
      await waitFor(() => expect(saved).toHaveLength(1), WAIT);
      const file = JSON.parse(await saved[0]!.text()) as Record<
        string,
        unknown
      >;
      expect(file).toMatchObject({
        format: "paynudge-team-log",
        version: 1,
        agent: "阿华",
        nudges: [{ platform: "taobao", orderId: "101", channel: "chat" }],
      });
      expect(file.nudges).toHaveLength(1);
      // The held roster's team, so that another team's lead refuses it.
      expect(file.teamId).toBe("team-app00001");
      expect(
        screen.queryByText(/先在设置的“常规”里填上你的客服昵称/),
      ).toBeNull();
    } finally {
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });
});
