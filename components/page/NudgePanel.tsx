import { useId, useRef, useState } from "react";
import { createRoot } from "react-dom/client";
import { t } from "@/lib/i18n";
import type { NudgeLogEntry, PanelModel } from "@/lib/page/ui-port";
import { trusted } from "@/components/shared/trusted-event";
import { NUDGE_PANEL_CSS } from "@/components/page/nudge-panel.css";
import { ChannelPicker } from "@/components/page/nudge-panel/ChannelPicker";
import { ColleagueNote } from "@/components/page/nudge-panel/ColleagueNote";
import { MessagePreview } from "@/components/page/nudge-panel/MessagePreview";
import { NoteSection } from "@/components/page/nudge-panel/NoteSection";
import { OutcomeForm } from "@/components/page/nudge-panel/OutcomeForm";
import { PanelHeader } from "@/components/page/nudge-panel/PanelHeader";
import {
  noteFor,
  payWhen,
  type LastLog,
  type Outcome,
} from "@/components/page/nudge-panel/panel-logic";
import { TakeOverNote } from "@/components/page/nudge-panel/TakeOverNote";
import { TemplatePicker } from "@/components/page/nudge-panel/TemplatePicker";
import { useStatus } from "@/components/page/nudge-panel/use-status";

export interface NudgePanelProps extends PanelModel {
  /** The note's count; by default one past what this machine and the memo know. */
  noteCount?: number;
  clock?: () => number;
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
  const [chosen, setChosen] = useState<Outcome>(() => ({
    channel: template?.channel ?? "chat",
  }));
  const choose = (change: Partial<Outcome>) =>
    setChosen((before) => ({ ...before, ...change }));
  const [confirmed, setConfirmed] = useState(false);
  const { status, report, say } = useStatus();
  // Frozen when the panel opens: logging this nudge must not bump the note it is about to write.
  const [defaultCount] = useState(
    () => Math.max(order.nudgeCount, warning?.count ?? 0) + 1,
  );
  /** Nudges logged since the panel opened (here or, as a refusal tells, in another tab). */
  const [loggedSince, setLoggedSince] = useState(0);
  const count = (props.noteCount ?? defaultCount) + loggedSince;
  const [last, setLast] = useState<LastLog>();
  // A ref, not state: a second click in the same tick must already see the first one in flight.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);

  // A log moves the panel on to the order's next step: its best template leads again.
  const [shownStep, setShownStep] = useState(props.step);
  if (props.step !== shownStep) {
    setShownStep(props.step);
    const best = templates[0];
    if (best) {
      setTemplateId(best.id);
      choose({ channel: best.channel });
    }
  }

  const now = clock();
  // Team mode: a colleague's order waits for the agent to take it over (TakeOverNote).
  const [owner, setOwner] = useState(props.owner);
  const theirs = owner !== undefined && !owner.mine;
  const blocked = theirs || (!!warning?.insideCooldown && !confirmed);
  // After a log the note shown is the one logged: copied or written into the memo, it must match.
  const note =
    last?.kind === "logged"
      ? last.note
      : noteFor(chosen, { at: now, agent: props.agent, count, locale });

  function chooseTemplate(next: string) {
    setTemplateId(next);
    const tpl = templates.find((x) => x.id === next);
    if (tpl) choose({ channel: tpl.channel });
  }

  /** Logs the nudge once: `again` is the agent's 再记一次, another nudge of the step just logged. */
  async function log(again: boolean) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    const at = clock();
    const entry: NudgeLogEntry = {
      at,
      channel: chosen.channel,
      step: again && last ? last.step : (props.step ?? template?.scenario),
      templateId: template?.id,
      agent: props.agent,
      outcome: chosen.outcome,
      reason: chosen.reason,
      when: payWhen(chosen),
      note: noteFor(chosen, { at, agent: props.agent, count, locale }),
      ...(again ? { again: true as const } : {}),
    };
    say(undefined);
    try {
      const answer = await props.onLog(entry);
      if (answer.duplicateAt !== undefined) {
        // Logged elsewhere: the next note counts that nudge too.
        setLoggedSince((n) => Math.max(n, answer.nudgeCount + 1 - count));
        setLast({
          kind: "duplicate",
          at: answer.duplicateAt,
          step: entry.step,
        });
      } else {
        setLoggedSince((n) => n + 1);
        setLast({
          kind: "logged",
          at,
          count,
          note: entry.note,
          step: entry.step,
        });
        say("panel.logged");
      }
    } catch {
      say("panel.logFailed");
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

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
      <PanelHeader
        titleId={`${id}-title`}
        buyer={order.buyer}
        locale={locale}
        onClose={props.onClose}
      />
      {owner && props.onTakeOver && (
        <TakeOverNote
          owner={owner}
          agent={props.agent}
          locale={locale}
          now={now}
          canInsert={props.canInsertNote}
          onTakeOver={async () => {
            const after = await props.onTakeOver!();
            setOwner(after);
            return after;
          }}
          onCopyNote={props.onCopyNote}
          onInsertNote={props.onInsertNote}
          report={report}
          say={say}
        />
      )}
      {warning && (
        <ColleagueNote
          warning={warning}
          blocked={blocked}
          now={now}
          locale={locale}
          onConfirm={() => setConfirmed(true)}
        />
      )}
      <TemplatePicker
        id={`${id}-template`}
        templates={templates}
        selected={template}
        locale={locale}
        onChoose={chooseTemplate}
      />
      <MessagePreview
        id={`${id}-preview`}
        template={template}
        values={values}
        locale={locale}
        blocked={blocked}
        canInsert={props.canInsertMessage}
        onCopy={props.onCopy}
        onInsert={props.onInsert}
        report={report}
        say={say}
      />
      <ChannelPicker
        id={`${id}-channel`}
        channel={chosen.channel}
        locale={locale}
        onChoose={(channel) => choose({ channel })}
      />
      <OutcomeForm id={id} chosen={chosen} locale={locale} onChange={choose} />
      <NoteSection
        id={`${id}-note`}
        note={note}
        locale={locale}
        blocked={blocked}
        busy={busy}
        last={last}
        canInsert={props.canInsertNote}
        onLog={(again) => void log(again)}
        onCopyNote={props.onCopyNote}
        onInsertNote={props.onInsertNote}
        report={report}
      />
      <p className="pn-status" role="status">
        {status ? t(locale, status) : ""}
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
