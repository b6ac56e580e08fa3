import { beforeEach, describe, expect, it, vi } from "vitest";
import { PayNudgeDB } from "@/lib/db/schema";
import { parseRequest } from "@/lib/schemas/requests";
import {
  getSetting,
  invalidStoredSettings,
  setSetting,
} from "@/lib/schemas/settings";
import { readPlainSetting } from "@/lib/db/setting-values";

/* The retention setting: its request's check, and the stored value's. */

const REFUSED: unknown[] = [
  0,
  -1,
  -90,
  30,
  3651,
  1e9,
  90.5,
  "90",
  null,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("the retention request", () => {
  it.each([31, 90, 365, 3650])("accepts %d days", (days) => {
    expect(parseRequest("setRetentionDays", { days })).toEqual({ days });
  });

  it.each(REFUSED)("refuses %s", (days) => {
    expect(() => parseRequest("setRetentionDays", { days })).toThrow();
  });

  it("refuses a request without days", () => {
    expect(() => parseRequest("setRetentionDays", {})).toThrow();
    expect(() => parseRequest("setRetentionDays", undefined)).toThrow();
  });
});

describe("the stored retention", () => {
  it("is 90 days until set, then what was set", async () => {
    expect(await getSetting(db, "retentionDays")).toBe(90);
    await setSetting(db, "retentionDays", 45);
    expect(await getSetting(db, "retentionDays")).toBe(45);
    expect(await readPlainSetting(db, "retentionDays")).toBe(45);
  });

  it.each(REFUSED)("is never written as %s", async (days) => {
    await expect(
      setSetting(db, "retentionDays", days as number),
    ).rejects.toThrow();
    expect(await db.settings.get("retentionDays")).toBeUndefined();
  });

  it("a wrong stored value (a hand-edited backup) reads as the default and is named", async () => {
    await db.settings.put({ key: "retentionDays", value: 0 });
    expect(await getSetting(db, "retentionDays")).toBe(90);
    expect(await readPlainSetting(db, "retentionDays")).toBe(90);
    expect(await invalidStoredSettings(db)).toEqual(["retentionDays"]);
  });
});
