import { describe, expect, it } from "vitest";
import {
  closeAtText,
  closeText,
  rowsPerGroup,
  stepText,
  whenText,
} from "@/components/popup/row-text";
import type { QueueGroup } from "@/lib/db/queue";
import type { StoredOrder } from "@/lib/model/order";

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();

const order = (extra: Partial<StoredOrder> = {}): StoredOrder => ({
  key: "taobao:1",
  platform: "taobao",
  orderId: "1",
  status: "unpaid",
  items: [{ title: "抽纸" }],
  pageUrl: "https://trade.taobao.com/trade/itemlist/list_sold_items.htm",
  firstSeenAt: NOW,
  lastSeenAt: NOW,
  nudgeCount: 0,
  ...extra,
});

describe("a popup row's words", () => {
  it("says why no nudge is planned while the deadline is ahead: quiet hours or the buyer cap", () => {
    const noSlot = order({
      deadlineAt: NOW + 20 * MIN,
      noSlotCause: "quiet-hours",
    });
    expect(whenText(noSlot, NOW, "zh")).toBe(
      "关闭前无可催时段 · 静默时段至关闭",
    );
    expect(whenText({ ...noSlot, noSlotCause: "buyer-cap" }, NOW, "en")).toBe(
      "No nudge fits before close · Buyer's nudge cap reached",
    );
    // Without a cause (or once the deadline passed) only the state.
    expect(whenText(order({ deadlineAt: NOW + 20 * MIN }), NOW, "zh")).toBe(
      "关闭前无可催时段",
    );
    expect(whenText(noSlot, NOW + 21 * MIN, "zh")).toBe("超时未付");
  });

  it("says when the next nudge is due, today by the clock", () => {
    expect(whenText(order({ nextDueAt: NOW + 90 * MIN }), NOW, "en")).toBe(
      "13:30 · in 1h 30m",
    );
    expect(whenText(order({ nextDueAt: NOW - 5 * MIN }), NOW, "en")).toBe(
      "11:55 · 5m ago",
    );
  });

  it("says when a snooze ends, and the state of an order with nothing due", () => {
    expect(
      whenText(
        order({ nextDueAt: NOW + HOUR, snoozedUntil: NOW + HOUR }),
        NOW,
        "en",
      ),
    ).toBe("Snoozed until 13:00");
    expect(whenText(order({ nudgeCount: 2 }), NOW, "en")).toBe("Nudged");
  });

  it("names the next step and its channel; a seller's own step by its id", () => {
    const due = { nextDueAt: NOW + HOUR, nextChannel: "sms" as const };
    expect(stepText(order({ ...due, nextStep: "first" }), "en")).toBe(
      "First nudge · SMS",
    );
    expect(stepText(order({ ...due, nextStep: "my-step" }), "en")).toBe(
      "my-step · SMS",
    );
    expect(stepText(order({ nextStep: "first" }), "en")).toBe("");
  });

  it("tells how long an unpaid order stays open", () => {
    expect(closeText(order({ deadlineAt: NOW + 2 * HOUR }), NOW, "en")).toBe(
      "auto-closes in 2h",
    );
    expect(closeText(order({ deadlineAt: NOW - MIN }), NOW, "en")).toBe(
      "past its auto-close time",
    );
    expect(
      closeText(order({ status: "paid", deadlineAt: NOW + HOUR }), NOW, "en"),
    ).toBe("");
    expect(closeText(order(), NOW, "en")).toBe("");
  });

  it("tells when an order no nudge fits before closes, by the clock and the time left", () => {
    expect(closeAtText(order({ deadlineAt: NOW + 25 * MIN }), NOW, "zh")).toBe(
      "12:25 自动关闭 · 25分后",
    );
    expect(closeAtText(order({ deadlineAt: NOW + 26 * HOUR }), NOW, "en")).toBe(
      "auto-closes 11-24 14:00 · in 1d 2h",
    );
    // Once past, or not open, as the other rows say it.
    expect(closeAtText(order({ deadlineAt: NOW - MIN }), NOW, "en")).toBe(
      "past its auto-close time",
    );
    expect(
      closeAtText(order({ status: "paid", deadlineAt: NOW + HOUR }), NOW, "en"),
    ).toBe("");
  });
});

describe("rows shown per group", () => {
  const group = (id: QueueGroup["id"], n: number): QueueGroup => ({
    id,
    count: n,
    orders: Array.from({ length: n }, (_, i) => order({ key: `${id}:${i}` })),
  });

  it("fills the first groups first up to the limit", () => {
    const groups = [group("overdue", 3), group("due", 5), group("later", 4)];
    expect(rowsPerGroup(groups, 7)).toEqual([3, 4, 0]);
    expect(rowsPerGroup(groups, Infinity)).toEqual([3, 5, 4]);
    expect(rowsPerGroup([], 7)).toEqual([]);
  });
});

describe("the buyer's promised time in a popup row", () => {
  it("follows the step: Buyer said they'd pay at noon", () => {
    const row = order({
      nextDueAt: NOW + HOUR,
      nextStep: "follow-up",
      nextChannel: "chat",
      promisedAt: NOW,
      promisedWhen: "noon",
    });
    expect(stepText(row, "en")).toMatch(/Buyer said they'd pay at noon$/);
    expect(stepText(row, "zh")).toMatch(/买家说中午付$/);
  });

  it("says the time the agent typed: 买家说 14:30 付", () => {
    const row = order({
      nextDueAt: NOW + HOUR,
      nextStep: "follow-up",
      nextChannel: "chat",
      promisedAt: new Date(2026, 10, 23, 14, 30).getTime(),
    });
    expect(stepText(row, "zh")).toMatch(/买家说 14:30 付$/);
    expect(stepText(row, "en")).toMatch(/Buyer said they'd pay at 14:30$/);
  });
});
