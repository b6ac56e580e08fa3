import { nextNudge } from "@/lib/engine/next";
import { planOrder, type PlanOrder } from "@/lib/engine/plan";
import type { EngineSettings } from "@/lib/engine/settings";
import type { PlannedStep } from "@/lib/model/steps";

/*
 * The plan's preview: when a made-up Taobao order placed at a given minute would be nudged under
 * the settings being edited.
 */

const MIN = 60_000;

/** The kinds of sample order the seller can preview the plan on. */
export const SAMPLE_KINDS = ["silent", "consulted", "high-value"] as const;
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** A sample order's amount: 99 yuan, or the high-value line when that is higher. */
const SAMPLE_CENTS = 9900;

/** The default placing time of the sample order: the current minute. */
export const sampleTime = (now: number): number => Math.floor(now / MIN) * MIN;

export interface PlanPreview {
  order: PlanOrder;
  steps: PlannedStep[];
}

/** The sample order of that kind, placed at `placedAt`, and its plan under `settings`. */
export function previewPlan(
  settings: EngineSettings,
  placedAt: number,
  kind: SampleKind,
): PlanPreview {
  const close = settings.closeAfterMs.taobao;
  const order: PlanOrder = {
    status: "unpaid",
    placedAt,
    closesAt: close === undefined ? undefined : placedAt + close,
    amountCents:
      kind === "high-value"
        ? Math.max(settings.highValueCents, SAMPLE_CENTS)
        : SAMPLE_CENTS,
    consulted: kind === "consulted",
  };
  // The soft window (and a channel closed until the deadline) moves a step when its nudge is placed
  // (lib/engine/next.ts), not in the plan: show when each step would really go out, and how.
  const steps = planOrder(order, settings).map((step) => {
    const next = nextNudge(order, [step], {}, [], settings, placedAt);
    return next ? { ...step, at: next.at, channel: next.step.channel } : step;
  });
  return { order, steps };
}
