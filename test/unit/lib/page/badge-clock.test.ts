import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { badgeClock } from "@/lib/page/badge-clock";

/* Badges change by time alone (a nudge falls due): one timer, set for the next such moment. */

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function badges(nextChange: number | undefined) {
  return {
    nextChangeAt: vi.fn((_now: number, until: number) =>
      nextChange !== undefined && nextChange < until ? nextChange : until,
    ),
    refreshAll: vi.fn(),
  };
}

describe("badgeClock", () => {
  it("refreshes the badges just after the next state change", () => {
    const now = () => Date.now();
    const b = badges(Date.now() + 5_000);
    badgeClock(b, now, new AbortController().signal).arm();
    vi.advanceTimersByTime(5_000);
    expect(b.refreshAll).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(b.refreshAll).toHaveBeenCalledOnce();
  });

  it("refreshes countdowns every minute when no state changes sooner", () => {
    const b = badges(undefined);
    badgeClock(b, () => Date.now(), new AbortController().signal).arm();
    vi.advanceTimersByTime(60_050);
    expect(b.refreshAll).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60_050);
    expect(b.refreshAll).toHaveBeenCalledTimes(2);
  });

  it("stops when the script stops, and is not set again after", () => {
    const controller = new AbortController();
    const b = badges(undefined);
    const clock = badgeClock(b, () => Date.now(), controller.signal);
    clock.arm();
    controller.abort();
    clock.arm();
    vi.advanceTimersByTime(5 * 60_000);
    expect(b.refreshAll).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
