import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abArm } from "@/lib/engine/ab-split";

/* The split: a pure function of the order's key and the test's id, half the orders each side. */

const orderKeyArb = fc
  .tuple(
    fc.constantFrom("taobao", "jd", "pdd", "douyin", "shopify", "demo"),
    fc.stringMatching(/^[0-9]{6,19}$/),
  )
  .map(([platform, id]) => `${platform}:${id}`);
const testIdArb = fc.stringMatching(/^ab-[a-z0-9]{4,12}$/);

describe("an order's arm", () => {
  it("is the same every time it is asked, for any order and test", () => {
    fc.assert(
      fc.property(orderKeyArb, testIdArb, (key, id) => {
        const arm = abArm({ id }, key);
        expect(["A", "B"]).toContain(arm);
        expect(abArm({ id }, key)).toBe(arm);
        expect(abArm({ id: `${id}` }, `${key}`)).toBe(arm);
      }),
    );
  });

  it("splits 10 000 order ids 50 % ± 2 %, for any test (random ids)", () => {
    fc.assert(
      fc.property(
        testIdArb,
        fc.uniqueArray(orderKeyArb, { minLength: 10_000, maxLength: 10_000 }),
        (id, keys) => {
          const a = keys.filter((key) => abArm({ id }, key) === "A").length;
          expect(a / keys.length).toBeGreaterThanOrEqual(0.48);
          expect(a / keys.length).toBeLessThanOrEqual(0.52);
        },
      ),
      { numRuns: 8 },
    );
    // 8 × 10 000 orders: seconds on a loaded machine. ±2 % is four standard errors of a fair split.
  }, 60_000);

  it("splits 10 000 sequential order numbers 50 % ± 2 %, for any test", () => {
    fc.assert(
      fc.property(
        testIdArb,
        fc.bigInt({ min: 10n ** 18n, max: 9n * 10n ** 18n }),
        (id, start) => {
          let a = 0;
          for (let i = 0n; i < 10_000n; i++)
            if (abArm({ id }, `taobao:${start + i}`) === "A") a++;
          expect(a / 10_000).toBeGreaterThanOrEqual(0.48);
          expect(a / 10_000).toBeLessThanOrEqual(0.52);
        },
      ),
      { numRuns: 8 },
    );
    // 8 × 10 000 orders: seconds on a loaded machine. ±2 % is four standard errors of a fair split.
  }, 60_000);

  it("is drawn afresh by another test: about half the orders change arms", () => {
    let changed = 0;
    for (let i = 0; i < 10_000; i++) {
      const key = `jd:${300_000_000 + i}`;
      if (abArm({ id: "ab-one" }, key) !== abArm({ id: "ab-two" }, key))
        changed++;
    }
    expect(changed / 10_000).toBeGreaterThan(0.45);
    expect(changed / 10_000).toBeLessThan(0.55);
  });

  it("is pinned for known keys: a running test's orders never change arms with a new version", () => {
    // Computed apart from this code (python3: FNV-1a 32 of the UTF-8 bytes, then Murmur3's fmix32).
    expect(
      ["taobao:1", "taobao:2", "taobao:3", "taobao:4", "jd:5", "jd:6"].map(
        (key) => abArm({ id: "ab-fixed" }, key),
      ),
    ).toEqual(["B", "A", "A", "B", "A", "B"]);
  });
});
