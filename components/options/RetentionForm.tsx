import { useState, type FormEvent } from "react";
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
export function RetentionForm({ locale, initial, onSave }: RetentionFormProps) {
  const [text, setText] = useState(String(initial));
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<Status>({ text: "" });

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
      return;
    }
    setError(undefined);
    try {
      await onSave(days);
      setStatus({ text: t(locale, "options.saved") });
    } catch (caught) {
      setStatus(saveFailed(locale, caught));
    }
  }

  return (
    <form
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
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <FieldError message={error} />
      <p className="hint">{t(locale, "data.retentionHint")}</p>
      <button type="submit">{t(locale, "options.save")}</button>
      <StatusLine status={status} />
    </form>
  );
}
