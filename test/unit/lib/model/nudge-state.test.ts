import { describe, expect, it } from "vitest";
import { nudgeState } from "@/lib/model/nudge-state";

const T0 = new Date(2026, 10, 23, 0, 49).getTime();
const MIN = 60_000;

describe("nudgeState without a planned nudge", () => {
  it("says no nudge fits, never past deadline, while the deadline is ahead", () => {
    const order = {
      status: "unpaid" as const,
      nudgeCount: 0,
      deadlineAt: T0 + 30 * MIN,
    };
    expect(nudgeState(order, T0 + 14 * MIN)).toBe("no-slot");
    expect(nudgeState(order, T0 + 30 * MIN)).toBe("expired");
  });

  it("says snoozed when the snooze outlasts the deadline", () => {
    const order = {
      status: "unpaid" as const,
      nudgeCount: 0,
      deadlineAt: T0 + 30 * MIN,
      snoozedUntil: T0 + 60 * MIN,
    };
    expect(nudgeState(order, T0 + 5 * MIN)).toBe("snoozed");
  });

  it("keeps reminded, declined and the states of a planned nudge as they were", () => {
    const base = { status: "unpaid" as const, deadlineAt: T0 + 30 * MIN };
    expect(nudgeState({ ...base, nudgeCount: 1 }, T0)).toBe("reminded");
    expect(nudgeState({ ...base, nudgeCount: 0, declinedAt: T0 }, T0)).toBe(
      "declined",
    );
    expect(
      nudgeState({ ...base, nudgeCount: 0, nextDueAt: T0 + MIN }, T0),
    ).toBe("upcoming");
    expect(nudgeState({ status: "unpaid", nudgeCount: 0 }, T0)).toBe("expired");
  });
});
