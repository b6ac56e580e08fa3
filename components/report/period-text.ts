import { t, type Locale } from "@/lib/i18n";
import type { ReportPeriod } from "@/lib/model/report";
import { formatDay } from "@/components/report/format";
import { lastDayOf } from "@/components/report/range";

/** A period as its days: 12月7日, or 12月1日 – 12月7日. */
export function periodText(locale: Locale, period: ReportPeriod): string {
  const last = lastDayOf(period);
  return last <= period.from
    ? formatDay(locale, period.from)
    : t(locale, "reportPage.periodDays", {
        from: formatDay(locale, period.from),
        to: formatDay(locale, last),
      });
}
