import { describe, expect, it } from "vitest";
import {
  draftToWindows,
  minutesToText,
  textToMinutes,
  windowError,
  windowsToDraft,
} from "@/components/options/plan/windows-draft";

describe("day windows as typed", () => {
  it("reads HH:MM from 00:00 to 24:00, with spaces around", () => {
    expect(textToMinutes("00:00")).toBe(0);
    expect(textToMinutes(" 9:05 ")).toBe(545);
    expect(textToMinutes("24:00")).toBe(1440);
    for (const bad of ["24:01", "12:60", "1230", "", "12:3", "-1:00"])
      expect(textToMinutes(bad)).toBeUndefined();
  });

  it("shows minutes as HH:MM and reads them back", () => {
    expect(minutesToText(0)).toBe("00:00");
    expect(minutesToText(1290)).toBe("21:30");
    const windows = [
      { from: 120, to: 540 },
      { from: 1380, to: 60 },
    ];
    expect(draftToWindows(windowsToDraft(windows))).toEqual(windows);
    expect(windowsToDraft(undefined)).toEqual([]);
  });

  it("refuses a window that is not two times, or that is empty", () => {
    expect(windowError({ from: "22:00", to: "06:00" }, "zh")).toBeUndefined();
    expect(windowError({ from: "22:00", to: "" }, "en")).toBeTruthy();
    expect(windowError({ from: "08:00", to: "8:00" }, "zh")).toBe(
      "开始和结束不能相同",
    );
  });
});
