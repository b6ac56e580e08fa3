import { describe, expect, it } from "vitest";
import { BADGE_STATE_COLOURS } from "@/components/page/badge/badge-style";

/*
 * Issue 15: the badge's text at WCAG AA. The badge lives in a closed shadow root, where axe-core
 * (the e2e check of the extension's pages) cannot look, so its colours are checked here with the
 * WCAG 2 formula: 4.5:1 for its 11–12 px text, a transparent badge on the row's white.
 */

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("the badge's colours", () => {
  it("computes contrast as WCAG does (black on white 21:1, #767676 on white 4.54:1)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("reads every state at 4.5:1 or more", () => {
    for (const [state, { color, background }] of Object.entries(
      BADGE_STATE_COLOURS,
    )) {
      const ground = background === "transparent" ? "#ffffff" : background;
      expect(
        contrast(color, ground),
        `${state}: ${color} on ${ground}`,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });
});
