import { closeDeadline } from './close-deadline';
import { t, type Locale } from './i18n';
import { formatAmount, itemSummary, type StoredOrder } from './order';
import { formatOrderTime, formatSpan } from './time-format';

/** The variables a template may use, with the label an agent sees. */
export const TEMPLATE_VARIABLES = {
  shop: { zh: '店铺', en: 'shop' },
  buyer: { zh: '买家', en: 'buyer' },
  item: { zh: '商品', en: 'item' },
  attrs: { zh: '规格', en: 'options' },
  orderTime: { zh: '下单时间', en: 'order time' },
  amount: { zh: '金额', en: 'amount' },
  timeLeft: { zh: '剩余时间', en: 'time left' },
  agent: { zh: '客服', en: 'agent' },
  payLink: { zh: '付款链接', en: 'payment link' },
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

export function renderTemplate(body: string, values: TemplateValues, locale: Locale): RenderResult {
  const missing = new Set<TemplateVariable>();
  const unknown = new Set<string>();
  const text = body.replace(PLACEHOLDER, (whole, raw: string) => {
    if (!isVariable(raw)) {
      unknown.add(raw);
      return whole;
    }
    const value = values[raw];
    if (value === undefined || value === '') {
      missing.add(raw);
      return t(locale, 'var.missing', { name: TEMPLATE_VARIABLES[raw][locale] });
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown] };
}

/** The variable names a template uses that do not exist; empty when the template is valid. */
export function unknownVariables(body: string): string[] {
  const names = [...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  return [...new Set(names.filter((n) => !isVariable(n)))];
}

export interface ValueContext {
  now: number;
  locale: Locale;
  shopName?: string;
  agent?: string;
  closeAfterMs?: Parameters<typeof closeDeadline>[1];
}

export function orderValues(order: StoredOrder, ctx: ValueContext): TemplateValues {
  const closesAt = closeDeadline(order, ctx.closeAfterMs);
  const attrs = order.items.map((i) => i.attrs).filter(Boolean).join('；');
  return {
    shop: order.shopName ?? ctx.shopName,
    buyer: order.buyer,
    item: itemSummary(order.items, ctx.locale),
    attrs: attrs || undefined,
    orderTime: order.createdAt === undefined ? undefined : formatOrderTime(order.createdAt),
    amount: formatAmount(order.amountCents, order.currency),
    timeLeft: closesAt !== undefined && closesAt > ctx.now ? formatSpan(closesAt - ctx.now, ctx.locale) : undefined,
    agent: ctx.agent,
  };
}
