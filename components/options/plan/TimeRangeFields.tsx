import { t, type Locale } from "@/lib/i18n";

/** A from–to pair of times as the seller types them ("HH:MM"), before checking. */
interface TimeRangeDraft {
  from: string;
  to: string;
}

export interface TimeRangeFieldsProps {
  locale: Locale;
  /** Form field names: `${name}-from` and `${name}-to`. */
  name: string;
  value: TimeRangeDraft;
  invalid: boolean;
  onChange(patch: Partial<TimeRangeDraft>): void;
}

const LABELS = { from: "plan.from", to: "plan.to" } as const;

/** The two labelled time inputs of a window of the day (quiet hours, channel hours, soft window). */
export function TimeRangeFields({
  locale,
  name,
  value,
  invalid,
  onChange,
}: TimeRangeFieldsProps) {
  return (
    <>
      {(["from", "to"] as const).map((end) => (
        <label key={end}>
          <span>{t(locale, LABELS[end])}</span>
          <input
            name={`${name}-${end}`}
            className="time"
            inputMode="numeric"
            placeholder="HH:MM"
            value={value[end]}
            aria-invalid={invalid ? true : undefined}
            onChange={(e) => onChange({ [end]: e.target.value })}
          />
        </label>
      ))}
    </>
  );
}
