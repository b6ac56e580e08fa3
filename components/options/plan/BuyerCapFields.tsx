import { AmountField } from "@/components/options/plan/AmountField";
import type { PlanDraft } from "@/components/options/plan/draft";
import { t, type Locale } from "@/lib/i18n";

type BuyerCapDraft = Pick<PlanDraft, "capCount" | "capHours">;

export interface BuyerCapFieldsProps {
  locale: Locale;
  draft: BuyerCapDraft;
  onChange(patch: Partial<BuyerCapDraft>): void;
  /** A shown error by field name (draftErrors' keys), or undefined. */
  errorOf(field: string): string | undefined;
}

/** At most so many nudges to one buyer within so many hours. */
export function BuyerCapFields({
  locale,
  draft,
  onChange,
  errorOf,
}: BuyerCapFieldsProps) {
  return (
    <fieldset>
      <legend>{t(locale, "plan.buyerCap")}</legend>
      <AmountField
        label={t(locale, "plan.capCount")}
        name="capCount"
        inputMode="numeric"
        value={draft.capCount}
        onChange={(capCount) => onChange({ capCount })}
        error={errorOf("capCount")}
      />
      <AmountField
        label={t(locale, "plan.capHours")}
        name="capHours"
        inputMode="decimal"
        value={draft.capHours}
        onChange={(capHours) => onChange({ capHours })}
        error={errorOf("capHours")}
      />
    </fieldset>
  );
}
