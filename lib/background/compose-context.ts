import type { PayNudgeDB } from "@/lib/db/schema";
import type { ComposeContext } from "@/lib/messaging/compose-context";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { getSetting } from "@/lib/schemas/settings";
import { allTemplates } from "@/lib/schemas/templates";
import { orderValues } from "@/lib/templates/render";
import {
  isTemplateScenario,
  templateContext,
  templatesFor,
} from "@/lib/templates/shipped";

/**
 * The seller's own templates and edits count (allTemplates): the best fit for the order's next
 * step, a first reminder in chat when nothing is planned.
 */
export async function composeContext(
  db: PayNudgeDB,
  key: string,
  now: number,
): Promise<ComposeContext> {
  const order = await db.orders.get(key);
  if (!order) throw new Error(`PayNudge: unknown order ${key}`);
  const [engine, agent, shopNames, pool] = await Promise.all([
    loadEngineSettings(db),
    getSetting(db, "agentName"),
    getSetting(db, "shopNames"),
    allTemplates(db),
  ]);
  // A buyer who said they no longer want it gets the polite close, not another reminder.
  const scenario =
    order.declinedAt !== undefined
      ? "declined"
      : (order.nextScenario ?? order.nextStep);
  const query = templateContext(order, {
    highValueCents: engine.highValueCents,
    scenario: isTemplateScenario(scenario) ? scenario : "first",
    channel:
      order.nextChannel === "sms" || order.nextChannel === "phone"
        ? order.nextChannel
        : "chat",
  });
  const context: ComposeContext = {
    order,
    values: orderValues(order, {
      now,
      locale: query.locale,
      agent,
      shopName: shopNames[order.platform],
      closeAfterMs: engine.closeAfterMs,
    }),
    templates: templatesFor(query, pool),
    locale: query.locale,
    cooldownMs: engine.minGapMs,
  };
  if (agent) context.agent = agent;
  if (order.nextStep) context.step = order.nextStep;
  return context;
}
