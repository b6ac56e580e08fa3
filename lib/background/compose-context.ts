import { ownerOf, readTeam } from "@/lib/db/team";
import type { PayNudgeDB } from "@/lib/db/schema";
import { preferredFirst, preferredTemplateId } from "@/lib/engine/ab-split";
import type { ComposeContext } from "@/lib/messaging/compose-context";
import type { StoredOrder } from "@/lib/model/order";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { getSetting } from "@/lib/schemas/settings";
import { allTemplates } from "@/lib/schemas/templates";
import { REASON_IDS, type ReasonId } from "@/lib/templates/outcomes";
import { orderValues } from "@/lib/templates/render";
import {
  isTemplateScenario,
  templateContext,
  templatesFor,
} from "@/lib/templates/shipped";

/** Why the buyer has not paid, as the latest nudge logged with a known reason says. */
async function latestReason(
  db: PayNudgeDB,
  key: string,
): Promise<ReasonId | undefined> {
  const logs = await db.nudges.where("orderKey").equals(key).sortBy("at");
  for (const log of logs.reverse()) {
    const reason = log.reason;
    if (
      reason !== undefined &&
      (REASON_IDS as readonly string[]).includes(reason)
    )
      return reason as ReasonId;
  }
  return undefined;
}

function isPaid(order: StoredOrder): boolean {
  return (
    order.status === "paid" ||
    (order.status === "unpaid" && order.manualStatus === "paid")
  );
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Has PayNudge seen this buyer pay before: another paid order on the same platform, from the same
 * shop (its name when both pages showed one, else the same page origin), with the same nickname.
 * True or unknown, never false: an empty history may only mean PayNudge was installed recently.
 */
async function returningBuyer(
  db: PayNudgeDB,
  order: StoredOrder,
): Promise<true | undefined> {
  if (order.buyer === undefined) return undefined;
  const origin = originOf(order.pageUrl);
  const paid = await db.orders
    .where("buyer")
    .equals(order.buyer)
    .filter(
      (other) =>
        other.key !== order.key &&
        other.platform === order.platform &&
        isPaid(other) &&
        (order.shopName !== undefined && other.shopName !== undefined
          ? other.shopName === order.shopName
          : origin !== undefined && originOf(other.pageUrl) === origin),
    )
    .first();
  return paid ? true : undefined;
}

/**
 * The seller's own templates and edits count (allTemplates): the best fit for the order's next
 * step, a first reminder in chat when nothing is planned; an A/B test of the step's scenario
 * decides which of its two is best.
 */
export async function composeContext(
  db: PayNudgeDB,
  key: string,
  now: number,
): Promise<ComposeContext> {
  const order = await db.orders.get(key);
  if (!order) throw new Error(`PayNudge: unknown order ${key}`);
  const [engine, nickname, shopNames, pool, reason, returning, abTests, team] =
    await Promise.all([
      loadEngineSettings(db),
      getSetting(db, "agentName"),
      getSetting(db, "shopNames"),
      allTemplates(db),
      latestReason(db, key),
      returningBuyer(db, order),
      getSetting(db, "abTests"),
      readTeam(db),
    ]);
  // In team mode the agent signs with their roster name: the colleagues' PayNudge reads whose an
  // order is from the notes in its memo.
  const agent = team?.me ?? nickname;
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
    returning,
    reason,
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
    // An A/B test running for the scenario puts the order's arm first (the same arm for every
    // agent: lib/engine/ab-split.ts), an ended one its kept winner.
    templates: preferredFirst(
      templatesFor(query, pool),
      preferredTemplateId(abTests, query.scenario, order.key),
      query.channel,
    ),
    locale: query.locale,
    cooldownMs: engine.minGapMs,
  };
  if (agent) context.agent = agent;
  if (order.nextStep) context.step = order.nextStep;
  const owner = ownerOf(order, team, now);
  if (owner) context.owner = owner;
  return context;
}
