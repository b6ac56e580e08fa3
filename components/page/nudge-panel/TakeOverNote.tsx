import { useState } from "react";
import { t, type Locale } from "@/lib/i18n";
import type { OwnerView } from "@/lib/model/order-view";
import { formatTakeoverNote } from "@/lib/templates/notes";
import { trusted } from "@/components/shared/trusted-event";
import { NoteButtons } from "@/components/page/nudge-panel/NoteButtons";
import type { StatusKey } from "@/components/page/nudge-panel/panel-logic";
import type { Report } from "@/components/page/nudge-panel/use-status";

/**
 * Team mode: the order is a colleague's (the roster gives its buyer to them), so every action
 * waits, as for a colleague's fresh note, until the agent takes it over (接手). Then the takeover
 * note, written into the memo, tells the colleagues' PayNudge whose it is now.
 */
export function TakeOverNote(props: {
  owner: OwnerView;
  /** This agent's roster name, for the note. */
  agent: string | undefined;
  locale: Locale;
  now: number;
  canInsert?: boolean;
  onTakeOver(): Promise<OwnerView | undefined>;
  onCopyNote(note: string, cause: Event): unknown;
  onInsertNote?(note: string): unknown;
  report: Report;
  say(status: StatusKey): void;
}) {
  const { owner, locale, report } = props;
  const [takenAt, setTakenAt] = useState<number>();
  const [busy, setBusy] = useState(false);
  if (takenAt !== undefined) {
    const note = formatTakeoverNote({ at: takenAt, agent: props.agent ?? "" });
    return (
      <div className="pn-warning" role="status" data-paynudge-takeover="done">
        <p>{t(locale, "takeOver.done")}</p>
        <p className="pn-note" data-paynudge-takeover-note="">
          {note}
        </p>
        <div className="pn-row">
          <NoteButtons
            note={note}
            locale={locale}
            noMemo={props.canInsert === false}
            onCopyNote={props.onCopyNote}
            {...(props.onInsertNote
              ? { onInsertNote: props.onInsertNote }
              : {})}
            report={report}
          />
        </div>
      </div>
    );
  }
  if (owner.mine) return null;
  return (
    <div className="pn-warning" role="alert" data-paynudge-takeover="theirs">
      <p>
        <strong>{t(locale, "takeOver.theirs", { agent: owner.name })}</strong>
      </p>
      <p>{t(locale, "takeOver.why")}</p>
      <div className="pn-row">
        <button
          type="button"
          className="pn-primary"
          disabled={busy || !props.agent}
          onClick={trusted(() => {
            setBusy(true);
            props.onTakeOver().then(
              (now) => {
                setBusy(false);
                if (now?.mine) setTakenAt(props.now);
              },
              () => {
                setBusy(false);
                props.say("takeOver.failed");
              },
            );
          })}
        >
          {t(locale, "takeOver.button")}
        </button>
      </div>
      {!props.agent && (
        <p className="pn-hint">{t(locale, "takeOver.noName")}</p>
      )}
    </div>
  );
}
