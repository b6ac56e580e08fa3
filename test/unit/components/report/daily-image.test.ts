import { describe, expect, it } from "vitest";
import { wrapLine } from "@/components/report/daily-image";

/** Every character 10 units wide. */
const measure = (text: string) => [...text].length * 10;

describe("the daily report image's line wrapping", () => {
  it("cuts a long Chinese line at the width, character by character", () => {
    expect(wrapLine("一二三四五六七八", 30, measure)).toEqual([
      "一二三",
      "四五六",
      "七八",
    ]);
  });

  it("keeps a short line whole and drops the space a cut line would start with", () => {
    expect(wrapLine("短句", 30, measure)).toEqual(["短句"]);
    expect(wrapLine("abc def", 30, measure)).toEqual(["abc", "def"]);
  });
});
