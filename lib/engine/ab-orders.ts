import { armTemplate, type AbArm, type AbTest } from "@/lib/model/ab-test";
import type { NudgeLog } from "@/lib/model/nudge-log";

/*
 * Each arm's orders and recovered orders, from the nudge log: the log stores the template each
 * nudge used. The recovery rule is the report's (issue 16): paid after a logged nudge, within the
 * attribution window from the last nudge before payment, credited to that nudge. A stand-in until
 * lib/engine/report/ holds that rule for the whole report: merge this into it then.
 */

/** What the split needs of an order: its key and when it was paid (absent: not paid). */
export interface AbOrderFacts {
  key: string;
  /** Epoch ms of the payment (the page's time, else when PayNudge first saw it paid). */
  paidAt?: number;
}

export interface ArmCount {
  /** Orders whose last nudge of the test (before payment) used this arm's template. */
  orders: number;
  /** Of those, orders whose last nudge before payment is that one, paid inside the window. */
  recovered: number;
}

type Nudge = Pick<NudgeLog, "orderKey" | "at" | "templateId">;

/**
 * Counts per arm. An order is in the arm whose template its last nudge of the test used: a nudge
 * logged while the test ran (startedAt ≤ at < endedAt) with one of its two templates, before the
 * payment when paid. It is recovered when the last nudge before payment, of any template, is that
 * very nudge and the payment came within `windowMs` of it; an agent who sent another text last took
 * the credit away from the arm.
 */
export function armCounts(
  test: AbTest,
  nudges: readonly Nudge[],
  orders: ReadonlyMap<string, AbOrderFacts>,
  windowMs: number,
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

  const byOrder = new Map<string, Nudge[]>();
  for (const nudge of nudges) {
    const list = byOrder.get(nudge.orderKey);
    if (list) list.push(nudge);
    else byOrder.set(nudge.orderKey, [nudge]);
  }
  for (const [key, list] of byOrder) {
    const paidAt = orders.get(key)?.paidAt;
    const before = list.filter(
      (nudge) => paidAt === undefined || nudge.at <= paidAt,
    );
    let lastOfTest: Nudge | undefined;
    let last: Nudge | undefined;
    for (const nudge of before) {
      if (!last || nudge.at >= last.at) last = nudge;
      const inTest =
        nudge.at >= test.startedAt &&
        nudge.at < end &&
        armOf(nudge.templateId) !== undefined;
      if (inTest && (!lastOfTest || nudge.at >= lastOfTest.at))
        lastOfTest = nudge;
    }
    if (!lastOfTest) continue;
    const arm = armOf(lastOfTest.templateId)!;
    arms[arm].orders += 1;
    if (
      paidAt !== undefined &&
      last === lastOfTest &&
      paidAt - lastOfTest.at <= windowMs
    )
      arms[arm].recovered += 1;
  }
  return arms;
}
