import { beforeEach, describe, expect, it, vi } from "vitest";
import { handleSaveGeneralSettings } from "@/lib/background/settings-handlers";
import { PayNudgeDB } from "@/lib/db/schema";
import { readPlainSetting } from "@/lib/db/setting-values";
import { parseRequest } from "@/lib/schemas/requests";
import {
  getSetting,
  invalidStoredSettings,
  setSetting,
} from "@/lib/schemas/settings";
import { ROW_SCHEMAS } from "@/lib/schemas/stored-rows";

/* The report's attribution window (issue 16): a General setting the extension's pages save. */

const REFUSED: unknown[] = [0, -1, 721, 72.5, "72", null, Number.NaN, 1e9];

let db: PayNudgeDB;
beforeEach(() => {
  db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("the attribution window", () => {
  it("is 72 hours until the seller sets it", async () => {
    expect(await getSetting(db, "attributionHours")).toBe(72);
    expect(await readPlainSetting(db, "attributionHours")).toBe(72);
  });

  it.each([1, 24, 72, 720])(
    "saves %d hours from the options page's General section",
    async (hours) => {
      await handleSaveGeneralSettings(db, { attributionHours: hours });
      expect(await getSetting(db, "attributionHours")).toBe(hours);
      // Saving other General settings leaves it.
      await handleSaveGeneralSettings(db, { agentName: "阿华" });
      expect(await getSetting(db, "attributionHours")).toBe(hours);
    },
  );

  it.each(REFUSED)(
    "refuses %s hours, in the request and in the store",
    async (hours) => {
      expect(() =>
        parseRequest("saveGeneralSettings", { attributionHours: hours }),
      ).toThrow();
      await expect(
        handleSaveGeneralSettings(db, { attributionHours: hours }),
      ).rejects.toThrow();
      await expect(
        setSetting(db, "attributionHours", hours as number),
      ).rejects.toThrow();
      expect(await db.settings.get("attributionHours")).toBeUndefined();
      expect(
        ROW_SCHEMAS.settings.safeParse({
          key: "attributionHours",
          value: hours,
        }).success,
      ).toBe(false);
    },
  );

  it("reads an invalid stored value as the default, and names it", async () => {
    await db.settings.put({ key: "attributionHours", value: 0 });
    expect(await getSetting(db, "attributionHours")).toBe(72);
    expect(await readPlainSetting(db, "attributionHours")).toBe(72);
    expect(await invalidStoredSettings(db)).toEqual(["attributionHours"]);
  });

  it("imports back from a backup's settings row", () => {
    expect(
      ROW_SCHEMAS.settings.safeParse({ key: "attributionHours", value: 48 }),
    ).toMatchObject({
      success: true,
      data: { key: "attributionHours", value: 48 },
    });
  });
});
