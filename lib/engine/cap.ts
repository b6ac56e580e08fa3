/** A cap on nudges to one buyer: at most `count` in any span of `windowMs`. */
export interface BuyerCap {
  count: number;
  windowMs: number;
}

/** How many of the buyer's logged nudges still count against the cap at moment t. */
export function nudgesInWindow(
  t: number,
  nudges: readonly number[],
  cap: BuyerCap,
): number {
  return nudges.filter((x) => x > t - cap.windowMs).length;
}

/**
 * The first moment at or after t when one more nudge keeps the buyer within the cap. Every logged
 * nudge counts until it is `windowMs` old, including ones logged after t (they happened before the
 * agent acts on this due moment): so the answer does not depend on the clock. Infinity when the cap
 * allows no nudge at all.
 */
export function capFreeFrom(
  t: number,
  nudges: readonly number[],
  cap: BuyerCap,
): number {
  if (cap.count <= 0) return Infinity;
  const counting = nudges
    .filter((x) => x > t - cap.windowMs)
    .sort((a, b) => a - b);
  if (counting.length < cap.count) return t;
  // Once the oldest (m - count + 1) have aged out, count - 1 remain and one more fits.
  return counting[counting.length - cap.count]! + cap.windowMs;
}
