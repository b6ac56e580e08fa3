import { ChoiceSelect } from "@/components/options/ChoiceSelect";
import { FieldError } from "@/components/options/FieldError";
import { STEP_ONLY, type StepDraft } from "@/components/options/plan/draft";
import type { StepRule } from "@/lib/engine/settings";
import { t, type Locale } from "@/lib/i18n";
import { NUDGE_CHANNELS, STEP_SCENARIOS } from "@/lib/model/steps";

export interface StepRowProps {
  locale: Locale;
  /** The step's place in the plan; names its inputs (`step-${index}-offset`, …). */
  index: number;
  step: StepDraft;
  /** The offset's error, once shown. */
  offsetError: string | undefined;
  onChange(patch: Partial<StepDraft>): void;
  onRemove(): void;
}

/** One step of the plan: what, by which channel, how long after the order or before its close. */
export function StepRow({
  locale,
  index: i,
  step,
  offsetError,
  onChange,
  onRemove,
}: StepRowProps) {
  return (
    <div className="row step" data-step={step.id}>
      <strong>{t(locale, "plan.step", { n: i + 1 })}</strong>
      <label>
        <span>{t(locale, "plan.scenario")}</span>
        <ChoiceSelect
          name={`step-${i}-scenario`}
          value={step.scenario}
          choices={STEP_SCENARIOS}
          label={(c) => t(locale, `scenario.${c}`)}
          onChange={(v) => onChange({ scenario: v })}
        />
      </label>
      <label>
        <span>{t(locale, "plan.channel")}</span>
        <ChoiceSelect
          name={`step-${i}-channel`}
          value={step.channel}
          choices={NUDGE_CHANNELS}
          label={(c) => t(locale, `channel.${c}`)}
          onChange={(v) => onChange({ channel: v })}
        />
      </label>
      <label>
        <span>{t(locale, "plan.offset")}</span>
        <input
          name={`step-${i}-offset`}
          className="number"
          inputMode="decimal"
          value={step.offsetMin}
          aria-invalid={offsetError ? true : undefined}
          onChange={(e) => onChange({ offsetMin: e.target.value })}
        />
      </label>
      <label>
        <span>{t(locale, "plan.anchor")}</span>
        <select
          name={`step-${i}-anchor`}
          value={step.anchor}
          onChange={(e) =>
            onChange({ anchor: e.target.value as StepRule["anchor"] })
          }
        >
          <option value="order">{t(locale, "plan.anchor.order")}</option>
          <option value="close">{t(locale, "plan.anchor.close")}</option>
        </select>
      </label>
      <label>
        <span>{t(locale, "plan.only")}</span>
        <select
          name={`step-${i}-only`}
          value={step.only}
          onChange={(e) =>
            onChange({ only: e.target.value as StepDraft["only"] })
          }
        >
          <option value="">{t(locale, "plan.only.all")}</option>
          {STEP_ONLY.map((o) => (
            <option key={o} value={o}>
              {t(locale, `plan.only.${o}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={onRemove}>
        {t(locale, "plan.remove")}
      </button>
      <FieldError message={offsetError} />
    </div>
  );
}
