import { t, type Locale } from "@/lib/i18n";
import { nativeEvent, trusted } from "@/components/shared/trusted-event";
import type { Report } from "@/components/page/nudge-panel/use-status";

/**
 * The standard note that tells colleagues this buyer was reminded, with the buttons that log the
 * nudge, copy the note, or insert it into the page's memo field.
 */
export function NoteSection(props: {
  id: string;
  note: string;
  locale: Locale;
  /** A colleague's fresh note holds the agent back until they confirm. */
  blocked: boolean;
  canInsert?: boolean;
  onLog(): void;
  onCopyNote(note: string, cause: Event): unknown;
  onInsertNote?(note: string): unknown;
  report: Report;
}) {
  const { note, locale, blocked, report } = props;
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
      <div className="pn-row">
        <button
          type="button"
          className="pn-primary"
          disabled={blocked}
          onClick={trusted(() => props.onLog())}
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
        {hasInsert && (
          <button
            type="button"
            disabled={blocked || noMemo}
            title={noMemo ? t(locale, "panel.noMemo") : undefined}
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
      {hasInsert && noMemo && (
        <p className="pn-hint">{t(locale, "panel.noMemo")}</p>
      )}
    </div>
  );
}
