import { describe, expect, it } from "vitest";
import { nextNudgeAt } from "@/lib/engine/schedule";
import { nudgeState, nextStateChangeAt } from "@/lib/model/nudge-state";

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = new Date(2026, 10, 23, 12, 0).getTime();
const base = {
  platform: "taobao" as const,
  status: "unpaid" as const,
  createdAt: T0,
  firstSeenAt: T0 + 5 * MIN,
  nudgeCount: 0,
};

describe("first nudge", () => {
  it("falls 30 minutes after the order", () => {
    expect(nextNudgeAt(base, T0 + MIN)).toBe(T0 + 30 * MIN);
  });

  it("counts from when PayNudge first saw the order when the page hides the order time", () => {
    const { createdAt: _, ...noTime } = base;
    expect(nextNudgeAt(noTime, T0 + 6 * MIN)).toBe(T0 + 35 * MIN);
  });

  it("is never planned for paid, closed or other orders", () => {
    for (const status of ["paid", "closed", "other"] as const)
      expect(nextNudgeAt({ ...base, status }, T0)).toBeUndefined();
  });

  it("is not planned once the platform has closed the order (Douyin: 30 min, page deadline wins)", () => {
    expect(
      nextNudgeAt({ ...base, platform: "douyin" }, T0 + 31 * MIN),
    ).toBeUndefined();
    expect(
      nextNudgeAt({ ...base, closesAt: T0 + 20 * MIN }, T0 + 25 * MIN),
    ).toBeUndefined();
    expect(nextNudgeAt(base, T0 + 71 * HOUR)).toBeDefined();
    expect(nextNudgeAt(base, T0 + 72 * HOUR)).toBeUndefined();
  });
});

describe("badge state from the due time", () => {
  const order = { status: "unpaid" as const, nextDueAt: T0, nudgeCount: 0 };
  it.each([
    [T0 - MIN, "upcoming"],
    [T0, "due"],
    [T0 + 29 * MIN, "due"],
    [T0 + 30 * MIN, "overdue"],
  ])("at %i it is %s", (now, state) => {
    expect(nudgeState(order, now)).toBe(state);
  });

  it("names paid, closed and unscheduled orders", () => {
    expect(nudgeState({ ...order, status: "paid" }, T0)).toBe("paid");
    expect(nudgeState({ ...order, status: "closed" }, T0)).toBe("closed");
    expect(nudgeState({ status: "unpaid", nudgeCount: 1 }, T0)).toBe(
      "reminded",
    );
    expect(nudgeState({ status: "unpaid", nudgeCount: 0 }, T0)).toBe("expired");
  });

  it("knows when the clock alone changes the state next", () => {
    expect(nextStateChangeAt(order, T0 - MIN)).toBe(T0);
    expect(nextStateChangeAt(order, T0 + MIN)).toBe(T0 + 30 * MIN);
    expect(nextStateChangeAt(order, T0 + 31 * MIN)).toBeUndefined();
  });
});
