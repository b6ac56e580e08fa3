import { vi } from "vitest";

/**
 * Waits (vi.waitUntil) until `ok` holds for what `fn` reads, and gives that value back; on timeout
 * the error shows the last value read, which says more than "timed out".
 */
export async function until<T>(
  fn: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 5000,
  intervalMs = 20,
): Promise<T> {
  let last: { value: T } | undefined;
  try {
    const hit = await vi.waitUntil(
      async () => {
        last = { value: await fn() };
        return ok(last.value) ? last : false;
      },
      { timeout: timeoutMs, interval: intervalMs },
    );
    return hit.value;
  } catch (error) {
    if (!last) throw error;
    throw new Error(
      `condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last.value)}`,
      { cause: error },
    );
  }
}
