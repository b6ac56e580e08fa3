import { describe, expect, it } from "vitest";
import {
  abFigures,
  AB_MIN_ORDERS_PER_ARM,
  twoProportionZTest,
  wilsonInterval,
} from "@/lib/engine/ab-stats";

/*
 * Expected values computed independently (python3, math.erfc), e.g. for 45/100 against 30/100:
 * pooled p = 0.375, se = √(0.375·0.625·(1/100 + 1/100)) = 0.068465, z = 0.15/se = 2.19089,
 * p = erfc(z/√2) = 0.028460 — the textbook worked example (z ≈ 2.19, p ≈ 0.028).
 */

describe("the Wilson score interval (95 %)", () => {
  it.each([
    [45, 100, 0.356145, 0.547554],
    [30, 100, 0.218949, 0.395849],
    [1, 2, 0.094531, 0.905469],
    [0, 10, 0, 0.277533],
    [10, 10, 0.722467, 1],
  ])("%i of %i: [%f, %f]", (x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval.rate).toBeCloseTo(x / n, 10);
    expect(interval.low).toBeCloseTo(low, 5);
    expect(interval.high).toBeCloseTo(high, 5);
  });

  it("with no orders there is no rate, and the interval is all of [0, 1]", () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, low: 0, high: 1 });
  });
});

describe("the pooled two-proportion z-test, two-sided", () => {
  it.each([
    [45, 100, 30, 100, 2.19089, 0.02846],
    [30, 100, 45, 100, -2.19089, 0.02846],
    [120, 400, 90, 400, 2.41063, 0.015925],
    [12, 30, 9, 30, 0.811998, 0.416793],
    [15, 40, 14, 40, 0.232574, 0.816092],
  ])("%i/%i against %i/%i: z = %f, p = %f", (x1, n1, x2, n2, z, p) => {
    const test = twoProportionZTest(x1, n1, x2, n2);
    expect(test.z).toBeCloseTo(z, 5);
    expect(test.pValue).toBeCloseTo(p, 6);
  });

  it("finds no difference where the pooled rate leaves none to find (all or none recovered)", () => {
    expect(twoProportionZTest(0, 50, 0, 50)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(50, 50, 40, 40)).toEqual({ z: 0, pValue: 1 });
    expect(twoProportionZTest(3, 10, 0, 0)).toEqual({ z: 0, pValue: 1 });
  });
});

describe("what the test says", () => {
  it("says the leader recovers more once both arms have enough orders and p < 0.05", () => {
    const figures = abFigures({
      A: { orders: 100, recovered: 30 },
      B: { orders: 100, recovered: 45 },
    });
    expect(figures.verdict).toBe("significant");
    expect(figures.leader).toBe("B");
    expect(figures.pValue).toBeCloseTo(0.02846, 5);
    expect(figures.arms.B).toMatchObject({
      arm: "B",
      orders: 100,
      recovered: 45,
    });
    expect(figures.arms.B.low).toBeCloseTo(0.356145, 5);
    expect(figures.arms.A.high).toBeCloseTo(0.395849, 5);
  });

  it("says no difference when p ≥ 0.05 with enough orders", () => {
    const figures = abFigures({
      A: { orders: 40, recovered: 15 },
      B: { orders: 40, recovered: 14 },
    });
    expect(figures.verdict).toBe("no-difference");
    expect(figures.leader).toBe("A");
  });

  it(`says not yet below ${AB_MIN_ORDERS_PER_ARM} orders in either arm, however small p is`, () => {
    const few = abFigures({
      A: { orders: AB_MIN_ORDERS_PER_ARM - 1, recovered: 0 },
      B: { orders: 200, recovered: 150 },
    });
    expect(few.pValue).toBeLessThan(0.001);
    expect(few.verdict).toBe("not-yet");
    const enough = abFigures({
      A: { orders: AB_MIN_ORDERS_PER_ARM, recovered: 0 },
      B: { orders: 200, recovered: 150 },
    });
    expect(enough.verdict).toBe("significant");
  });

  it("names no leader on a tie or while an arm has no orders", () => {
    expect(
      abFigures({
        A: { orders: 50, recovered: 10 },
        B: { orders: 50, recovered: 10 },
      }).leader,
    ).toBeUndefined();
    const empty = abFigures({
      A: { orders: 5, recovered: 1 },
      B: { orders: 0, recovered: 0 },
    });
    expect(empty.leader).toBeUndefined();
    expect(empty.arms.B.rate).toBeNull();
  });
});
