import { format } from "date-fns";
import type { Locale } from "@/lib/i18n";

/** What the buyer said (or did not say) after a nudge. */
export const OUTCOME_IDS = [
  "will-pay",
  "payment-trouble",
  "not-wanted",
  "no-answer",
  "other",
] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

export interface Labelled {
  zh: string;
  en: string;
}

export const OUTCOMES: Record<
  OutcomeId,
  { label: Labelled; feedback: Labelled }
> = {
  "will-pay": {
    label: { zh: "会付款", en: "Will pay" },
    feedback: { zh: "答应付款", en: "will pay" },
  },
  "payment-trouble": {
    label: { zh: "付款遇到问题", en: "Payment trouble" },
    feedback: { zh: "支付遇到问题", en: "payment trouble" },
  },
  "not-wanted": {
    label: { zh: "不想要了", en: "No longer wants it" },
    feedback: { zh: "不想要了", en: "does not want it" },
  },
  "no-answer": {
    label: { zh: "没有回应", en: "No answer" },
    feedback: { zh: "未回复", en: "no answer" },
  },
  other: {
    label: { zh: "其他", en: "Other" },
    feedback: { zh: "其他情况", en: "other" },
  },
};

/**
 * Why buyers leave an order unpaid: the survey's reasons plus what practitioners add
 * (shared/domain.md). Every reason heard is recorded so the day's report can show what to fix.
 */
export const REASON_IDS = [
  "shipping-cost",
  "comparing",
  "balance",
  "coupon",
  "payment-method",
  "out-of-stock",
  "support-unreachable",
  "payment-security",
  "unfamiliar",
  "wrong-order",
  "bad-service",
  "other",
] as const;
export type ReasonId = (typeof REASON_IDS)[number];

export interface Reason {
  /** The full label in the picker. */
  label: Labelled;
  /** The few characters that go into an order note. */
  short: Labelled;
  /** What the agent can do about it, shown next to the picker. */
  action: Labelled;
}

export const REASONS: Record<ReasonId, Reason> = {
  "shipping-cost": {
    label: { zh: "嫌运费贵", en: "Shipping too expensive" },
    short: { zh: "嫌运费贵", en: "shipping cost" },
    action: {
      zh: "别直接降价：可以换更快的快递，或提示再加一件用满减券，也可以送个小礼物。",
      en: "Do not cut the price: offer a faster courier, a spend-more coupon for one more item, or a small gift.",
    },
  },
  comparing: {
    label: { zh: "还在比价", en: "Comparing elsewhere" },
    short: { zh: "在比价", en: "comparing" },
    action: {
      zh: "先拉近关系，讲清今天付款今天发、活动快结束，不去拼价格。",
      en: "Build rapport; mention same-day shipping or that the offer ends soon rather than competing on price.",
    },
  },
  balance: {
    label: { zh: "账户余额不足", en: "Not enough balance" },
    short: { zh: "余额不足", en: "low balance" },
    action: {
      zh: "强调商品本身的价值，温和提一句订单保留到什么时候。",
      en: "Stress what the item is worth and mention, gently, how long the order stays open.",
    },
  },
  coupon: {
    label: { zh: "在等优惠券", en: "Waiting for a coupon" },
    short: { zh: "等优惠券", en: "waiting for coupon" },
    action: {
      zh: "不单独改价：介绍满减或加购优惠，或者赠品、升级快递。",
      en: "No one-off discount: point to a spend-more deal, a gift or a courier upgrade.",
    },
  },
  "payment-method": {
    label: { zh: "没有想用的支付方式", en: "Preferred payment method missing" },
    short: { zh: "缺少支付方式", en: "payment method" },
    action: {
      zh: "告诉买家平台支持的其他付款方式，必要时一步步带着操作。",
      en: "List the other ways the platform lets them pay and walk them through one if needed.",
    },
  },
  "out-of-stock": {
    label: { zh: "想要的颜色/尺码没货", en: "Wanted colour/size out of stock" },
    short: { zh: "规格缺货", en: "out of stock" },
    action: {
      zh: "推荐相近的有货规格，或者说明到货时间，让买家自己决定。",
      en: "Suggest a close option that is in stock or say when it is back, and let the buyer choose.",
    },
  },
  "support-unreachable": {
    label: { zh: "联系不上客服", en: "Could not reach support" },
    short: { zh: "找不到客服", en: "could not reach us" },
    action: {
      zh: "先道歉，把买家之前的问题一次答完整，留下自己的昵称方便再找。",
      en: "Apologise, answer the earlier question in full, and give your name so they can find you again.",
    },
  },
  "payment-security": {
    label: { zh: "担心支付安全", en: "Worried about payment security" },
    short: { zh: "担心支付安全", en: "security worry" },
    action: {
      zh: "说明钱是平台担保交易，确认收货前不会打给商家，让买家放心。",
      en: "Explain that the platform holds the money until they confirm delivery, and reassure them.",
    },
  },
  unfamiliar: {
    label: { zh: "不会付款（新手/长辈）", en: "Unfamiliar with paying" },
    short: { zh: "不会付款", en: "unfamiliar with paying" },
    action: {
      zh: "放慢节奏一步步教，发图文教程，多给几句安心的话。",
      en: "Go slowly step by step, send a picture guide, and reassure them.",
    },
  },
  "wrong-order": {
    label: { zh: "拍错尺码/地址", en: "Wrong size or address" },
    short: { zh: "拍错规格地址", en: "wrong size/address" },
    action: {
      zh: "请买家按正确的规格或地址重新下单，再帮忙关掉拍错的这一单。",
      en: "Ask the buyer to order again with the right size or address, then close the wrong order.",
    },
  },
  "bad-service": {
    label: { zh: "对客服服务不满意", en: "Bad experience with an agent" },
    short: { zh: "对服务不满", en: "unhappy with service" },
    action: {
      zh: "换一位同事联系，先诚恳道歉，把买家的情绪安抚好再说订单。",
      en: "Let a different agent get in touch, apologise sincerely and calm things before the order.",
    },
  },
  other: {
    label: { zh: "其他原因", en: "Other reason" },
    short: { zh: "其他原因", en: "other reason" },
    action: {
      zh: "问清楚原因，记在备注里，方便同事接手。",
      en: "Ask what the reason is and write it in the note so colleagues can follow up.",
    },
  },
};

