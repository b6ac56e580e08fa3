import { isSameDay } from "date-fns";
import { useId, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { NUDGE_PANEL_CSS } from "@/components/page/nudge-panel.css";
import { nativeEvent, trusted } from "@/components/shared/trusted-event";
import type { NudgeChannel } from "@/lib/db/schema";
import type { MessageTemplate } from "@/lib/templates/shipped";
import { t, type Locale } from "@/lib/i18n";
import { formatNote, type ColleagueWarning } from "@/lib/templates/notes";
import type { StoredOrder } from "@/lib/model/order";
import {
  OUTCOME_IDS,
  OUTCOMES,
  REASON_IDS,
  REASONS,
  WHEN_IDS,
  WHEN_LABELS,
  channelFeedback,
  feedbackText,
  isReasonId,
  type OutcomeId,
  type ReasonId,
  type WhenId,
} from "@/lib/templates/outcomes";
import {
  renderParts,
  renderTemplate,
  type TemplateValues,
} from "@/lib/templates/render";
import { formatClock, formatOrderTime } from "@/lib/model/time-format";

const CHANNELS: readonly NudgeChannel[] = ["chat", "sms", "phone", "button"];

/** What the agent did, for the nudge log: channel, step, template, agent, time, outcome. */
export interface NudgeLogEntry {
  at: number;
  channel: NudgeChannel;
  step?: string;
  templateId?: string;
  agent?: string;
  outcome?: OutcomeId;
  reason?: ReasonId;
  when?: WhenId;
  /** The standard note written for this nudge. */
  note: string;
}

export interface NudgePanelProps {
  /** A StoredOrder does; so does a badge's OrderView plus the buyer read off the row. */
  order: Pick<StoredOrder, "orderId" | "nudgeCount"> & { buyer?: string };
  /** Best first, as templatesFor() orders them; the first is preselected. */
  templates: readonly MessageTemplate[];
  values: TemplateValues;
  locale: Locale;
  /** This agent's nickname, for the note. */
  agent?: string;
  /** The plan step this nudge carries out (e.g. 'first'); defaults to the template's scenario. */
  step?: string;
  /** The latest standard note found in the row's memo, from colleagueWarning(). */
  warning?: ColleagueWarning;
  /** The note's count; by default one past what this machine and the memo know. */
  noteCount?: number;
  /** A chat box is open on the page; without it the insert button explains why it is off. */
  canInsertMessage?: boolean;
  /** The memo field is open on the page. */
  canInsertNote?: boolean;
  clock?: () => number;
  /** Resolve false when copying failed. `cause` is the agent's (trusted) click, for the clipboard. */
  onCopy(text: string, templateId: string, cause: Event): unknown;
  /** Resolve false when inserting failed. Without it there is no insert button. */
  onInsert?(text: string, templateId: string): unknown;
  onLog(entry: NudgeLogEntry): unknown;
  onCopyNote(note: string, cause: Event): unknown;
  onInsertNote?(note: string): unknown;
  onClose?(): void;
}

type Status = {
  key:
    | "panel.copied"
    | "panel.inserted"
    | "panel.logged"
    | "panel.logFailed"
    | "badge.copyFailed"
    | "panel.insertFailed";
};

function templateLabel(tpl: MessageTemplate, locale: Locale): string {
  return tpl.channel === "chat"
    ? tpl.name
    : `${tpl.name} · ${t(locale, `channel.${tpl.channel}`)}`;
}

/**
 * The agent's workflow on one order: pick a message that fits, copy or insert it, record what
 * the buyer said, and write the standard note that tells colleagues this buyer was reminded.
 * Everything the page or the buyer supplied is rendered as text. Every control acts only on the
 * agent's own input (`trusted`): the panel lives in the seller's page, whose scripts must not be
 * able to choose an outcome or log a nudge in the agent's name.
 */
export function NudgePanel(props: NudgePanelProps) {
  const { order, templates, values, locale, warning } = props;
  const clock = props.clock ?? Date.now;
  const id = useId();

  const [templateId, setTemplateId] = useState(() => templates[0]?.id ?? "");
  const template =
    templates.find((tpl) => tpl.id === templateId) ?? templates[0];
  const [channel, setChannel] = useState<NudgeChannel>(
    () => template?.channel ?? "chat",
  );
  const [outcome, setOutcome] = useState<OutcomeId | undefined>(undefined);
  const [reason, setReason] = useState<ReasonId | undefined>(undefined);
  const [when, setWhen] = useState<WhenId | undefined>(undefined);
  const [confirmed, setConfirmed] = useState(false);
  const [status, setStatus] = useState<Status | undefined>(undefined);
  // Frozen when the panel opens: logging this nudge must not bump the note it is about to write.
  const [defaultCount] = useState(
    () => Math.max(order.nudgeCount, warning?.count ?? 0) + 1,
  );
  const count = props.noteCount ?? defaultCount;

  const parts = useMemo(
    () => (template ? renderParts(template.body, values, locale) : []),
    [template, values, locale],
  );
  const missing = parts.filter((p) => p.missing).length;
  const text = template
    ? renderTemplate(template.body, values, locale).text
    : "";

  const now = clock();
  const feedback = outcome
    ? feedbackText(
        outcome,
        reason,
        outcome === "will-pay" ? when : undefined,
        locale,
      )
    : channelFeedback(channel, locale);
  const note = formatNote({
    at: now,
    agent: props.agent ?? "",
    count,
    feedback,
  });
  const blocked = !!warning?.insideCooldown && !confirmed;

  async function report(
    action: () => unknown,
    ok: Status["key"],
    failed: Status["key"],
  ) {
    setStatus(undefined);
    let result: unknown;
    try {
      result = await action();
    } catch {
      result = false;
    }
    setStatus({ key: result === false ? failed : ok });
  }

  function chooseTemplate(next: string) {
    setTemplateId(next);
    const tpl = templates.find((x) => x.id === next);
    if (tpl) setChannel(tpl.channel);
  }

  function log() {
    const entry: NudgeLogEntry = {
      at: now,
      channel,
      step: props.step ?? template?.scenario,
      templateId: template?.id,
      agent: props.agent,
      outcome,
      reason,
      when: outcome === "will-pay" ? when : undefined,
      note,
    };
    void report(() => props.onLog(entry), "panel.logged", "panel.logFailed");
  }

  const buyer = order.buyer ?? t(locale, "unknown.buyer");
  const warningTime = warning
    ? isSameDay(warning.at, now)
      ? formatClock(warning.at)
      : formatOrderTime(warning.at)
    : "";

  return (
    <section
      className="pn-panel"
      aria-labelledby={`${id}-title`}
      data-paynudge-panel={order.orderId}
      onKeyDown={trusted((e) => {
        if (e.key === "Escape" && props.onClose) {
          e.stopPropagation();
          props.onClose();
        }
      })}
    >
      <div className="pn-head">
        <h2 id={`${id}-title`}>{t(locale, "panel.title", { buyer })}</h2>
        {props.onClose && (
          <button
            type="button"
            onClick={trusted(() => props.onClose?.())}
            aria-label={t(locale, "panel.close")}
          >
            ×
          </button>
        )}
      </div>

      {warning && (
        <div
          className="pn-warning"
          role="alert"
          data-paynudge-warning={warning.insideCooldown ? "cooldown" : "info"}
        >
          <p>
            <strong>
              {warning.byColleague
                ? t(locale, "panel.reminded", {
                    agent: warning.agent,
                    time: warningTime,
                  })
                : t(locale, "panel.remindedSelf", {
                    agent: warning.agent,
                    time: warningTime,
                  })}
            </strong>
            {" · "}
            {t(locale, "panel.remindedCount", { count: warning.count })}
            {warning.feedback ? ` · ${warning.feedback}` : ""}
          </p>
          {blocked && (
            <>
              <p>
                {t(locale, "panel.cooldown", {
                  time: formatClock(warning.cooldownEndsAt),
                })}
              </p>
              <button type="button" onClick={trusted(() => setConfirmed(true))}>
                {t(locale, "panel.nudgeAnyway")}
              </button>
            </>
          )}
        </div>
      )}

      <div className="pn-section">
        <label className="pn-label" htmlFor={`${id}-template`}>
          {t(locale, "panel.template")}
        </label>
        <select
          id={`${id}-template`}
          value={template?.id ?? ""}
          onChange={trusted((e) => chooseTemplate(e.target.value))}
        >
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {templateLabel(tpl, locale)}
            </option>
          ))}
        </select>
      </div>

      <div className="pn-section">
        <span className="pn-label" id={`${id}-preview-label`}>
          {t(locale, "panel.preview")}
        </span>
        <p
          className="pn-preview"
          aria-labelledby={`${id}-preview-label`}
          data-paynudge-preview=""
        >
          {parts.map((part, i) =>
            part.missing ? (
              <mark key={i} className="pn-missing" data-missing={part.missing}>
                {part.text}
              </mark>
            ) : (
              <span key={i}>{part.text}</span>
            ),
          )}
        </p>
        {missing > 0 && (
          <p className="pn-hint pn-warn">
            {t(locale, "panel.missing", { n: missing })}
          </p>
        )}
        <div className="pn-row">
          <button
            type="button"
            className="pn-primary"
            disabled={blocked || !template}
            onClick={trusted(
              (e) =>
                template &&
                void report(
                  () => props.onCopy(text, template.id, nativeEvent(e)),
                  "panel.copied",
                  "badge.copyFailed",
                ),
            )}
          >
            {t(locale, "panel.copy")}
          </button>
          {props.onInsert && (
            <button
              type="button"
              disabled={
                blocked || !template || props.canInsertMessage === false
              }
              title={
                props.canInsertMessage === false
                  ? t(locale, "panel.noChatBox")
                  : undefined
              }
              onClick={trusted(
                () =>
                  template &&
                  void report(
                    () => props.onInsert?.(text, template.id),
                    "panel.inserted",
                    "panel.insertFailed",
                  ),
              )}
            >
              {t(locale, "panel.insert")}
            </button>
          )}
        </div>
        {props.onInsert && props.canInsertMessage === false && (
          <p className="pn-hint">{t(locale, "panel.noChatBox")}</p>
        )}
      </div>

      <div className="pn-section">
        <label className="pn-label" htmlFor={`${id}-channel`}>
          {t(locale, "panel.channel")}
        </label>
        <select
          id={`${id}-channel`}
          value={channel}
          onChange={trusted((e) => setChannel(e.target.value as NudgeChannel))}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(locale, `channel.${c}`)}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="pn-section">
        <legend>{t(locale, "panel.outcome")}</legend>
        <div className="pn-choices">
          <label>
            <input
              type="radio"
              name={`${id}-outcome`}
              checked={outcome === undefined}
              onChange={trusted(() => setOutcome(undefined))}
            />
            {t(locale, "panel.outcomeNone")}
          </label>
          {OUTCOME_IDS.map((o) => (
            <label key={o}>
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o}
                checked={outcome === o}
                onChange={trusted(() => setOutcome(o))}
              />
              {OUTCOMES[o].label[locale]}
            </label>
          ))}
        </div>
      </fieldset>

      {outcome === "will-pay" && (
        <div className="pn-section">
          <label className="pn-label" htmlFor={`${id}-when`}>
            {t(locale, "panel.when")}
          </label>
          <select
            id={`${id}-when`}
            value={when ?? ""}
            onChange={trusted((e) =>
              setWhen(
                (WHEN_IDS as readonly string[]).includes(e.target.value)
                  ? (e.target.value as WhenId)
                  : undefined,
              ),
            )}
          >
            <option value="">{t(locale, "panel.whenNone")}</option>
            {WHEN_IDS.map((w) => (
              <option key={w} value={w}>
                {WHEN_LABELS[w][locale]}
              </option>
            ))}
          </select>
        </div>
      )}

      <div className="pn-section">
        <label className="pn-label" htmlFor={`${id}-reason`}>
          {t(locale, "panel.reason")}
        </label>
        <select
          id={`${id}-reason`}
          value={reason ?? ""}
          onChange={trusted((e) =>
            setReason(isReasonId(e.target.value) ? e.target.value : undefined),
          )}
        >
          <option value="">{t(locale, "panel.reasonNone")}</option>
          {REASON_IDS.map((r) => (
            <option key={r} value={r}>
              {REASONS[r].label[locale]}
            </option>
          ))}
        </select>
        {reason && (
          <p className="pn-hint">
            {t(locale, "panel.suggest", {
              text: REASONS[reason].action[locale],
            })}
          </p>
        )}
      </div>

      <div className="pn-section">
        <span className="pn-label" id={`${id}-note-label`}>
          {t(locale, "panel.note")}
        </span>
        <p
          className="pn-note"
          aria-labelledby={`${id}-note-label`}
          data-paynudge-note=""
        >
          {note}
        </p>
        <div className="pn-row">
          <button
            type="button"
            className="pn-primary"
            disabled={blocked}
            onClick={trusted(log)}
          >
            {t(locale, "panel.log")}
          </button>
          <button
            type="button"
            disabled={blocked}
            onClick={trusted(
              (e) =>
                void report(
                  () => props.onCopyNote(note, nativeEvent(e)),
                  "panel.copied",
                  "badge.copyFailed",
                ),
            )}
          >
            {t(locale, "panel.copyNote")}
          </button>
          {props.onInsertNote && (
            <button
              type="button"
              disabled={blocked || props.canInsertNote === false}
              title={
                props.canInsertNote === false
                  ? t(locale, "panel.noMemo")
                  : undefined
              }
              onClick={trusted(
                () =>
                  void report(
                    () => props.onInsertNote?.(note),
                    "panel.inserted",
                    "panel.insertFailed",
                  ),
              )}
            >
              {t(locale, "panel.insertNote")}
            </button>
          )}
        </div>
        {props.onInsertNote && props.canInsertNote === false && (
          <p className="pn-hint">{t(locale, "panel.noMemo")}</p>
        )}
      </div>

      <p className="pn-status" role="status">
        {status ? t(locale, status.key) : ""}
      </p>
    </section>
  );
}

export interface MountedNudgePanel {
  /** Re-render with new props (a fresh `now`, a changed warning, a memo field that opened). */
  update(props: NudgePanelProps): void;
  unmount(): void;
}

/**
 * Put the panel into a shadow root (the badge's) or any element, with its styles next to it. The
 * panel keeps its state across update() calls; unmount() removes everything it added.
 */
export function mountNudgePanel(
  parent: ShadowRoot | HTMLElement,
  props: NudgePanelProps,
): MountedNudgePanel {
  const doc = parent.ownerDocument ?? document;
  const style = doc.createElement("style");
  style.textContent = NUDGE_PANEL_CSS;
  const container = doc.createElement("div");
  parent.append(style, container);
  const root = createRoot(container);
  // Keyed by order: another order's panel starts fresh instead of inheriting choices.
  root.render(<NudgePanel key={props.order.orderId} {...props} />);
  return {
    update: (next) =>
      root.render(<NudgePanel key={next.order.orderId} {...next} />),
    unmount() {
      root.unmount();
      style.remove();
      container.remove();
    },
  };
}
