import type { ReportFigures, ReportPeriod } from "@/lib/model/report";
import { breakdowns } from "@/lib/engine/report/breakdowns";
import { dayFigures } from "@/lib/engine/report/days";
import { periodFigures } from "@/lib/engine/report/period-figures";
import { previousPeriod } from "@/lib/engine/report/periods";
import { reasonRows } from "@/lib/engine/report/reasons";
import { attributed, type ReportData } from "@/lib/engine/report/report-data";

/**
 * The whole report of a period with the previous one beside it: a function of the data read for
 * it, the attribution window (the `attributionHours` setting) and the period alone, never of the
 * clock, so the same rows give the same figures at any hour.
 */
export function reportFigures(
  data: ReportData,
  settings: { attributionHours: number },
  period: ReportPeriod,
): ReportFigures {
  const previous = previousPeriod(period);
  const computed = attributed(data, settings.attributionHours);
  return {
    attributionHours: settings.attributionHours,
    current: periodFigures(computed, period, data.unpaidSeen.current),
    previous: periodFigures(computed, previous, data.unpaidSeen.previous),
    breakdowns: breakdowns(computed, period),
    reasons: reasonRows(data.nudges, period, previous),
    days: dayFigures(computed, period),
  };
}
