import { t, type Locale } from "@/lib/i18n";
import { nativeEvent, trusted } from "@/components/shared/trusted-event";
import type { Report } from "@/components/page/nudge-panel/use-status";

/**
 * 复制备注 and 写入备注 for a note meant for the order memo (the standard note, the takeover note):
 * each acts only on the agent's own click, and says how it went.
 */
export function NoteButtons(props: {
  note: string;
  locale: Locale;
  blocked?: boolean;
  /** The memo field is not open on the page: 写入备注 is off and says why. */
  noMemo: boolean;
  onCopyNote(note: string, cause: Event): unknown;
  onInsertNote?(note: string): unknown;
  report: Report;
}) {
  const { note, locale, blocked = false, noMemo, report } = props;
  return (
    <>
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
    </>
  );
}
