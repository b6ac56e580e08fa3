import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sameBuyer } from "@/lib/model/same-buyer";

/*
 * The open chat's buyer against the order's: masked nicknames match by their visible characters,
 * a mask run standing for one or more hidden characters.
 */

describe("sameBuyer", () => {
  it.each([
    ["t**1", "tom1"],
    ["t**1", "ta1"],
    ["小***店", "小明的店"],
    ["a*b", "axyzb"],
    ["牛**", "牛奶糖"],
    ["牛**", "牛**"],
    ["牛**", "牛奶**"],
    ["t**1", "t*1"],
    ["Tom 1", "tom1"],
    ["ｔｏｍ１", "tom1"],
    ["小＊＊店", "小明店"],
    ["  阿华 ", "阿华"],
  ])("%s and %s are the same buyer", (a, b) => {
    expect(sameBuyer(a, b)).toBe("same");
    expect(sameBuyer(b, a)).toBe("same");
  });

  it.each([
    ["t**1", "tom2"],
    ["t**1", "t1"], // the mask hides at least one character
    ["a*b", "ab"],
    ["牛**", "小***"],
    ["牛**", "牛"],
    ["小***店", "小明的铺"],
    ["tom", "tim"],
    ["a**y", "l**7"],
  ])("%s and %s are different buyers", (a, b) => {
    expect(sameBuyer(a, b)).toBe("different");
    expect(sameBuyer(b, a)).toBe("different");
  });

  it.each([
    [undefined, "牛**"],
    ["牛**", undefined],
    ["", "牛**"],
    ["   ", "牛**"],
    ["***", "牛**"],
    ["牛**", "x".repeat(65)],
  ])("%s and %s: unknown", (a, b) => {
    expect(sameBuyer(a, b)).toBe("unknown");
  });
});

/** Nicknames as platforms show them: CJK, latin, digits, an emoji; never a mask character. */
const nickChar = fc.constantFrom(
  ..."牛小晴天木子张橙阿米夏明的店atlyb178_-".split(""),
  "😀",
);
const nickname = fc
  .array(nickChar, { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(""));

/** A nickname and one of its masks: hidden runs of one or more characters, at least one shown. */
const nickAndMask = fc
  .array(fc.tuple(nickChar, fc.boolean()), { minLength: 1, maxLength: 12 })
  .filter((cs) => cs.some(([, shown]) => shown))
  .chain((cs) =>
    fc
      .array(fc.integer({ min: 1, max: 3 }), {
        minLength: cs.length,
        maxLength: cs.length,
      })
      .map((stars) => {
        const name = cs.map(([c]) => c).join("");
        let mask = "";
        cs.forEach(([c, shown], i) => {
          if (shown) mask += c;
          // A hidden run is written once, with however many stars the platform likes.
          else if (i === 0 || cs[i - 1]![1]) mask += "*".repeat(stars[i]!);
        });
        return { name, mask };
      }),
  );

/** The mask as a regular expression: each run of stars is one or more characters. */
function maskRegex(mask: string): RegExp {
  const source = Array.from(mask.replace(/\*+/g, "*"))
    .map((c) => (c === "*" ? ".+" : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "u");
}

describe("sameBuyer, as properties", () => {
  it("a nickname always matches its own masks, either way round", () => {
    fc.assert(
      fc.property(nickAndMask, ({ name, mask }) => {
        expect(sameBuyer(mask, name)).toBe("same");
        expect(sameBuyer(name, mask)).toBe("same");
      }),
    );
  });

  it("two masks of one nickname match each other", () => {
    fc.assert(
      fc.property(
        nickAndMask,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        ({ name, mask }, shown) => {
          const chars = Array.from(name);
          if (!chars.some((_, i) => shown[i])) return;
          const other = chars
            .map((c, i) => (shown[i] ? c : "*"))
            .join("")
            .replace(/\*+/g, "**");
          expect(sameBuyer(mask, other)).toBe("same");
        },
      ),
    );
  });

  it("unmasked nicknames match exactly when they are equal", () => {
    fc.assert(
      fc.property(nickname, nickname, (a, b) => {
        expect(sameBuyer(a, b)).toBe(a === b ? "same" : "different");
      }),
    );
  });

  it("a masked name matches a full nickname exactly when its visible characters line up", () => {
    fc.assert(
      fc.property(nickAndMask, nickname, ({ mask }, other) => {
        expect(sameBuyer(mask, other)).toBe(
          maskRegex(mask).test(other) ? "same" : "different",
        );
      }),
    );
  });

  it("a different visible first or last character never matches", () => {
    fc.assert(
      fc.property(nickAndMask, nickChar, ({ name, mask }, c) => {
        const chars = Array.from(name);
        const ends = Array.from(mask);
        if (ends[0] !== "*" && c !== chars[0]) {
          const changed = [c, ...chars.slice(1)].join("");
          expect(sameBuyer(mask, changed)).toBe("different");
        }
        if (ends.at(-1) !== "*" && c !== chars.at(-1)) {
          const changed = [...chars.slice(0, -1), c].join("");
          expect(sameBuyer(mask, changed)).toBe("different");
        }
      }),
    );
  });
});
