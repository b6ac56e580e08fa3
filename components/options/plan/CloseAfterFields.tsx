import { AmountField } from "@/components/options/plan/AmountField";
import { t, type Locale } from "@/lib/i18n";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";

export interface CloseAfterFieldsProps {
  locale: Locale;
  /** Hours by platform; "" for none. */
  closeHours: Record<PlatformId, string>;
  onChange(closeHours: Record<PlatformId, string>): void;
  /** A shown error by field name (draftErrors' keys), or undefined. */
  errorOf(field: string): string | undefined;
}

/** How long each platform keeps an unpaid order open before closing it. */
export function CloseAfterFields({
  locale,
  closeHours,
  onChange,
  errorOf,
}: CloseAfterFieldsProps) {
  return (
    <fieldset>
      <legend>{t(locale, "plan.closeAfter")}</legend>
      {PLATFORM_IDS.map((p) => (
        <div key={p}>
          <AmountField
            label={t(locale, `platform.${p}`)}
            name={`close-${p}`}
            inputMode="decimal"
            value={closeHours[p]}
            onChange={(hours) => onChange({ ...closeHours, [p]: hours })}
            error={errorOf(`close-${p}`)}
          />
        </div>
      ))}
    </fieldset>
  );
}
