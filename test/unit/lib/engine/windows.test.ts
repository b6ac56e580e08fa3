import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE_SETTINGS as S } from "@/lib/engine/settings";
import {
  allowedAt,
  inWindow,
  lastAllowedBefore,
  nextAllowed,
  nextMorning,
  promotionAt,
} from "@/lib/engine/windows";
import { snoozeUntil } from "@/lib/engine/snooze";

/** Local time on 2026-11-{day} (Nov 23 is a Monday). */
const at = (day: number, h: number, m = 0) =>
  new Date(2026, 10, day, h, m).getTime();
const PROMO = {
  ...S,
  promotions: [{ from: "2026-11-10", to: "2026-11-11", label: "双11" }],
};

describe("day windows", () => {
  it.each([
    [{ from: 120, to: 540 }, at(23, 1, 59), false],
    [{ from: 120, to: 540 }, at(23, 2, 0), true],
    [{ from: 120, to: 540 }, at(23, 8, 59), true],
    [{ from: 120, to: 540 }, at(23, 9, 0), false],
    [{ from: 1380, to: 420 }, at(23, 23, 30), true],
    [{ from: 1380, to: 420 }, at(23, 3, 0), true],
    [{ from: 1380, to: 420 }, at(23, 7, 0), false],
    [{ from: 1200, to: 1440 }, at(23, 23, 59), true],
    [{ from: 600, to: 600 }, at(23, 10, 0), false],
  ])("%o contains %i: %s", (w, t, expected) => {
    expect(inWindow(t, w)).toBe(expected);
  });
});

describe("the next allowed moment (input time → expected moment)", () => {
  it.each([
    ["chat at 12:00 stays", "chat", at(23, 12), at(23, 12)],
    [
      "chat at 02:00 waits for the end of quiet hours",
      "chat",
      at(23, 2),
      at(23, 9),
    ],
    ["chat at 08:59 waits a minute", "chat", at(23, 8, 59), at(23, 9)],
    ["chat at 01:59 is still fine", "chat", at(23, 1, 59), at(23, 1, 59)],
    ["phone at 10:00 waits for 11:00", "phone", at(23, 10), at(23, 11)],
    ["phone at 12:00 waits for 16:00", "phone", at(23, 12), at(23, 16)],
    ["phone at 16:30 stays", "phone", at(23, 16, 30), at(23, 16, 30)],
    ["phone at 17:00 waits for 19:00", "phone", at(23, 17), at(23, 19)],
    [
      "phone at 21:00 waits for 11:00 next day",
      "phone",
      at(23, 21),
      at(24, 11),
    ],
    [
      "sms at 21:30 waits for 09:00 (SMS 08–21, quiet until 09)",
      "sms",
      at(23, 21, 30),
      at(24, 9),
    ],
    [
      "sms at 23:00 on a promotion day waits for 10:00",
      "sms",
      at(10, 23),
      at(11, 10),
    ],
    [
      "chat at 02:30 on a promotion day is inside 00–03",
      "chat",
      at(11, 2, 30),
      at(11, 2, 30),
    ],
    [
      "chat at 03:00 on a promotion day waits for 10:00",
      "chat",
      at(11, 3),
      at(11, 10),
    ],
    [
      "chat at 13:00 on a promotion day waits for 20:00",
      "chat",
      at(10, 13),
      at(10, 20),
    ],
    [
      "chat at 23:30 on the last promotion day is fine",
      "chat",
      at(11, 23, 30),
      at(11, 23, 30),
    ],
    [
      "chat at 05:00 the day after the promotion: quiet hours again, 09:00",
      "chat",
      at(12, 5),
      at(12, 9),
    ],
    [
      "phone at 10:30 on a promotion day: 11:00 (both windows)",
      "phone",
      at(10, 10, 30),
      at(10, 11),
    ],
    [
      "phone at 19:30 on a promotion day: 20:00 (both windows)",
      "phone",
      at(10, 19, 30),
      at(10, 20),
    ],
  ] as const)("%s", (_name, channel, t, expected) => {
    expect(nextAllowed(t, channel, PROMO)).toBe(expected);
    expect(allowedAt(expected, channel, PROMO)).toBe(true);
  });

  it("gives up past the limit", () => {
    expect(nextAllowed(at(23, 3), "chat", S, at(23, 8))).toBeUndefined();
    expect(
      nextAllowed(at(23, 3), "chat", {
        ...S,
        quietHours: [{ from: 0, to: 1440 }],
      }),
    ).toBeUndefined();
  });
});

describe("placing a step before the quiet hours", () => {
  it.each([
    [
      "02:30 → 01:50, the quiet hours start at 02:00",
      at(23, 2, 30),
      at(22, 20),
      at(23, 1, 50),
    ],
    [
      "not before the order: floor 01:55 → 01:55",
      at(23, 2, 30),
      at(23, 1, 55),
      at(23, 1, 55),
    ],
    ["nothing allowed since the floor", at(23, 5), at(23, 2, 10), undefined],
  ])("%s", (_name, t, floor, expected) => {
    expect(lastAllowedBefore(t, "chat", S, floor)).toBe(expected);
  });
});

describe("promotions and snoozes", () => {
  it("runs a promotion from the start of its first day to the end of its last", () => {
    expect(promotionAt(at(9, 23, 59), PROMO.promotions)).toBeUndefined();
    expect(promotionAt(at(10, 0), PROMO.promotions)?.label).toBe("双11");
    expect(promotionAt(at(11, 23, 59), PROMO.promotions)?.label).toBe("双11");
    expect(promotionAt(at(12, 0), PROMO.promotions)).toBeUndefined();
  });

  it.each([
    ["15m", at(23, 14), at(23, 14, 15)],
    ["1h", at(23, 14), at(23, 15)],
    ["morning", at(23, 14), at(24, 9)],
    ["morning", at(23, 23, 50), at(24, 9)],
    ["morning", at(24, 1, 30), at(24, 9)],
  ] as const)("snooze %s at %i ends at %i", (choice, now, expected) => {
    expect(snoozeUntil(choice, now, S)).toBe(expected);
    expect(nextMorning(now, 9 * 60)).toBeGreaterThan(now);
  });
});
