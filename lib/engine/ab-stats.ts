import type { AbArm } from "@/lib/model/ab-test";

/*
 * Whether one template recovers more orders than the other: each arm's rate with its 95 % Wilson
 * score interval, and the standard pooled two-proportion z-test, two-sided. Pure arithmetic.
 */

/** z for a two-sided 95 % interval: Φ⁻¹(0.975). */
const Z_95 = 1.959963984540054;
/** Below this many orders in either arm the test says "not yet", whatever p is. */
export const AB_MIN_ORDERS_PER_ARM = 30;
const ALPHA = 0.05;

export interface RateInterval {
  /** recovered / orders; null with no orders. */
  rate: number | null;
  /** 95 % Wilson score interval, [0, 1] with no orders. */
  low: number;
  high: number;
}

/** The Wilson score interval of x successes in n trials (95 %): never outside [0, 1]. */
export function wilsonInterval(x: number, n: number, z = Z_95): RateInterval {
  if (n <= 0) return { rate: null, low: 0, high: 1 };
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half =
    (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}

/**
 * erfc(x) for x ≥ 0 (Numerical Recipes' erfcc, Chebyshev fit): fractional error below 1.2e-7,
 * far finer than a p-value is read.
 */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t *
                              (1.48851587 +
                                t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

export interface ZTest {
  /** (p1 − p2) / pooled standard error; 0 when the pooled rate is 0 or 1 (no difference seen). */
  z: number;
  /** Two-sided: P(|Z| ≥ |z|). */
  pValue: number;
}

/** The pooled two-proportion z-test of x1/n1 against x2/n2. */
export function twoProportionZTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): ZTest {
  if (n1 <= 0 || n2 <= 0) return { z: 0, pValue: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, pValue: 1 };
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}

interface ArmFigures extends RateInterval {
  arm: AbArm;
  orders: number;
  recovered: number;
}

/** What the test says so far. */
type AbVerdict =
  /** Fewer than AB_MIN_ORDERS_PER_ARM orders in an arm. */
  | "not-yet"
  /** p < 0.05: `leader` recovers more. */
  | "significant"
  /** Enough orders, no difference shown (yet). */
  | "no-difference";

export interface AbFigures {
  arms: Record<AbArm, ArmFigures>;
  z: number;
  pValue: number;
  verdict: AbVerdict;
  /** The arm with the higher rate; absent on a tie or while an arm has no orders. */
  leader?: AbArm;
}

/** Each arm's rate and interval, and the test between them. */
export function abFigures(
  counts: Record<AbArm, { orders: number; recovered: number }>,
): AbFigures {
  const arm = (id: AbArm): ArmFigures => ({
    arm: id,
    orders: counts[id].orders,
    recovered: counts[id].recovered,
    ...wilsonInterval(counts[id].recovered, counts[id].orders),
  });
  const arms = { A: arm("A"), B: arm("B") };
  const { z, pValue } = twoProportionZTest(
    arms.A.recovered,
    arms.A.orders,
    arms.B.recovered,
    arms.B.orders,
  );
  const enough =
    arms.A.orders >= AB_MIN_ORDERS_PER_ARM &&
    arms.B.orders >= AB_MIN_ORDERS_PER_ARM;
  const figures: AbFigures = {
    arms,
    z,
    pValue,
    verdict: !enough
      ? "not-yet"
      : pValue < ALPHA
        ? "significant"
        : "no-difference",
  };
  const a = arms.A.rate;
  const b = arms.B.rate;
  if (a !== null && b !== null && a !== b) figures.leader = a > b ? "A" : "B";
  return figures;
}
