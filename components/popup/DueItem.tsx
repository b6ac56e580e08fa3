import { useLayoutEffect, useRef, useState } from "react";
import type { DueActions } from "@/components/popup/due-actions";
import type { HeldAction, HeldRow } from "@/components/popup/held-rows";
import {
  closeAtText,
  closeText,
  stepText,
  whenText,
} from "@/components/popup/row-text";
import { SNOOZE_CHOICES, type SnoozeChoice } from "@/lib/engine/snooze";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { isSnoozed, nudgeState } from "@/lib/model/nudge-state";
import { formatAmount, itemSummary, type StoredOrder } from "@/lib/model/order";
import { noSlotText, ownerText, type OwnerView } from "@/lib/model/order-view";
import { missingText } from "@/lib/templates/render";

const SNOOZE_LABELS: Record<SnoozeChoice, MessageKey> = {
  "15m": "popup.snooze15m",
  "1h": "popup.snooze1h",
  morning: "popup.snoozeMorning",
};

/** What a row says after an action; a warning is not a success and offers the settings. */
interface Feedback {
  text: string;
  warn?: boolean;
}

/** What a held row says the agent did ("已标记为已付款 · 撤销"). */
const HELD_LABELS: Record<HeldAction, MessageKey> = {
  paid: "popup.heldPaid",
  closed: "popup.heldClosed",
  snooze: "popup.heldSnoozed",
};

export interface DueItemProps extends DueActions {
  order: StoredOrder;
  now: number;
  locale: Locale;
  /**
   * A row of the no-slot group: it says why no nudge is planned and when the order closes (by the
   * clock), where the others say when the next nudge is due.
   */
  noSlot?: boolean;
  /** The row was just marked or snoozed (held-rows.ts): once done, it offers undo in place. */
  held?: HeldRow;
  onUndo?(): void;
  /** Whose the order is (team mode). */
  owner?: OwnerView;
}

/** One order of the queue: who, what, when, and the actions the list was given. */
export function DueItem({
  order,
  now,
  locale,
  noSlot = false,
  onOpen,
  onCopy,
  onMarkNudged,
  onSetStatus,
  onSnooze,
  onOpenSettings,
  held,
  onUndo,
  owner,
}: DueItemProps) {
  // Only the row's own feedback lives here; the order itself always comes from props.
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>({ text: "" });
  // The less frequent actions open on demand: a long queue renders three buttons a row, not nine.
  const [more, setMore] = useState(false);
  const state = nudgeState(order, now);
  const due = order.nextDueAt;
  const snoozed = isSnoozed(order, now);
  const cause = noSlot ? noSlotText(order, now, locale) : "";
  // The group was read a moment ago: should the deadline have passed since, the row says its state.
  const when = cause || whenText(order, now, locale);
  const step = stepText(order, locale);
  const closes = noSlot
    ? closeAtText(order, now, locale)
    : closeText(order, now, locale);
  const unpaid = order.status === "unpaid";
  // The undo takes the focus of the button that made it, so a keyboard agent can press it at once:
  // in the same commit that puts it in (a layout effect), so the focus never drops to the page's
  // body in between, as it did for a frame under load.
  const undoButton = useRef<HTMLButtonElement>(null);
  const offered = held?.state === "offered";
  useLayoutEffect(() => {
    if (offered) undoButton.current?.focus();
  }, [offered]);
  // The buyer said no: nothing to send them (no message, no nudge to log), only paid / closed.
  const declined = order.declinedAt !== undefined;
  const buyer = order.buyer ?? t(locale, "unknown.buyer");
  const amount = formatAmount(order.amountCents, order.currency) ?? "";
  const item = itemSummary(order.items, locale) ?? t(locale, "unknown.item");
  const platformLine = step
    ? `${t(locale, `platform.${order.platform}`)} · ${step}`
    : t(locale, `platform.${order.platform}`);

  function act(task: () => Promise<string | Feedback>) {
    setBusy(true);
    setFeedback({ text: "" });
    task().then(
      (message) => (
        setBusy(false),
        setFeedback(typeof message === "string" ? { text: message } : message)
      ),
      (error: unknown) => {
        console.error("PayNudge popup action", error);
        setBusy(false);
        setFeedback({ text: t(locale, "popup.failed") });
      },
    );
  }

  if (
    held &&
    (held.state === "offered" ||
      held.state === "undoing" ||
      held.state === "failed")
  )
    return (
      <li
        className="due-item held"
        data-paynudge-popup-held={order.orderId}
        data-held={held.action}
      >
        <span className="held-text" role="status">
          <strong className="buyer" title={buyer}>
            {buyer}
          </strong>
          <span>
            {t(
              locale,
              held.state === "failed"
                ? "popup.failed"
                : HELD_LABELS[held.action],
            )}
          </span>
        </span>
        <span aria-hidden="true">·</span>
        <button
          type="button"
          data-action="undo"
          ref={undoButton}
          disabled={held.state === "undoing"}
          onClick={() => onUndo?.()}
        >
          {t(locale, "popup.undo")}
        </button>
      </li>
    );

  return (
    <li
      className={`due-item ${state}${snoozed ? " snoozed" : ""}`}
      data-paynudge-popup-item={order.orderId}
      data-state={state}
      data-snoozed-until={snoozed ? order.snoozedUntil : undefined}
      data-owner={owner?.name}
    >
      <button
        type="button"
        className="open"
        onClick={() => onOpen(order)}
        title={t(locale, "popup.open")}
      >
        {/* One line each, cut with an ellipsis rather than wrapped mid-word; the whole text is its title. */}
        <span className="line1">
          <strong
            className="buyer"
            elementtiming="paynudge-popup-row"
            title={buyer}
          >
            {buyer}
          </strong>
          <span className="amount">{amount}</span>
        </span>
        <span className="line2">
          <span className="item" title={item}>
            {item}
          </span>
          {closes && (
            <span className="closes" title={closes}>
              {closes}
            </span>
          )}
        </span>
        <span className="line3">
          <span className="platform" title={platformLine}>
            {t(locale, `platform.${order.platform}`)}
            {step && <span className="step"> · {step}</span>}
          </span>
          {owner && (
            <span className={owner.mine ? "owner mine" : "owner"}>
              {ownerText(owner, locale)}
            </span>
          )}
          <span className="due" title={when}>
            {when}
          </span>
        </span>
      </button>
      {unpaid && (onCopy || onMarkNudged || onSetStatus || onSnooze) && (
        <div className="actions">
          {onCopy && !declined && (
            <button
              type="button"
              data-action="copy"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  const { missing } = await onCopy(order);
                  return missing.length
                    ? {
                        text: t(locale, "popup.copiedMissing", {
                          names: missingText(locale, missing),
                        }),
                        warn: true,
                      }
                    : t(locale, "popup.copied");
                })
              }
            >
              {t(locale, "popup.copy")}
            </button>
          )}
          {onMarkNudged && !declined && (
            <button
              type="button"
              data-action="nudged"
              disabled={busy}
              onClick={() => act(() => onMarkNudged(order))}
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
          {feedback.text && (
            <span
              className={feedback.warn ? "feedback warn" : "feedback"}
              role={feedback.warn ? "alert" : "status"}
            >
              {feedback.text}
            </span>
          )}
          {feedback.warn && onOpenSettings && (
            <button
              type="button"
              data-action="settings"
              onClick={() => onOpenSettings()}
            >
              {t(locale, "copy.openSettings")}
            </button>
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
