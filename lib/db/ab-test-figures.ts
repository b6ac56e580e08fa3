import type { PayNudgeDB } from "@/lib/db/schema";
import { armCounts } from "@/lib/engine/ab-orders";
import { abFigures, type AbFigures } from "@/lib/engine/ab-stats";
import { armTemplate, type AbTest } from "@/lib/model/ab-test";
import type { StoredOrder } from "@/lib/model/order";
import {
  DEFAULT_TEMPLATES,
  TEMPLATE_CHANNELS,
  type MessageTemplate,
} from "@/lib/templates/shipped";

/*
 * What the report's A/B card reads (issue 16): each test's arms from the nudge log and the orders'
 * payments, and the templates a test may compare. Zod-free: the report page ships without schemas;
 * the background checks a test's templates again when it starts one.
 */

/**
 * Each arm's orders, recoveries, rates with intervals and the test between them. Nudges before the
 * test began cannot be an order's last one of the test, so only those since are read (every later
 * nudge of an order in the test is among them).
 */
export async function abTestFigures(
  db: PayNudgeDB,
  test: AbTest,
  attributionHours: number,
): Promise<AbFigures> {
  const ids = new Set([armTemplate(test, "A"), armTemplate(test, "B")]);
  const since = await db.nudges
    .where("at")
    .aboveOrEqual(test.startedAt)
    .toArray();
  const end = test.endedAt ?? Number.POSITIVE_INFINITY;
  const keys = new Set(
    since
      .filter(
        (nudge) =>
          nudge.at < end &&
          nudge.templateId !== undefined &&
          ids.has(nudge.templateId),
      )
      .map((nudge) => nudge.orderKey),
  );
  const orders = new Map<string, StoredOrder>();
  for (const order of await db.orders.bulkGet([...keys]))
    if (order) orders.set(order.key, order);
  return abFigures(
    armCounts(
      test,
      since.filter((nudge) => keys.has(nudge.orderKey)),
      orders,
      attributionHours,
    ),
  );
}

/** A stored template row as far as choosing one needs: the background checks it in full. */
function isChoosable(row: unknown): row is MessageTemplate {
  const tpl = row as Partial<MessageTemplate> | null;
  return (
    typeof tpl === "object" &&
    tpl !== null &&
    typeof tpl.id === "string" &&
    typeof tpl.name === "string" &&
    typeof tpl.scenario === "string" &&
    (tpl.locale === "zh" || tpl.locale === "en") &&
    (TEMPLATE_CHANNELS as readonly unknown[]).includes(tpl.channel)
  );
}

/**
 * The templates an A/B test may compare, as the agent may use them: the seller's own first, then
 * the shipped ones, an edited one in its shipped place (as lib/schemas/templates.ts merges them).
 */
export async function abTemplateChoices(
  db: PayNudgeDB,
): Promise<MessageTemplate[]> {
  const stored = (await db.templates.toArray()).filter(isChoosable);
  const shippedIds = new Set(DEFAULT_TEMPLATES.map((tpl) => tpl.id));
  const edits = new Map(
    stored.filter((tpl) => shippedIds.has(tpl.id)).map((tpl) => [tpl.id, tpl]),
  );
  const own = stored
    .filter((tpl) => !shippedIds.has(tpl.id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return [...own, ...DEFAULT_TEMPLATES.map((tpl) => edits.get(tpl.id) ?? tpl)];
}
