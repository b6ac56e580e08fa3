import { armTemplate, type AbArm, type AbTest } from "@/lib/model/ab-test";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import { attributeOrder, nudgesByOrder } from "@/lib/engine/report/attribution";

/*
 * Each arm's orders and recovered orders, from the nudge log: the log stores the template each
 * nudge used. Recovered is the report's one definition (lib/engine/report/attribution.ts): paid
 * after a logged nudge, within the attribution window from the last nudge before payment, credited
 * to that nudge; here the credited nudge must be the arm's.
 */

export interface ArmCount {
  /** Orders whose last nudge of the test (before payment) used this arm's template. */
  orders: number;
  /** Of those, orders the report counts recovered, credited to that very nudge. */
  recovered: number;
}

/**
 * Counts per arm. An order is in the arm whose template its last nudge of the test used: a nudge
 * logged while the test ran (startedAt ≤ at < endedAt) with one of its two templates, before the
 * payment when paid. It is recovered when the report credits its payment to that very nudge; an
 * agent who sent another text last took the credit away from the arm. An order whose row is gone
 * counts as not paid.
 */
export function armCounts(
  test: AbTest,
  nudges: readonly NudgeLog[],
  orders: ReadonlyMap<string, StoredOrder>,
  attributionHours: number,
): Record<AbArm, ArmCount> {
  const arms: Record<AbArm, ArmCount> = {
    A: { orders: 0, recovered: 0 },
    B: { orders: 0, recovered: 0 },
  };
  const armOf = (templateId: string | undefined): AbArm | undefined =>
    templateId === armTemplate(test, "A")
      ? "A"
      : templateId === armTemplate(test, "B")
        ? "B"
        : undefined;
  const end = test.endedAt ?? Number.POSITIVE_INFINITY;

  for (const [key, list] of nudgesByOrder(nudges)) {
    const order = orders.get(key);
    // As the report reads it: the page's payment time, else when PayNudge first saw it paid.
    const paidAt = order?.paidAt ?? order?.paidSeenAt;
    // Oldest first, as attributeOrder reads them: the same nudge wins a tie in both.
    let lastOfTest: NudgeLog | undefined;
    for (const nudge of list) {
      if (paidAt !== undefined && nudge.at > paidAt) break;
      if (
        nudge.at >= test.startedAt &&
        nudge.at < end &&
        armOf(nudge.templateId) !== undefined
      )
        lastOfTest = nudge;
    }
    if (!lastOfTest) continue;
    const arm = armOf(lastOfTest.templateId)!;
    arms[arm].orders += 1;
    const attribution = order && attributeOrder(order, list, attributionHours);
    if (
      attribution?.kind === "recovered" &&
      attribution.lastNudge === lastOfTest
    )
      arms[arm].recovered += 1;
  }
  return arms;
}
