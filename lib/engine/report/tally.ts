import type { StoredOrder } from "@/lib/model/order";

/* Small sums the report's figures share: amounts kept per currency, a rate, a median. */

export interface Cents {
  CNY: number;
  USD: number;
}

export const noCents = (): Cents => ({ CNY: 0, USD: 0 });

/** Adds an order's amount (unknown: nothing) to its currency's sum (unknown: CNY). */
export function addAmount(sum: Cents, order: StoredOrder): void {
  sum[order.currency ?? "CNY"] += order.amountCents ?? 0;
}

/** part / whole, null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/** The median (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? sorted[mid]!
    : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
