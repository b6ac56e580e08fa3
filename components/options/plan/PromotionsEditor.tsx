import { FieldError } from "@/components/options/FieldError";
import { patchAt, removeAt } from "@/components/options/list-edit";
import {
  emptyPromotion,
  MAX_PROMOTIONS,
  type PromotionDraft,
} from "@/components/options/plan/draft";
import { t, type Locale } from "@/lib/i18n";

export interface PromotionsEditorProps {
  locale: Locale;
  promotions: PromotionDraft[];
  onChange(promotions: PromotionDraft[]): void;
  /** A shown error by field name (draftErrors' keys), or undefined. */
  errorOf(field: string): string | undefined;
}

/** Sale periods (dates and a label): the plan switches to its promotion steps during them. */
export function PromotionsEditor({
  locale,
  promotions,
  onChange,
  errorOf,
}: PromotionsEditorProps) {
  const set = (i: number, patch: Partial<PromotionDraft>) =>
    onChange(patchAt(promotions, i, patch));
  return (
    <fieldset>
      <legend>{t(locale, "plan.promotions")}</legend>
      {promotions.map((p, i) => (
        <div className="row" key={i}>
          <label>
            <span>{t(locale, "plan.promoLabel")}</span>
            <input
              name={`promo-${i}-label`}
              maxLength={40}
              value={p.label}
              onChange={(e) => set(i, { label: e.target.value })}
            />
          </label>
          <label>
            <span>{t(locale, "plan.from")}</span>
            <input
              name={`promo-${i}-from`}
              type="date"
              value={p.from}
              aria-invalid={errorOf(`promo-${i}`) ? true : undefined}
              onChange={(e) => set(i, { from: e.target.value })}
            />
          </label>
          <label>
            <span>{t(locale, "plan.to")}</span>
            <input
              name={`promo-${i}-to`}
              type="date"
              value={p.to}
              aria-invalid={errorOf(`promo-${i}`) ? true : undefined}
              onChange={(e) => set(i, { to: e.target.value })}
            />
          </label>
          <button
            type="button"
            onClick={() => onChange(removeAt(promotions, i))}
          >
            {t(locale, "plan.remove")}
          </button>
          <FieldError message={errorOf(`promo-${i}`)} />
        </div>
      ))}
      {promotions.length < MAX_PROMOTIONS && (
        <button
          type="button"
          onClick={() => onChange([...promotions, emptyPromotion()])}
        >
          {t(locale, "plan.addPromotion")}
        </button>
      )}
    </fieldset>
  );
}
