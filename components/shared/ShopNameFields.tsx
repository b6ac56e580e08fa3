import { t, type Locale } from "@/lib/i18n";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";

/**
 * The shop's name on each platform, for pages that do not show it (the welcome page and the
 * options' General section ask the same).
 */
export function ShopNameFields({
  locale,
  legend,
  shopNames,
  onChange,
}: {
  locale: Locale;
  legend: string;
  shopNames: Partial<Record<PlatformId, string>>;
  onChange(next: Partial<Record<PlatformId, string>>): void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {PLATFORM_IDS.map((platform) => (
        <label className="field" key={platform}>
          <span>{t(locale, `platform.${platform}`)}</span>
          <input
            name={`shop-${platform}`}
            maxLength={60}
            value={shopNames[platform] ?? ""}
            onChange={(e) =>
              onChange({ ...shopNames, [platform]: e.target.value })
            }
          />
        </label>
      ))}
    </fieldset>
  );
}