/** When a buyer who promised to pay said they would. A number is an epoch-ms moment. */
export const WHEN_IDS = [
  "now",
  "noon",
  "afternoon",
  "evening",
  "tomorrow",
] as const;
export type WhenId = (typeof WHEN_IDS)[number];
export type PayWhen = WhenId | number;

export const WHEN_LABELS: Record<WhenId, Labelled> = {
  now: { zh: "马上", en: "now" },
  noon: { zh: "中午", en: "at noon" },
  afternoon: { zh: "下午", en: "this afternoon" },
  evening: { zh: "晚上", en: "tonight" },
  tomorrow: { zh: "明天", en: "tomorrow" },
};

export function isOutcomeId(value: unknown): value is OutcomeId {
  return (
    typeof value === "string" &&
    (OUTCOME_IDS as readonly string[]).includes(value)
  );
}

export function isReasonId(value: unknown): value is ReasonId {
  return (
    typeof value === "string" &&
    (REASON_IDS as readonly string[]).includes(value)
  );
}

/**
 * The feedback part of an order note, kept short because the memo field is small and colleagues
 * scan it: '晚上付款', '支付遇到问题（缺少支付方式）', '不想要了（嫌运费贵）'.
 */
export function feedbackText(
  outcome: OutcomeId,
  reason?: ReasonId,
  when?: PayWhen,
  locale: Locale = "zh",
): string {
  if (outcome === "will-pay" && when !== undefined) {
    const moment =
      typeof when === "number"
        ? format(when, "HH:mm")
        : WHEN_LABELS[when][locale];
    const base = locale === "zh" ? `${moment}付款` : `will pay ${moment}`;
    return withReason(base, reason, locale);
  }
  return withReason(OUTCOMES[outcome].feedback[locale], reason, locale);
}

function withReason(
  base: string,
  reason: ReasonId | undefined,
  locale: Locale,
): string {
  if (!reason) return base;
  const short = REASONS[reason].short[locale];
  return locale === "zh" ? `${base}（${short}）` : `${base} (${short})`;
}

/** Feedback for a nudge that has no answer yet, so the note still says what was done. */
export function channelFeedback(
  channel: "chat" | "sms" | "phone" | "button",
  locale: Locale = "zh",
): string {
  const text: Record<typeof channel, Labelled> = {
    chat: { zh: "已留言", en: "chat sent" },
    sms: { zh: "已发短信", en: "SMS sent" },
    phone: { zh: "已致电", en: "phoned" },
    button: { zh: "已点提醒付款", en: "reminder sent" },
  };
  return text[channel][locale];
}
