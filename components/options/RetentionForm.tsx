import { useEffect, useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, useDirtyReport } from "@/components/options/dirty";
import { FieldError } from "@/components/options/FieldError";
import { saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
} from "@/lib/db/setting-values";
import { t, type Locale } from "@/lib/i18n";

export interface RetentionFormProps {
  locale: Locale;
  /** The stored retention in days. */
  initial: number;
  onSave(days: number): Promise<void>;
  /** Whether the form holds edits not saved yet, as that changes. */
  onDirty?(dirty: boolean): void;
}

/** Whole days within the setting's bounds, or undefined. */
export function parseRetentionDays(text: string): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const days = Number(text.trim());
  return days >= RETENTION_MIN_DAYS && days <= RETENTION_MAX_DAYS
    ? days
    : undefined;
}

/**
 * How long paid and closed orders are kept (lib/db/prune.ts): a section of its own beside the data
 * section, whose status line stays the one for backups.
 */
export function RetentionForm({
  locale,
  initial,
  onSave,
  onDirty,
}: RetentionFormProps) {
  const [text, setText] = useState(String(initial));
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<Status>({ text: "" });
  const [saved, setSaved] = useState(String(initial));
  useDirtyReport(text.trim() !== saved, onDirty);
  const form = useRef<HTMLFormElement>(null);
  // Each refused save brings the field back into view, focused.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(form.current);
  }, [refusals]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const days = parseRetentionDays(text);
    if (days === undefined) {
      setError(
        t(locale, "data.retentionInvalid", {
          min: RETENTION_MIN_DAYS,
          max: RETENTION_MAX_DAYS,
        }),
      );
      setStatus({ text: "" });
      setRefusals((n) => n + 1);
      return;
    }
    setError(undefined);
    try {
      await onSave(days);
      setSaved(text.trim());
      setStatus({ text: t(locale, "options.saved") });
    } catch (caught) {
      setStatus(saveFailed(locale, caught));
    }
  }

  return (
    <form
      ref={form}
      className="section"
      aria-label={t(locale, "data.retention")}
      onSubmit={submit}
    >
      <h2>{t(locale, "data.retention")}</h2>
      <label className="field">
        <span>{t(locale, "data.retentionDays")}</span>
        <input
          name="retentionDays"
          inputMode="numeric"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "retention-error" : undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <FieldError message={error} id="retention-error" />
      <p className="hint">{t(locale, "data.retentionHint")}</p>
      <button type="submit">{t(locale, "options.save")}</button>
      <StatusLine status={status} />
    </form>
  );
}
