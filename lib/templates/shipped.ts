import type { Locale } from "@/lib/i18n";
import type { StoredOrder } from "@/lib/model/order";
import { PLATFORMS } from "@/lib/model/platforms";
import { STEP_SCENARIOS } from "@/lib/model/steps";
import { REASON_IDS, type ReasonId } from "@/lib/templates/outcomes";
import enTemplates from "@/locales/templates/en.json";
import zhTemplates from "@/locales/templates/zh-CN.json";

/**
 * When a message is used: every plan step's scenario (lib/model/steps.ts StepScenario), plus two
 * no step plans but agents need: help with paying, and the polite close when the buyer no longer
 * wants the order (ask why, thank them, offer to close it).
 */
export const TEMPLATE_SCENARIOS = [
  ...STEP_SCENARIOS,
  "payment-help",
  "declined",
] as const;
export type TemplateScenario = (typeof TEMPLATE_SCENARIOS)[number];

/** For a plan step's scenario arriving as a plain string (OrderView.nextStep, stored settings). */
export function isTemplateScenario(value: unknown): value is TemplateScenario {
  return (
    typeof value === "string" &&
    (TEMPLATE_SCENARIOS as readonly string[]).includes(value)
  );
}

export const TEMPLATE_SEGMENTS = [
  "any",
  "new",
  "returning",
  "high-value",
] as const;
export type TemplateSegment = (typeof TEMPLATE_SEGMENTS)[number];

export const TEMPLATE_CHANNELS = ["chat", "sms", "phone"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export interface MessageTemplate {
  id: string;
  scenario: TemplateScenario;
  segment: TemplateSegment;
  channel: TemplateChannel;
  locale: Locale;
  /**
   * Written for one kind of order: a buyer who chatted first (询单) or a silent order (静默下单).
   * Absent: fits both.
   */
  orderKind?: "consulted" | "silent";
  name: string;
  body: string;
}

/** One shipped template as a language's data file holds it: ids and facets as plain strings. */
interface ShippedEntry {
  id: string;
  scenario: string;
  segment?: string;
  channel?: string;
  orderKind?: string;
  /** Written for the step after a buyer gave this reason (a REASON_IDS id). */
  reason?: string;
  name: string;
  body: string;
}

/*
 * Shipped wording, one data file per language in /locales/templates (written for PayNudge, never
 * copied from practitioners' articles). Sellers edit their own copies in the options page; stored
 * edits name the shipped ids, so ids never change. SMS bodies open with the 【shop】 signature
 * Chinese carriers expect, name the item and order time, carry one technique, end with the
 * opt-out, and stay short. Order inside a scenario matters: templatesFor() keeps it for ties.
 */
const SHIPPED: Record<Locale, readonly ShippedEntry[]> = {
  zh: zhTemplates,
  en: enTemplates,
};

function oneOf<T extends string>(
  values: readonly T[],
  value: string,
  what: string,
): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  // A typo in a data file must stop the tests, not ship a template no one can pick.
  throw new Error(`shipped template ${what}: unknown value "${value}"`);
}

/**
 * A shipped template may be written for one reason the buyer gave. The reason lives beside the
 * template, keyed by its id, not on MessageTemplate: the seller's stored edit of a shipped template
 * keeps the id (so the edit still answers that reason) and the stored row's shape stays as it is.
 */
type ShippedTemplate = MessageTemplate & { reason?: ReasonId };

/** A language's data file as templates, every facet checked (JSON carries no types). */
export function shippedTemplates(
  locale: Locale,
  entries: readonly ShippedEntry[],
): ShippedTemplate[] {
  return entries.map((e) => ({
    id: e.id,
    scenario: oneOf(TEMPLATE_SCENARIOS, e.scenario, `${e.id} scenario`),
    segment: oneOf(TEMPLATE_SEGMENTS, e.segment ?? "any", `${e.id} segment`),
    channel: oneOf(TEMPLATE_CHANNELS, e.channel ?? "chat", `${e.id} channel`),
    locale,
    ...(e.orderKind === undefined
      ? {}
      : {
          orderKind: oneOf(
            ["consulted", "silent"] as const,
            e.orderKind,
            `${e.id} orderKind`,
          ),
        }),
    ...(e.reason === undefined
      ? {}
      : { reason: oneOf(REASON_IDS, e.reason, `${e.id} reason`) }),
    name: e.name,
    body: e.body,
  }));
}

