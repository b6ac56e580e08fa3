import { describe, expect, it } from "vitest";
import { parseRequest } from "@/lib/schemas/requests";
import { ROW_SCHEMAS } from "@/lib/schemas/stored-rows";
import { WHEN_IDS } from "@/lib/templates/outcomes";

const AT = new Date(2026, 10, 23, 12, 31).getTime();
const request = (when: unknown) => ({
  key: "taobao:1",
  channel: "chat",
  at: AT,
  outcome: "will-pay",
  when,
});

const NOT_A_TIME = [
  "9:30",
  "24:00",
  "12:60",
  "14:30:00",
  " 14:30",
  "14:30\n",
  "14.30",
  "1430",
  "",
  "soon",
  "constructor",
  1_796_175_545_333,
  null,
];

describe("the log request's `when`", () => {
  it("accepts every word and a typed HH:mm", () => {
    for (const when of [...WHEN_IDS, "00:00", "09:05", "14:30", "23:59"])
      expect(parseRequest("logNudge", request(when)).when, when).toBe(when);
    expect(parseRequest("logNudge", request(undefined)).when).toBeUndefined();
  });

  it("refuses anything else, saying what it takes", () => {
    for (const when of NOT_A_TIME) {
      let error: unknown;
      try {
        parseRequest("logNudge", request(when));
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(when)).toBeInstanceOf(Error);
      // A string is told the shapes accepted; any other type is refused as not text.
      if (typeof when === "string")
        expect(
          (error as { issues: { message: string }[] }).issues,
          when,
        ).toEqual([
          expect.objectContaining({
            path: ["when"],
            message:
              'when must be one of now, noon, afternoon, evening, tomorrow or a time of day as "HH:mm" (00:00–23:59)',
          }),
        ]);
    }
  });
});

describe("the stored nudge log's `when`", () => {
  const row = (when: unknown) => ({
    orderKey: "taobao:1",
    at: AT,
    channel: "chat",
    outcome: "will-pay",
    when,
  });

  it("imports back a typed time as the request accepted it", () => {
    expect(ROW_SCHEMAS.nudges.safeParse(row("14:30")).success).toBe(true);
    expect(ROW_SCHEMAS.nudges.safeParse(row("evening")).success).toBe(true);
  });

  it("refuses what the request would refuse", () => {
    for (const when of NOT_A_TIME)
      expect(
        ROW_SCHEMAS.nudges.safeParse(row(when)).success,
        JSON.stringify(when),
      ).toBe(false);
  });
});
