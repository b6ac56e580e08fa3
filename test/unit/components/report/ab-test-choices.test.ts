import { describe, expect, it } from "vitest";
import {
  choicesForA,
  formatPercent,
  formatPValue,
  partnersOf,
} from "@/components/report/ab-test-choices";
import { DEFAULT_TEMPLATES } from "@/lib/templates/shipped";

/* Which templates the A/B card lets face each other, and how its numbers read. */

const byId = (id: string) => DEFAULT_TEMPLATES.find((tpl) => tpl.id === id)!;
const ids = (list: readonly { id: string }[]) => list.map((tpl) => tpl.id);

describe("the pairs offered", () => {
  it("pair only templates of one scenario, language, channel and the same buyers", () => {
    const partners = ids(partnersOf(DEFAULT_TEMPLATES, byId("zh-follow-up")));
    expect(partners).toContain("zh-follow-up-shipping-cost");
    expect(partners).not.toContain("zh-follow-up");
    expect(partners).not.toContain("zh-follow-up-sms");
    expect(partners).not.toContain("en-follow-up");
    expect(partners).not.toContain("zh-final");
    // The shipped first reminders are each written for other buyers: none pairs with another.
    expect(partnersOf(DEFAULT_TEMPLATES, byId("zh-first-new"))).toEqual([]);
    expect(ids(choicesForA(DEFAULT_TEMPLATES, "first"))).not.toContain(
      "zh-first-new",
    );
    expect(ids(choicesForA(DEFAULT_TEMPLATES, "follow-up"))).toContain(
      "zh-follow-up",
    );
  });
});

describe("numbers", () => {
  it("read as percentages with one decimal, and p-values with three", () => {
    expect(formatPercent("zh", 0.3561)).toBe("35.6%");
    expect(formatPValue(0.02846)).toBe("0.028");
    expect(formatPValue(0.0004)).toBe("< 0.001");
  });
});