const SHIPPED_TEMPLATES: ShippedTemplate[] = (
  Object.keys(SHIPPED) as Locale[]
).flatMap((locale) => shippedTemplates(locale, SHIPPED[locale]));

/** The shipped templates as MessageTemplates: the reason is kept apart (REASON_OF). */
export const DEFAULT_TEMPLATES: MessageTemplate[] = SHIPPED_TEMPLATES.map(
  ({ reason: _reason, ...tpl }) => tpl,
);

const REASON_OF: ReadonlyMap<string, ReasonId> = new Map(
  SHIPPED_TEMPLATES.flatMap((tpl) =>
    tpl.reason === undefined ? [] : [[tpl.id, tpl.reason] as const],
  ),
);

/** What is known about the order in front of the agent; unknown facts are left out. */
export interface TemplateContext {
  locale: Locale;
  scenario?: TemplateScenario;
  consulted?: boolean;
  returning?: boolean;
  highValue?: boolean;
  channel?: TemplateChannel;
  /** The platform gives a payment link for this order. */
  hasPayLink?: boolean;
  /** Why the buyer has not paid, as last logged for this order. */
  reason?: ReasonId;
}

const SEGMENT_FLAG = {
  new: "returning",
  returning: "returning",
  "high-value": "highValue",
} as const;

/** How well a template fits; undefined when it contradicts a known fact about the order. */
function fit(tpl: MessageTemplate, ctx: TemplateContext): number | undefined {
  let score = 0;
  if (tpl.segment !== "any") {
    const known = ctx[SEGMENT_FLAG[tpl.segment]];
    const wanted = tpl.segment !== "new";
    if (known === !wanted) return undefined;
    // A segment template beats the general one only when the fact is known.
    score += known === wanted ? 4 : -1;
  }
  if (tpl.orderKind) {
    if (ctx.consulted === undefined) score -= 1;
    else if (ctx.consulted === (tpl.orderKind === "consulted")) score += 2;
    else return undefined;
  }
  if (tpl.body.includes("{{payLink}}")) score += ctx.hasPayLink ? 1 : -3;
  if (ctx.channel && tpl.channel === ctx.channel) score += 10;
  if (ctx.scenario && tpl.scenario === ctx.scenario) score += 100;
  const reason = REASON_OF.get(tpl.id);
  if (reason !== undefined) {
    const fitsStep =
      (!ctx.scenario || tpl.scenario === ctx.scenario) &&
      (!ctx.channel || tpl.channel === ctx.channel);
    // What the buyer said outranks every other fact, but only for a step the text was written
    // for; otherwise it follows its scenario's general texts, still there to pick by hand.
    score += reason === ctx.reason && fitsStep ? 1000 : -50;
  }
  return score;
}

/**
 * The templates that suit an order, best first: a text written for the reason the buyer gave
 * (when it fits the step's scenario and channel), then the requested scenario, then the channel,
 * then the buyer's segment and the kind of order. Other scenarios follow, because the agent may need one
 * the plan did not foresee (a buyer asking for help with paying). Templates that contradict what
 * is known (a "returning buyer" text for a new buyer) are left out. Falls back to Chinese when the
 * locale has no templates.
 */
export function templatesFor(
  ctx: TemplateContext,
  templates: readonly MessageTemplate[] = DEFAULT_TEMPLATES,
): MessageTemplate[] {
  let pool = templates.filter((tpl) => tpl.locale === ctx.locale);
  if (pool.length === 0) pool = templates.filter((tpl) => tpl.locale === "zh");
  return pool
    .map((tpl, index) => ({ tpl, index, score: fit(tpl, ctx) }))
    .filter(
      (x): x is { tpl: MessageTemplate; index: number; score: number } =>
        x.score !== undefined,
    )
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.tpl);
}

/** The facts templatesFor needs, read from a stored order. Returning buyers come from the caller. */
export function templateContext(
  order: Pick<StoredOrder, "platform" | "consulted" | "amountCents">,
  opts: {
    highValueCents: number;
    scenario?: TemplateScenario;
    channel?: TemplateChannel;
    returning?: boolean;
    hasPayLink?: boolean;
    reason?: ReasonId;
  },
): TemplateContext {
  return {
    locale: PLATFORMS[order.platform].buyerLocale,
    scenario: opts.scenario,
    channel: opts.channel,
    consulted: order.consulted,
    returning: opts.returning,
    highValue:
      order.amountCents === undefined
        ? undefined
        : order.amountCents >= opts.highValueCents,
    hasPayLink: opts.hasPayLink,
    reason: opts.reason,
  };
}
