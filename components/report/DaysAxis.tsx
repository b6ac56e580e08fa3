import { AxisBottom } from "@visx/axis";
import type { scaleBand } from "@visx/scale";
import type { Locale } from "@/lib/i18n";
import type { DayFigures } from "@/lib/model/report";
import { AXIS_TEXT, CHART, everyNth } from "@/components/report/chart-style";
import { formatDay } from "@/components/report/format";

/** The days under a chart of the range, at most 8 of them named. */
export function DaysAxis({
  locale,
  top,
  scale,
  days,
}: {
  locale: Locale;
  top: number;
  scale: ReturnType<typeof scaleBand<number>>;
  days: readonly DayFigures[];
}) {
  return (
    <AxisBottom
      top={top}
      scale={scale}
      tickValues={everyNth(
        days.map((d) => d.day),
        8,
      )}
      tickFormat={(v) => formatDay(locale, v)}
      stroke={CHART.axis}
      tickStroke={CHART.axis}
      tickLabelProps={AXIS_TEXT}
    />
  );
}
