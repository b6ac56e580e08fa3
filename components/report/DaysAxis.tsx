import { AxisBottom } from "@visx/axis";
import { scaleBand } from "@visx/scale";
import type { Locale } from "@/lib/i18n";
import type { DayFigures } from "@/lib/model/report";
import { AXIS_TEXT, CHART, everyNth } from "@/components/report/chart-style";
import { formatDay } from "@/components/report/format";

/** The range's days across a chart's inner width, each a band (a bar, or a stack of them). */
export function daysScale(days: readonly DayFigures[], innerWidth: number) {
  return scaleBand<number>({
    domain: days.map((d) => d.day),
    range: [0, innerWidth],
    padding: 0.3,
  });
}

/** The days under a chart of the range, at most 8 of them named. */
export function DaysAxis({
  locale,
  top,
  scale,
  days,
}: {
  locale: Locale;
  top: number;
  scale: ReturnType<typeof daysScale>;
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
