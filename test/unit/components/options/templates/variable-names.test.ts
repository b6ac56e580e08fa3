import { describe, expect, it } from "vitest";
import {
  bodyForEditing,
  bodyToStore,
  shownParts,
  shownToken,
} from "@/components/options/templates/variable-names";
import { unknownVariables } from "@/lib/templates/render";

describe("template variables by their names", () => {
  it("shows stored keys by the UI language's names and stores names back as the keys", () => {
    const stored = "{{buyer}}，您{{ orderTime }}的订单，{{nope}}";
    expect(bodyForEditing(stored, "zh")).toBe(
      "{{买家}}，您{{下单时间}}的订单，{{nope}}",
    );
    expect(bodyForEditing(stored, "en")).toBe(
      "{{buyer}}，您{{order time}}的订单，{{nope}}",
    );
    expect(bodyToStore("{{买家}}，您{{下单时间}}的订单，{{nope}}")).toBe(
      "{{buyer}}，您{{orderTime}}的订单，{{nope}}",
    );
    // A key typed as it is stored, or an English name, is a variable too; an unknown name stays.
    expect(bodyToStore("{{orderTime}} {{ Order Time }} {{付款}}")).toBe(
      "{{orderTime}} {{orderTime}} {{付款}}",
    );
    expect(unknownVariables(bodyToStore("{{店铺}}{{付款}}"))).toEqual(["付款"]);
    expect(shownToken("payLink", "zh")).toBe("{{付款链接}}");
  });

  it("splits a body for the list with each variable by its name", () => {
    expect(shownParts("您{{orderTime}}的{{x}}", "zh")).toEqual([
      { text: "您" },
      { text: "「下单时间」", variable: "orderTime" },
      { text: "的{{x}}" },
    ]);
    expect(
      shownParts("{{item}}", "en")
        .map((p) => p.text)
        .join(""),
    ).toBe("[item]");
  });
});
