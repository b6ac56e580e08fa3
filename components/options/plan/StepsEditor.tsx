import { FieldError } from "@/components/options/FieldError";
import { patchAt, removeAt } from "@/components/options/list-edit";
import {
  MAX_STEPS,
  newStep,
  type StepDraft,
} from "@/components/options/plan/draft";
import { StepRow } from "@/components/options/plan/StepRow";
import { t, type Locale } from "@/lib/i18n";

export interface StepsEditorProps {
  locale: Locale;
  steps: StepDraft[];
  onChange(steps: StepDraft[]): void;
  /** A shown error by field name (draftErrors' keys), or undefined. */
  errorOf(field: string): string | undefined;
}

/** The plan's steps, each a row, and a button adding one. */
export function StepsEditor({
  locale,
  steps,
  onChange,
  errorOf,
}: StepsEditorProps) {
  return (
    <fieldset>
      <legend>{t(locale, "plan.steps")}</legend>
      {steps.map((step, i) => (
        <StepRow
          key={step.id}
          locale={locale}
          index={i}
          step={step}
          offsetError={errorOf(`step-${i}-offset`)}
          onChange={(patch) => onChange(patchAt(steps, i, patch))}
          onRemove={() => onChange(removeAt(steps, i))}
        />
      ))}
      <FieldError message={errorOf("steps")} />
      {steps.length < MAX_STEPS && (
        <button
          type="button"
          onClick={() => onChange([...steps, newStep(steps)])}
        >
          {t(locale, "plan.addStep")}
        </button>
      )}
    </fieldset>
  );
}
