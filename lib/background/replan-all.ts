import type { PayNudgeDB } from "@/lib/db/schema";
import { replanUnpaid } from "@/lib/db/order-plans";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { runDueCheck } from "@/lib/background/due-check";
import { withdrawNotifications } from "@/lib/background/notices";

/**
 * Plans every unpaid order afresh with the stored settings, takes down the notifications of plans
 * that went away, and checks what is due. Run when the settings change, and when a new version of
 * PayNudge starts: plans stored by an older engine would otherwise stand until a page is visited.
 */
export async function replanEveryOpenOrder(
  db: PayNudgeDB,
  now: number,
): Promise<{ replanned: number }> {
  const { changed, cancelled } = await replanUnpaid(
    db,
    now,
    await loadEngineSettings(db),
  );
  await withdrawNotifications(cancelled);
  await runDueCheck(db, now);
  return { replanned: changed.length };
}
