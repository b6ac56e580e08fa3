import { FieldError } from "@/components/options/FieldError";
import type { PlanDraft } from "@/components/options/plan/draft";
import { TimeRangeFields } from "@/components/options/plan/TimeRangeFields";
import { t, type Locale } from "@/lib/i18n";

type SoftWindowDraft = Pick<PlanDraft, "softOn" | "soft">;

export interface SoftWindowFieldsProps {
  locale: Locale;
  draft: SoftWindowDraft;
  onChange(patch: Partial<SoftWindowDraft>): void;
  /** A shown error by field name (draftErrors' keys), or undefined. */
  errorOf(field: string): string | undefined;
}

/** The hours nudges avoid when they can (17:00–19:00): on or off, from and to. */
export function SoftWindowFields({
  locale,
  draft,
  onChange,
  errorOf,
}: SoftWindowFieldsProps) {
  const error = errorOf("soft");
  return (
    <fieldset>
      <legend>{t(locale, "plan.softWindow")}</legend>
      <div className="row">
        <label className="check">
          <input
            type="checkbox"
            name="soft-on"
            checked={draft.softOn}
            onChange={(e) => onChange({ softOn: e.target.checked })}
          />
          <span>{t(locale, "plan.softWindowOn")}</span>
        </label>
        <TimeRangeFields
          locale={locale}
          name="soft"
          value={draft.soft}
          invalid={error !== undefined}
          onChange={(patch) => onChange({ soft: { ...draft.soft, ...patch } })}
        />
        <FieldError message={error} />
      </div>
    </fieldset>
  );
}
