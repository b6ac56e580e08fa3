import { isSameDay } from "date-fns";
import { t, type Locale } from "@/lib/i18n";
import type { NudgeChannel } from "@/lib/model/steps";
import { formatClock, formatOrderTime } from "@/lib/model/time-format";
import { formatNote } from "@/lib/templates/notes";
import {
  channelFeedback,
  feedbackText,
  type OutcomeId,
  type PayWhenText,
  type ReasonId,
} from "@/lib/templates/outcomes";
import type { MessageTemplate } from "@/lib/templates/shipped";

/** The channels the agent can say they used, in the order the panel lists them. */
export const CHANNELS: readonly NudgeChannel[] = [
  "chat",
  "sms",
  "phone",
  "button",
];

/** What the panel says after an action. */
export type StatusKey =
  | "panel.copied"
  | "panel.inserted"
  | "panel.logged"
  | "panel.logFailed"
  | "badge.copyFailed"
  | "panel.insertFailed"
  | "takeOver.failed";

/** A template's name in the picker, with its channel unless that is chat. */
export function templateLabel(tpl: MessageTemplate, locale: Locale): string {
  return tpl.channel === "chat"
    ? tpl.name
    : `${tpl.name} · ${t(locale, `channel.${tpl.channel}`)}`;
}

/** What the agent chose in the panel's form. */
export interface Outcome {
  channel: NudgeChannel;
  outcome?: OutcomeId;
  reason?: ReasonId;
  /** A word, or the time the agent typed ("14:30"). */
  when?: PayWhenText;
}

/**
 * The panel's last log of this order: logged here (the note's count and text), or refused because
 * the step was already logged at `at` (a double click, another tab). `step` is what 再记一次 logs.
 */
export type LastLog =
  | { kind: "logged"; at: number; count: number; note: string; step?: string }
  | { kind: "duplicate"; at: number; step?: string };

/** When the buyer said they will pay: only with that outcome. */
export function payWhen({ outcome, when }: Outcome): PayWhenText | undefined {
  return outcome === "will-pay" ? when : undefined;
}

/**
 * The standard note for this nudge: the buyer's answer when the agent recorded one, else the
 * channel used.
 */
export function noteFor(
  chosen: Outcome,
  {
    at,
    agent,
    count,
    locale,
  }: {
    at: number;
    agent?: string;
    count: number;
    locale: Locale;
  },
): string {
  const feedback = chosen.outcome
    ? feedbackText(chosen.outcome, chosen.reason, payWhen(chosen), locale)
    : channelFeedback(chosen.channel, locale);
  return formatNote({ at, agent: agent ?? "", count, feedback });
}

/** When a note was written: the time alone today, else the date too. */
export function noteTime(at: number, now: number): string {
  return isSameDay(at, now) ? formatClock(at) : formatOrderTime(at);
}
