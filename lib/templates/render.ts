import { closeDeadline } from "@/lib/model/close-deadline";
import { inEveryLocale, t, type Locale } from "@/lib/i18n";
import { formatAmount, itemSummary, type StoredOrder } from "@/lib/model/order";
import { formatOrderTime, formatSpan } from "@/lib/model/time-format";

/** The variables a template may use, with the label an agent sees. */
export const TEMPLATE_VARIABLES = {
  shop: inEveryLocale("var.shop"),
  buyer: inEveryLocale("var.buyer"),
  item: inEveryLocale("var.item"),
  attrs: inEveryLocale("var.attrs"),
  orderTime: inEveryLocale("var.orderTime"),
  amount: inEveryLocale("var.amount"),
  timeLeft: inEveryLocale("var.timeLeft"),
  agent: inEveryLocale("var.agent"),
  payLink: inEveryLocale("var.payLink"),
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

function isVariable(name: string): name is TemplateVariable {
  return Object.prototype.hasOwnProperty.call(TEMPLATE_VARIABLES, name);
}

export interface RenderResult {
  text: string;
  /** Known variables that had no value: shown marked in the text, never silently blank. */
  missing: TemplateVariable[];
  /** Names that are not variables at all: an authoring error; left in the text as written. */
  unknown: string[];
}

export function renderTemplate(
  body: string,
  values: TemplateValues,
  locale: Locale,
): RenderResult {
  const missing = new Set<TemplateVariable>();
  const unknown = new Set<string>();
  const text = body.replace(PLACEHOLDER, (whole, raw: string) => {
    if (!isVariable(raw)) {
      unknown.add(raw);
      return whole;
    }
    const value = values[raw];
    if (value === undefined || value === "") {
      missing.add(raw);
      return t(locale, "var.missing", {
        name: TEMPLATE_VARIABLES[raw][locale],
      });
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

/** One piece of a rendered template: literal text, or the marker standing in for a missing value. */
export interface RenderPart {
  text: string;
  missing?: TemplateVariable;
}

/**
 * The same text as renderTemplate, split so a UI can highlight the missing-value markers. Joining
 * the parts' text gives exactly renderTemplate(...).text.
 */
export function renderParts(
  body: string,
  values: TemplateValues,
  locale: Locale,
): RenderPart[] {
  const parts: RenderPart[] = [];
  let literal = "";
  let last = 0;
  for (const m of body.matchAll(PLACEHOLDER)) {
    const raw = m[1] ?? "";
    literal += body.slice(last, m.index);
    last = m.index + m[0].length;
    const value = isVariable(raw) ? values[raw] : undefined;
    if (!isVariable(raw)) literal += m[0];
    else if (value !== undefined && value !== "") literal += value;
    else {
      if (literal) parts.push({ text: literal });
      literal = "";
      parts.push({
        text: t(locale, "var.missing", {
          name: TEMPLATE_VARIABLES[raw][locale],
        }),
        missing: raw,
      });
    }
  }
  literal += body.slice(last);
  if (literal) parts.push({ text: literal });
  return parts;
}

/** The variable names a template uses that do not exist; empty when the template is valid. */
export function unknownVariables(body: string): string[] {
  const names = [...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? "");
  return [...new Set(names.filter((n) => !isVariable(n)))];
}

/**
 * Who a message says is writing when the agent set no nickname: the note's stand-in (客服, which
 * the note always uses: see notes.ts), in the buyer's language, so a one-click message never
 * carries a 【未填:客服】 marker to a buyer.
 */
export function agentOrFallback(
  agent: string | undefined,
  locale: Locale,
): string {
  return agent?.trim() || t(locale, "tpl.agentFallback");
}

/** The labels of the variables a message could not fill (`missing`), as one list in `locale`. */
export function missingText(
  locale: Locale,
  missing: readonly string[],
): string {
  return missing
    .map((name) => (isVariable(name) ? TEMPLATE_VARIABLES[name][locale] : name))
    .join(t(locale, "list.separator"));
}

export interface ValueContext {
  now: number;
  locale: Locale;
  shopName?: string;
  agent?: string;
  closeAfterMs?: Parameters<typeof closeDeadline>[1];
  /** A payment link, only where the platform offers one; never guessed. */
  payLink?: string;
}

export function orderValues(
  order: StoredOrder,
  ctx: ValueContext,
): TemplateValues {
  const closesAt = closeDeadline(order, ctx.closeAfterMs);
  const attrs = order.items
    .map((i) => i.attrs)
    .filter(Boolean)
    .join("；");
  return {
    shop: order.shopName ?? ctx.shopName,
    buyer: order.buyer,
    item: itemSummary(order.items, ctx.locale),
    attrs: attrs || undefined,
    orderTime:
      order.createdAt === undefined
        ? undefined
        : formatOrderTime(order.createdAt),
    amount: formatAmount(order.amountCents, order.currency),
    timeLeft:
      closesAt !== undefined && closesAt > ctx.now
        ? formatSpan(closesAt - ctx.now, ctx.locale)
        : undefined,
    agent: agentOrFallback(ctx.agent, ctx.locale),
    payLink: ctx.payLink,
  };
}

/**
 * Words that carry an SMS "technique" (shared/domain.md): urgency (stock, cut-off, closing),
 * privilege (VIP, faster courier) or an information check (size, address).
 */
const SMS_TECHNIQUE_WORDS = {
  urgency: [
    "库存",
    "仅剩",
    "不多",
    "售罄",
    "截止",
    "关闭",
    "今天发",
    "当天发",
    "今日发",
    "结束",
    "恢复原价",
    "stock",
    "closes",
    "ends",
    "today",
  ],
  privilege: [
    "优先",
    "会员",
    "VIP",
    "老顾客",
    "加急",
    "顺丰",
    "升级",
    "priority",
    "upgrade",
  ],
  check: ["核对", "确认", "尺码", "地址", "confirm", "address", "size"],
} as const;

/** Opt-out wording a commercial SMS must carry (MIIT rules; English for Shopify stores). */
export const SMS_OPT_OUT = inEveryLocale("tpl.sms.optOutLine");

const GSM7 =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXT = "^{}\\[~]|€\f";

export interface SmsCheck {
  hasShop: boolean;
  hasItem: boolean;
  hasTime: boolean;
  hasTechnique: boolean;
  hasOptOut: boolean;
  /** Characters as the carrier counts them (UTF-16 units for Chinese; extension chars count 2 in GSM). */
  length: number;
  /** Messages billed: 70 single / 67 per part for Chinese (UCS-2), 160 / 153 for plain GSM text. */
  segments: number;
}

/**
 * Whether an SMS template carries the four things an SMS needs (shop, item, order time, a
 * technique) and the opt-out, and how many messages it costs. Lengths are measured on `rendered`
 * when given (the text that will actually be sent), else on the body as written.
 */
export function smsCheck(body: string, rendered?: string): SmsCheck {
  const uses = (name: TemplateVariable) =>
    new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(body);
  const text = rendered ?? body;
  const lower = body.toLowerCase();
  const hasTechnique = Object.values(SMS_TECHNIQUE_WORDS).some((words) =>
    words.some((w) => lower.includes(w.toLowerCase())),
  );
  const gsm = [...text].every((c) => GSM7.includes(c) || GSM7_EXT.includes(c));
  let length: number;
  let single: number;
  let part: number;
  if (gsm) {
    length = [...text].reduce((n, c) => n + (GSM7_EXT.includes(c) ? 2 : 1), 0);
    [single, part] = [160, 153];
  } else {
    length = text.length;
    [single, part] = [70, 67];
  }
  return {
    hasShop: uses("shop"),
    hasItem: uses("item"),
    hasTime: uses("orderTime"),
    hasTechnique,
    hasOptOut: body.includes(SMS_OPT_OUT.zh) || lower.includes("reply stop"),
    length,
    segments:
      length === 0 ? 0 : length <= single ? 1 : Math.ceil(length / part),
  };
}

/** The best-fitting message, filled in: the first of templates ranked best first. */
export function bestMessage(context: {
  templates: readonly { id: string; body: string }[];
  values: TemplateValues;
  locale: Locale;
}): { text: string; missing: string[]; templateId?: string } {
  const best = context.templates[0];
  if (!best) return { text: "", missing: [] };
  const { text, missing } = renderTemplate(
    best.body,
    context.values,
    context.locale,
  );
  return { text, missing, templateId: best.id };
}
