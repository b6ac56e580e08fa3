import type { OrderBadges } from "@/lib/page/order-badges";

/** Countdowns on badges are refreshed this often; state changes get an exact timer. */
const REFRESH_MS = 60_000;

/**
 * Keeps the badges' times and states current without the background: one timer, set for the next
 * moment a badge changes by time alone (or REFRESH_MS). `arm()` sets it again after the views
 * changed; it stops when `signal` aborts.
 */
export function badgeClock(
  badges: Pick<OrderBadges, "nextChangeAt" | "refreshAll">,
  now: () => number,
  signal: AbortSignal,
): { arm(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  function arm() {
    clearTimeout(timer);
    if (signal.aborted) return;
    const time = now();
    const next = badges.nextChangeAt(time, time + REFRESH_MS);
    timer = setTimeout(
      () => {
        badges.refreshAll(now());
        arm();
      },
      Math.max(0, next - time) + 50,
    );
  }
  signal.addEventListener("abort", () => clearTimeout(timer), { once: true });
  return { arm };
}
