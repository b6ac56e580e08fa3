import { t, type Locale } from "@/lib/i18n";
import { trusted } from "@/components/shared/trusted-event";
import { NoteButtons } from "@/components/page/nudge-panel/NoteButtons";
import { formatClock } from "@/lib/model/time-format";
import type { LastLog } from "@/components/page/nudge-panel/panel-logic";
import type { Report } from "@/components/page/nudge-panel/use-status";

/**
 * The standard note that tells colleagues this buyer was reminded, with the buttons that log the
 * nudge, copy the note, or insert it into the page's memo field. Once logged (or refused as a
 * repeat), the log button gives way to what was logged and an explicit 再记一次.
 */
export function NoteSection(props: {
  id: string;
  note: string;
  locale: Locale;
  /** A colleague's fresh note holds the agent back until they confirm. */
  blocked: boolean;
  /** A log is on its way: no second one. */
  busy: boolean;
  last?: LastLog;
  canInsert?: boolean;
  onLog(again: boolean): void;
  onCopyNote(note: string, cause: Event): unknown;
  onInsertNote?(note: string): unknown;
  report: Report;
}) {
  const { note, locale, blocked, report, last } = props;
  const hasInsert = props.onInsertNote !== undefined;
  const noMemo = props.canInsert === false;
  return (
    <div className="pn-section">
      <span className="pn-label" id={`${props.id}-label`}>
        {t(locale, "panel.note")}
      </span>
      <p
        className="pn-note"
        aria-labelledby={`${props.id}-label`}
        data-paynudge-note=""
      >
        {note}
      </p>
      {last?.kind === "logged" && (
        <p className="pn-hint" data-paynudge-logged="">
          {t(locale, "panel.loggedAs", {
            count: last.count,
            time: formatClock(last.at),
          })}
        </p>
      )}
      {last?.kind === "duplicate" && (
        <p className="pn-warn" role="alert" data-paynudge-duplicate="">
          {t(locale, "panel.logDuplicate", { time: formatClock(last.at) })}
        </p>
      )}
      <div className="pn-row">
        <button
          type="button"
          className="pn-primary"
          disabled={blocked || props.busy}
          onClick={trusted((e) => {
            // A double click is one intent: its second click must not log again once the first
            // has landed (by then this button says 再记一次).
            if (e.detail > 1) return;
            props.onLog(last !== undefined);
          })}
        >
          {t(locale, last ? "panel.logAgain" : "panel.log")}
        </button>
        <NoteButtons
          note={note}
          locale={locale}
          blocked={blocked}
          noMemo={noMemo}
          onCopyNote={props.onCopyNote}
          {...(props.onInsertNote ? { onInsertNote: props.onInsertNote } : {})}
          report={report}
        />
      </div>
      {hasInsert && noMemo && (
        <p className="pn-hint">{t(locale, "panel.noMemo")}</p>
      )}
    </div>
  );
}
