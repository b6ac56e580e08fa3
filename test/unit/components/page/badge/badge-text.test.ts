import { describe, expect, it } from "vitest";
import { nudgeState } from "@/lib/model/nudge-state";
import type { OrderView } from "@/lib/model/order-view";
import { formatClock } from "@/lib/model/time-format";
import { badgeText, isActive } from "@/components/page/badge/badge-text";

/* What a badge says of its order, as text: the state, when, the step, and the facts. */

const NOW = new Date(2026, 10, 23, 15, 0).getTime();
const MIN = 60_000;
const view = (extra: Partial<OrderView> = {}): OrderView => ({
  key: "taobao:1",
  orderId: "1",
  status: "unpaid",
  nudgeCount: 0,
  ...extra,
});
const textOf = (v: OrderView, memo?: { agent: string; at: number }) =>
  badgeText(v, nudgeState(v, NOW), memo, NOW, "zh");

describe("badgeText", () => {
  it("no nudge fits before the close: says why (quiet hours, the buyer cap), never 超时未付", () => {
    const quiet = view({
      deadlineAt: NOW + 20 * MIN,
      noSlotCause: "quiet-hours",
    });
    expect(textOf(quiet)).toMatchObject({
      label: "关闭前无可催时段",
      when: "静默时段至关闭",
    });
    expect(textOf({ ...quiet, noSlotCause: "buyer-cap" }).when).toBe(
      "已达买家催付上限",
    );
    expect(textOf(view({ deadlineAt: NOW + 20 * MIN })).when).toBe("");
  });

  it("an upcoming nudge: in how long, the step and channel, when the order closes", () => {
    const text = textOf(
      view({
        nextDueAt: NOW + 30 * MIN,
        nextStep: "first",
        nextChannel: "chat",
        deadlineAt: NOW + 3 * 60 * MIN,
      }),
    );
    expect(text.label).toBe("待催付");
    expect(text.when).toMatch(/后$/);
    expect(text.step).toContain("·");
    expect(text.meta).toMatch(/后自动关闭$/);
    expect(text.title).toBe(
      `点击复制催付话术 · 下次催付 ${formatClock(NOW + 30 * MIN)}`,
    );
  });

  it("who nudged how often; a colleague's newer note in the memo instead", () => {
    const nudged = view({
      nextDueAt: NOW + 30 * MIN,
      nudgeCount: 2,
      lastNudgeAt: NOW - 60 * MIN,
      lastAgent: "小美",
    });
    expect(textOf(nudged).meta).toBe(
      `已催2次 · 上次 小美 ${formatClock(NOW - 60 * MIN)}`,
    );
    expect(textOf(nudged, { agent: "阿华", at: NOW - 10 * MIN }).meta).toBe(
      `阿华 ${formatClock(NOW - 10 * MIN)} 已催付`,
    );
  });

  it("a paid order only says so, and does not open the panel", () => {
    const paid = view({ status: "paid", nextDueAt: NOW + 30 * MIN });
    expect(isActive(nudgeState(paid, NOW))).toBe(false);
    expect(textOf(paid)).toEqual({
      label: "已付款",
      when: "",
      step: "",
      meta: "",
      title: "",
    });
  });
});

describe("the buyer's promised time on the badge", () => {
  it("says 买家说中午付, or the typed time", () => {
    const due = { nextDueAt: NOW + 30 * MIN, nextStep: "follow-up" };
    expect(
      textOf(view({ ...due, promisedAt: NOW, promisedWhen: "noon" })).meta,
    ).toContain("买家说中午付");
    expect(
      textOf(
        view({ ...due, promisedAt: new Date(2026, 10, 23, 14, 30).getTime() }),
      ).meta,
    ).toContain("买家说 14:30 付");
  });
  it("team mode: whose the order is comes first, and a settled order says nothing of it", () => {
    const due = view({ nextDueAt: NOW - MIN, deadlineAt: NOW + 60 * MIN });
    const owner = (name: string, mine: boolean, takenOver = false) =>
      textOf({ ...due, owner: { name, mine, takenOver } }).meta;
    expect(owner("阿华", true)).toMatch(/^我的 · /);
    expect(owner("阿华", true, true)).toMatch(/^接手 · /);
    expect(owner("小美", false)).toMatch(/^小美的 · /);
    expect(owner("小美", false, true)).toMatch(/^小美接手 · /);
    expect(
      textOf({
        ...due,
        status: "paid",
        owner: { name: "小美", mine: false, takenOver: false },
      }).meta,
    ).toBe("");
  });
});
