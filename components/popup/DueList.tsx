import { isSameDay } from "date-fns";
import { useState } from "react";
import { SNOOZE_CHOICES, type SnoozeChoice } from "@/lib/engine/snooze";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { isSnoozed, nudgeState } from "@/lib/model/nudge-state";
import { formatAmount, itemSummary, type StoredOrder } from "@/lib/model/order";
import { FIRST_SCREEN_ROWS, type QueueGroup } from "@/lib/db/queue";
import {
  formatClock,
  formatOrderTime,
  formatSpan,
} from "@/lib/model/time-format";

export type ManualStatus = "paid" | "closed";

/**
 * What the agent can do with a row. Each returns a promise that settles when the background has
 * done it; the list itself re-renders from new props (the popup's live query), so the callbacks
 * only report success or failure. A row shows only the actions it is given.
 */
export interface DueActions {
  onOpen(order: StoredOrder): void;
  /** Copies the filled-in message; resolves with how many variables could not be filled. */
  onCopy?(order: StoredOrder): Promise<{ missing: number }>;
  onMarkNudged?(order: StoredOrder): Promise<void>;
  onSetStatus?(order: StoredOrder, status: ManualStatus): Promise<void>;
  onSnooze?(order: StoredOrder, choice: SnoozeChoice): Promise<void>;
}

export interface DueListProps extends DueActions {
  /** `undefined` while loading. */
  groups: readonly QueueGroup[] | undefined;
  now: number;
  locale: Locale;
  /**
   * Only the first screen's rows are known yet (the popup's first paint): show at most
   * FIRST_SCREEN_ROWS across the groups, and no "more" lines until the whole queue is in.
   */
  firstScreen?: boolean;
}

const GROUP_TITLES: Record<QueueGroup["id"], MessageKey> = {
  overdue: "popup.overdue",
  due: "popup.due",
  later: "popup.later",
  done: "popup.done",
};

// The step ids the product ships with; a seller's own step ids are shown as they are named.
const STEP_LABELS: Readonly<Record<string, MessageKey>> = {
  "consulted-now": "step.consulted-now",
  first: "step.first",
  "follow-up": "step.follow-up",
  final: "step.final",
  phone: "step.phone",
};

const SNOOZE_LABELS: Record<SnoozeChoice, MessageKey> = {
  "15m": "popup.snooze15m",
  "1h": "popup.snooze1h",
  morning: "popup.snoozeMorning",
};

function clockOrDate(at: number, now: number): string {
  return isSameDay(at, now) ? formatClock(at) : formatOrderTime(at);
}

/** "首次催付 · 短信": the plan step of the next nudge and its channel. */
function stepText(order: StoredOrder, locale: Locale): string {
  if (order.nextDueAt === undefined) return "";
  const parts: string[] = [];
  if (order.nextStep !== undefined) {
    const key = STEP_LABELS[order.nextStep];
    parts.push(key ? t(locale, key) : order.nextStep);
  }
  if (order.nextChannel !== undefined)
    parts.push(t(locale, `channel.${order.nextChannel}`));
  return parts.join(" · ");
}

/** The auto-close deadline as the background reckoned it (the page's own, else the settings'). */
function closeText(order: StoredOrder, now: number, locale: Locale): string {
  const closesAt = order.deadlineAt;
  if (order.status !== "unpaid" || closesAt === undefined) return "";
  return now < closesAt
    ? t(locale, "popup.closesIn", { t: formatSpan(closesAt - now, locale) })
    : t(locale, "popup.closePassed");
}

interface DueItemProps extends DueActions {
  order: StoredOrder;
  now: number;
  locale: Locale;
}

