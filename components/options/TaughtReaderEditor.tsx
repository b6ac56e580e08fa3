import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, useDirtyReport } from "@/components/options/dirty";
import { FieldError } from "@/components/options/FieldError";
import { saveFailed } from "@/components/options/status";
import {
  draftErrors,
  draftOf,
  readerOf,
  type TaughtDraft,
  type TaughtField,
} from "@/components/options/taught-draft";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { isTaughtReader, type TaughtReader } from "@/lib/model/taught-reader";

export interface TaughtReaderEditorProps {
  locale: Locale;
  /** The stored reader: its page and when it was taught are kept as they are. */
  initial: TaughtReader;
  onSave(reader: TaughtReader): Promise<void>;
  onCancel(): void;
  /** Whether the form holds edits not saved yet, as that changes. */
  onDirty?(dirty: boolean): void;
}

/** The fields in the order the seller taught them, each with its label and hint. */
const FIELDS: readonly {
  field: TaughtField;
  label: MessageKey;
  hint?: MessageKey;
}[] = [
  {
    field: "rows",
    label: "taught.options.rows",
    hint: "taught.options.rowsHint",
  },
  {
    field: "orderId",
    label: "taught.options.orderId",
    hint: "taught.options.insideRowHint",
  },
  { field: "status", label: "taught.options.status" },
  {
    field: "time",
    label: "taught.options.time",
    hint: "taught.options.timeHint",
  },
  {
    field: "words",
    label: "taught.options.words",
    hint: "taught.options.wordsHint",
  },
];

/**
 * The form editing one taught reader: its selectors and unpaid words, each checked in place (a
 * selector the browser cannot parse, an empty required one, one too long) before anything is sent.
 */
export function TaughtReaderEditor({
  locale,
  initial,
  onSave,
  onCancel,
  onDirty,
}: TaughtReaderEditorProps) {
  const [draft, setDraft] = useState<TaughtDraft>(() => draftOf(initial));
  const [start] = useState(() => JSON.stringify(draftOf(initial)));
  useDirtyReport(JSON.stringify(draft) !== start, onDirty);
  const form = useRef<HTMLFormElement>(null);
  // Each refused save brings the first invalid field into view, focused.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(form.current);
  }, [refusals]);
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState("");
  const idBase = useId();
  const errors = draftErrors(locale, initial, draft);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setStatus("");
    if (Object.keys(errors).length > 0) {
      setRefusals((n) => n + 1);
      return;
    }
    const reader = readerOf(initial, draft);
    // The fields' checks are the model's piece by piece; the whole is checked once more as sent.
    if (!isTaughtReader(reader)) {
      setStatus(t(locale, "taught.options.notSaved"));
      return;
    }
    try {
      await onSave(reader);
    } catch (error) {
      setStatus(saveFailed(locale, error).text);
    }
  }

  return (
    <form
      ref={form}
      className="template-editor"
      aria-label={t(locale, "taught.options.editOf", {
        page: `${initial.host}${initial.path}`,
      })}
      onSubmit={submit}
      noValidate
    >
      {FIELDS.map(({ field, label, hint }) => {
        const error = tried ? errors[field] : undefined;
        const errorId = `${idBase}-${field}-error`;
        const hintId = `${idBase}-${field}-hint`;
        const describedBy = [hint && hintId, error && errorId]
          .filter(Boolean)
          .join(" ");
        return (
          <div key={field}>
            <label className="field">
              <span>{t(locale, label)}</span>
              <input
                name={`taught-${field}`}
                value={draft[field]}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy || undefined}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, [field]: e.target.value }))
                }
              />
            </label>
            {hint && (
              <p className="hint" id={hintId}>
                {t(locale, hint)}
              </p>
            )}
            <FieldError message={error} id={errorId} />
          </div>
        );
      })}
      <div className="actions">
        <button type="submit">{t(locale, "options.save")}</button>
        <button type="button" onClick={onCancel}>
          {t(locale, "taught.options.cancel")}
        </button>
      </div>
      {status && (
        <p className="status error" role="alert">
          {status}
        </p>
      )}
    </form>
  );
}
