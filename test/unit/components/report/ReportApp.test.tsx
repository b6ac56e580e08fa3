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

/*
 * The report page whole, over the real loader and fake-indexeddb: a nudge logged today shows in
 * today's figures, and the daily report follows the range to yesterday.
 */

const WAIT = { timeout: 5000 };
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
});
