import { isSameDay } from "date-fns";
import { hasMessage, t, type Locale, type MessageKey } from "@/lib/i18n";
import type { NudgeState } from "@/lib/model/nudge-state";
import {
  formatClock,
  formatOrderTime,
  formatSpan,
} from "@/lib/model/time-format";
import {
  noSlotText,
  promiseText,
  ownerText,
  type OrderView,
} from "@/lib/model/order-view";

const ACTIVE: ReadonlySet<NudgeState> = new Set([
  "upcoming",
  "snoozed",
  "due",
  "overdue",
  "reminded",
  // Still opens the panel: the buyer may change their mind, and the note is still to write.
  "declined",
  // The deadline is ahead: the agent may still act by hand, and the badge says why none is planned.
  "no-slot",
  "expired",
]);

/** A badge in this state opens the panel; the others (paid, closed, other) only say so. */
export function isActive(state: NudgeState): boolean {
  return ACTIVE.has(state);
}

/** The latest standard note in the row's memo. */
export interface MemoNote {
  agent: string;
  at: number;
}

/** What a badge says of its order, each part as plain text. */
export interface BadgeText {
  label: string;
  /** When the nudge is due, or how long it has been overdue. */
  when: string;
  /** The plan step and channel of the next nudge. */
  step: string;
  /** Facts: when the platform closes the order, who reminded the buyer when. */
  meta: string;
  /** The button's tooltip. */
  title: string;
}

/** What the badge of `view` in `state` says at `now`. */
export function badgeText(
  view: OrderView,
  state: NudgeState,
  memoNote: MemoNote | undefined,
  now: number,
  locale: Locale,
): BadgeText {
  const active = isActive(state);
  const label = t(locale, `state.${state}`);
  const due = view.nextDueAt;
  let when: string;
  if (!active) when = "";
  // None planned while the deadline is ahead: why (quiet hours until the close, the buyer cap).
  else if (due === undefined) when = noSlotText(view, now, locale);
  else if (state === "upcoming" || state === "snoozed")
    when = t(locale, "badge.in", { t: formatSpan(due - now, locale) });
  else if (state === "overdue")
    when = t(locale, "badge.overdueFor", { t: formatSpan(now - due, locale) });
  else when = formatClock(due);
  const stepKey = `step.${view.nextStep}` as MessageKey;
  const step =
    active && view.nextStep
      ? [
          hasMessage(stepKey) ? t(locale, stepKey) : view.nextStep,
          view.nextChannel ? t(locale, `channel.${view.nextChannel}`) : "",
        ]
          .filter(Boolean)
          .join("·")
      : "";
  const facts: string[] = [];
  if (active && view.owner) facts.push(ownerText(view.owner, locale));
  const promise = active ? promiseText(view, locale) : "";
  if (promise) facts.push(promise);
  if (active && view.deadlineAt !== undefined && view.deadlineAt > now) {
    facts.push(
      t(locale, "badge.closesIn", {
        t: formatSpan(view.deadlineAt - now, locale),
      }),
    );
  }
  if (memoNote && active && memoNote.at > (view.lastNudgeAt ?? 0)) {
    const time = isSameDay(memoNote.at, now)
      ? formatClock(memoNote.at)
      : formatOrderTime(memoNote.at);
    facts.push(t(locale, "panel.reminded", { agent: memoNote.agent, time }));
  } else if (view.nudgeCount > 0) {
    facts.push(t(locale, "badge.nudged", { n: view.nudgeCount }));
    if (view.lastNudgeAt !== undefined) {
      facts.push(
        t(locale, "badge.last", {
          agent: view.lastAgent ?? "",
          time: formatClock(view.lastNudgeAt),
        }).replace(/\s+/g, " "),
      );
    }
  }
  const title = active
    ? [
        t(locale, "badge.copy"),
        due === undefined
          ? ""
          : t(locale, "badge.dueAt", { time: formatClock(due) }),
      ]
        .filter(Boolean)
        .join(" · ")
    : "";
  return { label, when, step, meta: facts.join(" · "), title };
}
