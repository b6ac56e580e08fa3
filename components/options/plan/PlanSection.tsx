import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { focusFirstInvalid, useDirtyReport } from "@/components/options/dirty";
import { AmountField } from "@/components/options/plan/AmountField";
import { BuyerCapFields } from "@/components/options/plan/BuyerCapFields";
import { CloseAfterFields } from "@/components/options/plan/CloseAfterFields";
import {
  applyPatch,
  draftErrors,
  fromDraft,
  toDraft,
  type PlanDraft,
} from "@/components/options/plan/draft";
import { PlanPreview } from "@/components/options/plan/PlanPreview";
import {
  previewPlan,
  sampleTime,
  type SampleKind,
} from "@/components/options/plan/preview";
import { PromotionsEditor } from "@/components/options/plan/PromotionsEditor";
import { SoftWindowFields } from "@/components/options/plan/SoftWindowFields";
import { StepsEditor } from "@/components/options/plan/StepsEditor";
import { WindowsEditor } from "@/components/options/plan/WindowsEditor";
import { saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import type { EngineSettings } from "@/lib/engine/settings";
import { t, type Locale } from "@/lib/i18n";
import type { EngineSettingsPatch } from "@/lib/messaging/settings-requests";

export interface PlanSectionProps {
  locale: Locale;
  initial: EngineSettings;
  /** Answers how many open orders got a new plan. */
  onSave(patch: EngineSettingsPatch): Promise<{ replanned: number }>;
  /** When the sample order of the preview was placed; now by default. */
  sampleAt?: number;
  /** Whether the form holds edits not saved yet, as that changes. */
  onDirty?(dirty: boolean): void;
}

/** The nudge plan's form: steps, windows, promotions, limits, with a live preview on a sample order. */
export function PlanSection({
  locale,
  initial,
  onSave,
  sampleAt,
  onDirty,
}: PlanSectionProps) {
  const [draft, setDraft] = useState<PlanDraft>(() => toDraft(initial));
  // Errors are shown once the seller tried to save, then kept up to date.
  const [showErrors, setShowErrors] = useState(false);
  const [status, setStatus] = useState<Status>({ text: "" });
  const [sample, setSample] = useState<SampleKind>("silent");
  const [placedAt] = useState(() => sampleAt ?? sampleTime(Date.now()));
  const update = (patch: Partial<PlanDraft>) =>
    setDraft((d) => ({ ...d, ...patch }));

  const form = useRef<HTMLFormElement>(null);
  // A refused save: counted, so each one brings the first invalid field back into view.
  const [refusals, setRefusals] = useState(0);
  useEffect(() => {
    if (refusals > 0) focusFirstInvalid(form.current);
  }, [refusals]);
  // The draft as last saved (the stored settings at first): dirty while it differs.
  const [saved, setSaved] = useState(() => JSON.stringify(toDraft(initial)));
  useDirtyReport(JSON.stringify(draft) !== saved, onDirty);

  const errors = useMemo(() => draftErrors(draft, locale), [draft, locale]);
  const valid = Object.keys(errors).length === 0;
  const errorOf = (field: string) => (showErrors ? errors[field] : undefined);

  const preview = useMemo(
    () =>
      valid
        ? previewPlan(
            applyPatch(initial, fromDraft(draft, initial)),
            placedAt,
            sample,
          )
        : undefined,
    [valid, draft, initial, placedAt, sample],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (!valid) {
      setStatus({ text: t(locale, "plan.fixErrors"), error: true });
      setRefusals((n) => n + 1);
      return;
    }
    try {
      const { replanned } = await onSave(fromDraft(draft, initial));
      setSaved(JSON.stringify(draft));
      setStatus({ text: t(locale, "plan.saved", { n: replanned }) });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  return (
    <form
      ref={form}
      className="section"
      aria-label={t(locale, "options.plan")}
      onSubmit={submit}
      noValidate
    >
      <h2>{t(locale, "options.plan")}</h2>
      <StepsEditor
        locale={locale}
        steps={draft.steps}
        onChange={(steps) => update({ steps })}
        errorOf={errorOf}
      />
      <WindowsEditor
        locale={locale}
        name="quiet"
        legend={t(locale, "plan.quietHours")}
        windows={draft.quietHours}
        onChange={(quietHours) => update({ quietHours })}
        showErrors={showErrors}
      />
      <WindowsEditor
        locale={locale}
        name="phone"
        legend={t(locale, "plan.phoneWindows")}
        windows={draft.phoneWindows}
        onChange={(phoneWindows) => update({ phoneWindows })}
        showErrors={showErrors}
      />
      <WindowsEditor
        locale={locale}
        name="sms"
        legend={t(locale, "plan.smsWindows")}
        windows={draft.smsWindows}
        onChange={(smsWindows) => update({ smsWindows })}
        showErrors={showErrors}
      />
      <SoftWindowFields
        locale={locale}
        draft={draft}
        onChange={update}
        errorOf={errorOf}
      />
      <PromotionsEditor
        locale={locale}
        promotions={draft.promotions}
        onChange={(promotions) => update({ promotions })}
        errorOf={errorOf}
      />
      <BuyerCapFields
        locale={locale}
        draft={draft}
        onChange={update}
        errorOf={errorOf}
      />
      <AmountField
        label={t(locale, "plan.highValue")}
        name="highValue"
        inputMode="decimal"
        value={draft.highValue}
        onChange={(highValue) => update({ highValue })}
        error={errorOf("highValue")}
      />
      <CloseAfterFields
        locale={locale}
        closeHours={draft.closeHours}
        onChange={(closeHours) => update({ closeHours })}
        errorOf={errorOf}
      />
      <PlanPreview
        locale={locale}
        sample={sample}
        onSample={setSample}
        preview={preview}
      />
      {/* The form is long: its save stays in sight at the window's foot while any of it is. */}
      <div className="form-actions">
        <button type="submit">{t(locale, "options.save")}</button>
        <StatusLine status={status} />
      </div>
    </form>
  );
}
