import { describe, expect, it } from "vitest";
import { hasMessage, inEveryLocale, pickLocale, t } from "@/lib/i18n";

describe("pickLocale", () => {
  it("follows the browser's preferred-language list, first known language wins", () => {
    expect(pickLocale(["en-US", "zh-CN"])).toBe("en");
    expect(pickLocale(["zh-TW", "en"])).toBe("zh");
    expect(pickLocale(["fr-FR", "EN-gb", "zh"])).toBe("en");
    expect(pickLocale(["de", "ja"])).toBe("zh");
  });

  it("is Chinese when nothing is known", () => {
    expect(pickLocale([])).toBe("zh");
    expect(pickLocale(undefined)).toBe("zh");
  });
});

describe("t", () => {
  it("fills the placeholders it is given and leaves the others as written", () => {
    expect(t("zh", "badge.nudged", { n: 2 })).toBe("已催2次");
    expect(t("en", "badge.nudged", { n: 2 })).toBe("nudged 2×");
    expect(t("en", "badge.last", { agent: "Ann" })).toBe("last Ann {time}");
  });

  it("does not read placeholders inside the values it fills in", () => {
    expect(t("en", "notify.title", { buyer: "{n}" })).toBe(
      "Time to nudge: {n}",
    );
  });

  it("gives one message in every language", () => {
    expect(inEveryLocale("channel.sms")).toEqual({ zh: "短信", en: "SMS" });
  });

  it("knows its keys, not an object's inherited names", () => {
    expect(hasMessage("popup.title")).toBe(true);
    expect(hasMessage("toString")).toBe(false);
    expect(hasMessage("popup.nope")).toBe(false);
  });
});
