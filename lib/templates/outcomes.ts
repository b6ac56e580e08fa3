import { format } from "date-fns";
import { inEveryLocale, t, type Locale, type MessageKey } from "@/lib/i18n";
import { isClockTime, type ClockTime } from "@/lib/model/clock-time";
import type { NudgeChannel } from "@/lib/model/steps";

/** What the buyer said (or did not say) after a nudge. */
export const OUTCOME_IDS = [
  "will-pay",
  "payment-trouble",
  "not-wanted",
  "no-answer",
  "other",
] as const;
export type OutcomeId = (typeof OUTCOME_IDS)[number];

/** Words in every language, for pickers and reports that read `label[locale]`. */
export type Labelled = Record<Locale, string>;

export const OUTCOMES: Record<
  OutcomeId,
  { label: Labelled; feedback: Labelled }
> = {
  "will-pay": {
    label: inEveryLocale("outcome.will-pay"),
    feedback: inEveryLocale("outcome.will-pay.note"),
  },
  "payment-trouble": {
    label: inEveryLocale("outcome.payment-trouble"),
    feedback: inEveryLocale("outcome.payment-trouble.note"),
  },
  "not-wanted": {
    label: inEveryLocale("outcome.not-wanted"),
    feedback: inEveryLocale("outcome.not-wanted.note"),
  },
  "no-answer": {
    label: inEveryLocale("outcome.no-answer"),
    feedback: inEveryLocale("outcome.no-answer.note"),
  },
  other: {
    label: inEveryLocale("outcome.other"),
    feedback: inEveryLocale("outcome.other.note"),
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
    label: inEveryLocale("reason.shipping-cost"),
    short: inEveryLocale("reason.shipping-cost.note"),
    action: inEveryLocale("reason.shipping-cost.advice"),
  },
  comparing: {
    label: inEveryLocale("reason.comparing"),
    short: inEveryLocale("reason.comparing.note"),
    action: inEveryLocale("reason.comparing.advice"),
  },
  balance: {
    label: inEveryLocale("reason.balance"),
    short: inEveryLocale("reason.balance.note"),
    action: inEveryLocale("reason.balance.advice"),
  },
  coupon: {
    label: inEveryLocale("reason.coupon"),
    short: inEveryLocale("reason.coupon.note"),
    action: inEveryLocale("reason.coupon.advice"),
  },
  "payment-method": {
    label: inEveryLocale("reason.payment-method"),
    short: inEveryLocale("reason.payment-method.note"),
    action: inEveryLocale("reason.payment-method.advice"),
  },
  "out-of-stock": {
    label: inEveryLocale("reason.out-of-stock"),
    short: inEveryLocale("reason.out-of-stock.note"),
    action: inEveryLocale("reason.out-of-stock.advice"),
  },
  "support-unreachable": {
    label: inEveryLocale("reason.support-unreachable"),
    short: inEveryLocale("reason.support-unreachable.note"),
    action: inEveryLocale("reason.support-unreachable.advice"),
  },
  "payment-security": {
    label: inEveryLocale("reason.payment-security"),
    short: inEveryLocale("reason.payment-security.note"),
    action: inEveryLocale("reason.payment-security.advice"),
  },
  unfamiliar: {
    label: inEveryLocale("reason.unfamiliar"),
    short: inEveryLocale("reason.unfamiliar.note"),
    action: inEveryLocale("reason.unfamiliar.advice"),
  },
  "wrong-order": {
    label: inEveryLocale("reason.wrong-order"),
    short: inEveryLocale("reason.wrong-order.note"),
    action: inEveryLocale("reason.wrong-order.advice"),
  },
  "bad-service": {
    label: inEveryLocale("reason.bad-service"),
    short: inEveryLocale("reason.bad-service.note"),
    action: inEveryLocale("reason.bad-service.advice"),
  },
  other: {
    label: inEveryLocale("reason.other"),
    short: inEveryLocale("reason.other.note"),
    action: inEveryLocale("reason.other.advice"),
  },
};

/**
 * When a buyer who promised to pay said they would: a word, or a time of day the agent typed
 * ("14:30", lib/model/clock-time.ts). A number is an epoch-ms moment.
 */
export const WHEN_IDS = [
  "now",
  "noon",
  "afternoon",
  "evening",
  "tomorrow",
] as const;
export type WhenId = (typeof WHEN_IDS)[number];
/** What a log carries (the request, the stored row): a word or a typed time. */
export type PayWhenText = WhenId | ClockTime;
export type PayWhen = PayWhenText | number;

export const WHEN_LABELS: Record<WhenId, Labelled> = {
  now: inEveryLocale("when.now"),
  noon: inEveryLocale("when.noon"),
  afternoon: inEveryLocale("when.afternoon"),
  evening: inEveryLocale("when.evening"),
  tomorrow: inEveryLocale("when.tomorrow"),
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

export function isWhenId(value: unknown): value is WhenId {
  return (
    typeof value === "string" && (WHEN_IDS as readonly string[]).includes(value)
  );
}

/** What a log may say of when the buyer pays, as text: a word, or a typed "HH:mm". */
export function isPayWhenText(value: unknown): value is PayWhenText {
  return isWhenId(value) || isClockTime(value);
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
        : isWhenId(when)
          ? WHEN_LABELS[when][locale]
          : when;
    const base = t(locale, "note.willPayAt", { when: moment });
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
  return t(locale, "note.withReason", {
    feedback: base,
    reason: REASONS[reason].short[locale],
  });
}

const SENT: Record<NudgeChannel, MessageKey> = {
  chat: "note.sent.chat",
  sms: "note.sent.sms",
  phone: "note.sent.phone",
  button: "note.sent.button",
};

/** Feedback for a nudge that has no answer yet, so the note still says what was done. */
export function channelFeedback(
  channel: NudgeChannel,
  locale: Locale = "zh",
): string {
  return t(locale, SENT[channel]);
}
