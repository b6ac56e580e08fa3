import { useEffect, useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, useDirtyReport } from "@/components/options/dirty";
import { FieldError } from "@/components/options/FieldError";
import { saveFailed } from "@/components/options/status";
import {
  insertVariable,
  shownBodyError,
  templateErrors,
  templateToSave,
} from "@/components/options/templates/draft";
import { SmsInfo } from "@/components/options/templates/SmsInfo";
import { TemplateFields } from "@/components/options/templates/TemplateFields";
import { TemplatePreview } from "@/components/options/templates/TemplatePreview";
import {
  bodyForEditing,
  bodyToStore,
  shownToken,
} from "@/components/options/templates/variable-names";
import { VariableChips } from "@/components/options/templates/VariableChips";
import { t, type Locale } from "@/lib/i18n";
import {
  renderTemplate,
  type TemplateValues,
  type TemplateVariable,
} from "@/lib/templates/render";
import type { MessageTemplate } from "@/lib/templates/shipped";

export interface TemplateEditorProps {
  locale: Locale;
  initial: MessageTemplate;
  sampleValues: Record<Locale, TemplateValues>;
  onSave(template: MessageTemplate): Promise<void>;
  onCancel(): void;
  /** Whether the form holds edits not saved yet, as that changes. */
  onDirty?(dirty: boolean): void;
}

/** The form editing one template, with its errors in place, an SMS check and a live preview. */
export function TemplateEditor({
  locale,
  initial,
  sampleValues,
  onSave,
  onCancel,
  onDirty,
}: TemplateEditorProps) {
  const [tpl, setTpl] = useState<MessageTemplate>(initial);
  useDirtyReport(JSON.stringify(tpl) !== JSON.stringify(initial), onDirty);
  const form = useRef<HTMLFormElement>(null);
  // Each refused save brings the first invalid field into view, focused.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(form.current);
  }, [refusals]);
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState("");
  const body = useRef<HTMLTextAreaElement>(null);
  const set = (patch: Partial<MessageTemplate>) =>
    setTpl((x) => ({ ...x, ...patch }));
  const errors = templateErrors(tpl, locale);
  const bodyError = shownBodyError(tpl, errors, tried);
  const values = sampleValues[tpl.locale];
  // The agent reads and types variables by their names; the stored body keeps their keys.
  const shownBody = bodyForEditing(tpl.body, locale);

  function insert(name: TemplateVariable) {
    const el = body.current;
    const start = el?.selectionStart ?? shownBody.length;
    const next = insertVariable(
      shownBody,
      start,
      el?.selectionEnd ?? start,
      shownToken(name, locale),
    );
    set({ body: bodyToStore(next.body) });
    // The caret is put back after React has written the new body into the textarea.
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    event.stopPropagation();
    setTried(true);
    if (errors.name || errors.body) {
      setRefusals((n) => n + 1);
      return;
    }
    try {
      await onSave(templateToSave(tpl));
    } catch (error) {
      setStatus(saveFailed(locale, error).text);
    }
  }

  return (
    <form
      ref={form}
      className="template-editor"
      aria-label={t(locale, "tpl.edit")}
      onSubmit={submit}
      noValidate
    >
      <label className="field">
        <span>{t(locale, "tpl.name")}</span>
        <input
          name="tpl-name"
          maxLength={60}
          value={tpl.name}
          aria-invalid={tried && errors.name ? true : undefined}
          onChange={(e) => set({ name: e.target.value })}
        />
      </label>
      <FieldError message={tried ? errors.name : undefined} />
      <TemplateFields locale={locale} tpl={tpl} onChange={set} />
      <VariableChips locale={locale} onInsert={insert} />
      <label className="field body">
        <span>{t(locale, "tpl.body")}</span>
        <textarea
          ref={body}
          name="tpl-body"
          rows={5}
          value={shownBody}
          aria-invalid={bodyError ? true : undefined}
          onChange={(e) => set({ body: bodyToStore(e.target.value) })}
        />
      </label>
      <FieldError message={bodyError} />
      {tpl.channel === "sms" && (
        <SmsInfo
          locale={locale}
          body={tpl.body}
          rendered={renderTemplate(tpl.body, values, tpl.locale).text}
        />
      )}
      <TemplatePreview
        locale={locale}
        body={tpl.body}
        values={values}
        templateLocale={tpl.locale}
      />
      <div className="actions">
        <button type="submit">{t(locale, "tpl.save")}</button>
        <button type="button" onClick={onCancel}>
          {t(locale, "tpl.cancel")}
        </button>
      </div>
      {status && <p className="status error">{status}</p>}
    </form>
  );
}
