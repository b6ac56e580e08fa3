import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { REPORT_RANGES, type ReportRangeId } from "@/lib/model/report";
import type { RangeChoice } from "@/components/report/range";

const RANGE_LABELS: Record<ReportRangeId, MessageKey> = {
  today: "reportPage.range.today",
  yesterday: "reportPage.range.yesterday",
  "7d": "reportPage.range.7d",
  "30d": "reportPage.range.30d",
  custom: "reportPage.range.custom",
};

/** Today, yesterday, 7 or 30 days, or a chosen range of days (its first and last day). */
export function RangePicker({
  locale,
  choice,
  onChange,
}: {
  locale: Locale;
  choice: RangeChoice;
  onChange(choice: RangeChoice): void;
}) {
  return (
    <fieldset className="range-picker">
      <legend>{t(locale, "reportPage.range")}</legend>
      <div className="ranges">
        {REPORT_RANGES.map((id) => (
          <label key={id} className="range">
            <input
              type="radio"
              name="report-range"
              value={id}
              checked={choice.id === id}
              onChange={() => onChange({ ...choice, id })}
            />
            {t(locale, RANGE_LABELS[id])}
          </label>
        ))}
      </div>
      {choice.id === "custom" && (
        <div className="days">
          <label>
            {t(locale, "reportPage.fromDay")}
            <input
              type="date"
              name="fromDay"
              value={choice.fromDay}
              max={choice.toDay}
              onChange={(event) =>
                onChange({ ...choice, fromDay: event.target.value })
              }
            />
          </label>
          <label>
            {t(locale, "reportPage.toDay")}
            <input
              type="date"
              name="toDay"
              value={choice.toDay}
              min={choice.fromDay}
              onChange={(event) =>
                onChange({ ...choice, toDay: event.target.value })
              }
            />
          </label>
        </div>
      )}
    </fieldset>
  );
}
