import {
  SAMPLE_KINDS,
  type PlanPreview as Preview,
  type SampleKind,
} from "@/components/options/plan/preview";
import { t, type Locale } from "@/lib/i18n";
import { formatOrderTime } from "@/lib/model/time-format";

export interface PlanPreviewProps {
  locale: Locale;
  sample: SampleKind;
  onSample(sample: SampleKind): void;
  /** The sample order's plan; undefined while the draft has errors. */
  preview: Preview | undefined;
}

/** When the plan being edited would nudge a sample order, step by step. */
export function PlanPreview({
  locale,
  sample,
  onSample,
  preview,
}: PlanPreviewProps) {
  return (
    <section className="preview" aria-label={t(locale, "plan.preview")}>
      <h3>{t(locale, "plan.preview")}</h3>
      <label className="field">
        <span>{t(locale, "plan.sample")}</span>
        <select
          name="sample"
          value={sample}
          onChange={(e) => onSample(e.target.value as SampleKind)}
        >
          {SAMPLE_KINDS.map((s) => (
            <option key={s} value={s}>
              {t(locale, `plan.sample.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {preview ? (
        <>
          <p className="hint">
            {t(locale, "plan.placedAt", {
              platform: t(locale, "platform.taobao"),
              time: formatOrderTime(preview.order.placedAt),
            })}
            {preview.order.closesAt !== undefined &&
              ` · ${t(locale, "plan.closesAt", { time: formatOrderTime(preview.order.closesAt) })}`}
          </p>
          {preview.steps.length ? (
            <ol data-testid="plan-preview">
              {preview.steps.map((step) => (
                <li key={step.id} data-at={step.at}>
                  {t(locale, "plan.previewLine", {
                    time: formatOrderTime(step.at),
                    scenario: t(locale, `scenario.${step.scenario}`),
                    channel: t(locale, `channel.${step.channel}`),
                  })}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t(locale, "plan.previewEmpty")}</p>
          )}
        </>
      ) : (
        <p className="hint">{t(locale, "plan.previewInvalid")}</p>
      )}
    </section>
  );
}
