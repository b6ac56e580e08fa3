import type { PayNudgeDB } from "@/lib/db/schema";

/**
 * Test builds only: a test parks the due check at one of these points (a settings row names the
 * point and the earliest run it applies to), learns from another row that it is parked, and stops
 * the worker there (test/e2e/scheduler.e2e.ts). Production builds drop every call (each is guarded by
 * `import.meta.env.MODE === "test"`, replaced at build time), and with them this module.
 */
export const PARK_AT_KEY = "test:parkDueCheckAt";
export const PARKED_KEY = "test:dueCheckParked";
export const DUE_CHECK_POINTS = [
  "armed",
  "replanned",
  "settled",
  "notice-written",
  "created",
  "recorded",
  "replaced-cleared",
  "marked",
] as const;
export type DueCheckPoint = (typeof DUE_CHECK_POINTS)[number];

export async function parkIfAsked(
  db: PayNudgeDB,
  point: DueCheckPoint,
  now: number,
): Promise<void> {
  const asked = (await db.settings.get(PARK_AT_KEY))?.value as
    { point?: unknown; from?: unknown } | undefined;
  if (asked?.point !== point || !(now >= Number(asked.from ?? 0))) return;
  // Once: the retry after the worker is stopped goes through.
  await db.transaction("rw", db.settings, async () => {
    await db.settings.delete(PARK_AT_KEY);
    await db.settings.put({ key: PARKED_KEY, value: { point, now } });
  });
  await new Promise<never>(() => undefined);
}

/**
 * Test builds only: once a run has been parked, every check that runs through says so (in the
 * parked row), so a test knows when the retry after a stop is over.
 */
export async function noteCheckDone(
  db: PayNudgeDB,
  now: number,
): Promise<void> {
  await db.transaction("rw", db.settings, async () => {
    const parked = await db.settings.get(PARKED_KEY);
    if (parked === undefined) return;
    const value = parked.value as Record<string, unknown>;
    await db.settings.put({
      key: PARKED_KEY,
      value: { ...value, doneAt: now },
    });
  });
}