function DueItem({
  order,
  now,
  locale,
  onOpen,
  onCopy,
  onMarkNudged,
  onSetStatus,
  onSnooze,
}: DueItemProps) {
  // Only the row's own feedback lives here; the order itself always comes from props.
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState("");
  // The less frequent actions open on demand: a long queue renders three buttons a row, not nine.
  const [more, setMore] = useState(false);
  const state = nudgeState(order, now);
  const due = order.nextDueAt;
  const snoozed = isSnoozed(order, now);
  let when: string;
  if (snoozed)
    when = t(locale, "popup.snoozedUntil", {
      time: clockOrDate(order.snoozedUntil!, now),
    });
  else if (due === undefined) when = t(locale, `state.${state}`);
  else
    when = `${clockOrDate(due, now)} · ${
      now < due
        ? t(locale, "badge.in", { t: formatSpan(due - now, locale) })
        : t(locale, "badge.ago", { t: formatSpan(now - due, locale) })
    }`;
  const step = stepText(order, locale);
  const closes = closeText(order, now, locale);
  const unpaid = order.status === "unpaid";

  function act(task: () => Promise<string>) {
    setBusy(true);
    setFeedback("");
    task().then(
      (message) => (setBusy(false), setFeedback(message)),
      (error: unknown) => {
        console.error("PayNudge popup action", error);
        setBusy(false);
        setFeedback(t(locale, "popup.failed"));
      },
    );
  }

  return (
    <li
      className={`due-item ${state}${snoozed ? " snoozed" : ""}`}
      data-paynudge-popup-item={order.orderId}
      data-state={state}
      data-snoozed-until={snoozed ? order.snoozedUntil : undefined}
    >
      <button
        type="button"
        className="open"
        onClick={() => onOpen(order)}
        title={t(locale, "popup.open")}
      >
        <span className="line1">
          <strong className="buyer" elementtiming="paynudge-popup-row">
            {order.buyer ?? t(locale, "unknown.buyer")}
          </strong>
          <span className="amount">
            {formatAmount(order.amountCents, order.currency) ?? ""}
          </span>
        </span>
        <span className="line2">
          <span className="item">
            {itemSummary(order.items, locale) ?? t(locale, "unknown.item")}
          </span>
          {closes && <span className="closes">{closes}</span>}
        </span>
        <span className="line3">
          <span className="platform">
            {t(locale, `platform.${order.platform}`)}
            {step && <span className="step"> · {step}</span>}
          </span>
          <span className="due">{when}</span>
        </span>
      </button>
      {unpaid && (onCopy || onMarkNudged || onSetStatus || onSnooze) && (
        <div className="actions">
          {onCopy && (
            <button
              type="button"
              data-action="copy"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  const { missing } = await onCopy(order);
                  return missing
                    ? t(locale, "popup.copiedMissing", { n: missing })
                    : t(locale, "popup.copied");
                })
              }
            >
              {t(locale, "popup.copy")}
            </button>
          )}
          {onMarkNudged && (
            <button
              type="button"
              data-action="nudged"
              disabled={busy}
              onClick={() => act(() => onMarkNudged(order).then(() => ""))}
            >
              {t(locale, "popup.markNudged")}
            </button>
          )}
          {(onSetStatus || (onSnooze && due !== undefined)) && (
            <button
              type="button"
              data-action="more"
              aria-expanded={more}
              onClick={() => setMore(!more)}
            >
              {t(locale, "popup.moreActions")}
            </button>
          )}
          {/* Only while there is something to say: an empty node on every row of a long queue costs. */}
          {feedback && (
            <span className="feedback" role="status">
              {feedback}
            </span>
          )}
          {more && (
            <div className="more-actions">
              {onSetStatus && (
                <>
                  <button
                    type="button"
                    data-action="paid"
                    disabled={busy}
                    onClick={() =>
                      act(() => onSetStatus(order, "paid").then(() => ""))
                    }
                  >
                    {t(locale, "popup.markPaid")}
                  </button>
                  <button
                    type="button"
                    data-action="closed"
                    disabled={busy}
                    onClick={() =>
                      act(() => onSetStatus(order, "closed").then(() => ""))
                    }
                  >
                    {t(locale, "popup.markClosed")}
                  </button>
                </>
              )}
              {onSnooze && due !== undefined && (
                <span
                  className="snooze"
                  role="group"
                  aria-label={t(locale, "popup.snooze")}
                >
                  {t(locale, "popup.snooze")}
                  {SNOOZE_CHOICES.map((choice) => (
                    <button
                      type="button"
                      key={choice}
                      data-action="snooze"
                      data-snooze={choice}
                      disabled={busy}
                      onClick={() =>
                        act(() => onSnooze(order, choice).then(() => ""))
                      }
                    >
                      {t(locale, SNOOZE_LABELS[choice])}
                    </button>
                  ))}
                </span>
              )}
            </div>
          )}
        </div>
      )}
    </li>
  );
}

/** The day's queue in groups, soonest first. Renders from props only. */
export function DueList({
  groups,
  now,
  locale,
  firstScreen = false,
  ...actions
}: DueListProps) {
  if (groups === undefined)
    return (
      <p className="status" role="status">
        {t(locale, "popup.loading")}
      </p>
    );
  const shown = groups.filter((g) => g.count > 0);
  let left = firstScreen ? FIRST_SCREEN_ROWS : Infinity;
  const budget = shown.map((g) => {
    const n = Math.min(left, g.orders.length);
    left -= n;
    return n;
  });
  if (!shown.length)
    return <p className="status empty">{t(locale, "popup.empty")}</p>;
  return (
    <>
      {shown.map((group, g) => (
        <section className="group" data-group={group.id} key={group.id}>
          <h2>
            {t(locale, GROUP_TITLES[group.id])}{" "}
            <span className="count">
              {group.count}
              {group.countIsLowerBound ? "+" : ""}
            </span>
          </h2>
          <ul>
            {group.orders.slice(0, budget[g]).map((order) => (
              <DueItem
                key={order.key}
                order={order}
                now={now}
                locale={locale}
                {...actions}
              />
            ))}
          </ul>
          {!firstScreen && group.count > group.orders.length && (
            <p className="more">
              {t(locale, "popup.more", {
                n: group.count - group.orders.length,
              })}
            </p>
          )}
        </section>
      ))}
    </>
  );
}
