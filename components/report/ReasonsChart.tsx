import { AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { t, type Locale } from "@/lib/i18n";
import type { DayFigures, ReasonRow } from "@/lib/model/report";
import { ChartFrame } from "@/components/report/ChartFrame";
import {
  AXIS_TEXT,
  CHART,
  OTHER_COLOUR,
  REASON_COLOURS,
} from "@/components/report/chart-style";
import { formatCount, formatDay } from "@/components/report/format";
import { reasonName } from "@/components/report/labels";
import { DaysAxis, daysScale } from "@/components/report/DaysAxis";

const OTHERS = "\u0000others";

/**
 * The reasons heard each day, stacked: the most heard of the range each a colour of its own, the
 * rest together in grey.
 */
export function ReasonsChart({
  locale,
  days,
  reasons,
}: {
  locale: Locale;
  days: readonly DayFigures[];
  reasons: readonly ReasonRow[];
}) {
  const named = reasons.slice(0, REASON_COLOURS.length).map((r) => r.id);
  const series = reasons.length > named.length ? [...named, OTHERS] : named;
  const colour = (id: string) =>
    id === OTHERS ? OTHER_COLOUR : REASON_COLOURS[named.indexOf(id)]!;
  const label = (id: string) =>
    id === OTHERS
      ? t(locale, "reportPage.otherReasons")
      : reasonName(locale, id);
  const countOf = (d: DayFigures, id: string) =>
    id === OTHERS
      ? Object.entries(d.reasons)
          .filter(([r]) => !named.includes(r))
          .reduce((sum, [, n]) => sum + n, 0)
      : (d.reasons[id] ?? 0);
  const width = CHART.width;
  const height = 240;
  const margin = { top: 12, right: 16, bottom: 36, left: 48 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const x = daysScale(days, innerW);
  const totals = days.map((d) =>
    series.reduce((sum, id) => sum + countOf(d, id), 0),
  );
  const y = scaleLinear<number>({
    domain: [0, Math.max(1, ...totals)],
    range: [innerH, 0],
    nice: true,
  });
  return (
    <ChartFrame
      locale={locale}
      id="reasons"
      title={t(locale, "reportPage.chart.reasons")}
      summary={t(locale, "reportPage.chart.reasonsSummary", {
        days: days.length,
        n: reasons.length,
      })}
      width={width}
      height={height}
      legend={
        <ul className="legend">
          {series.map((id) => (
            <li key={id}>
              <span className="swatch" style={{ background: colour(id) }} />
              {label(id)}
            </li>
          ))}
        </ul>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, "reportPage.day")}</th>
              {series.map((id) => (
                <th scope="col" key={id}>
                  {label(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDay(locale, d.day)}</th>
                {series.map((id) => (
                  <td key={id}>{formatCount(locale, countOf(d, id))}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Group left={margin.left} top={margin.top}>
        {days.map((d) => {
          let base = 0;
          return series.map((id) => {
            const n = countOf(d, id);
            if (n === 0) return null;
            const top = y(base + n);
            const bottom = y(base);
            base += n;
            return (
              <Bar
                key={`${d.day}-${id}`}
                data-point="reason"
                data-day={d.day}
                data-reason={id === OTHERS ? "others" : id}
                data-value={n}
                x={x(d.day) ?? 0}
                y={top}
                width={x.bandwidth()}
                height={bottom - top}
                fill={colour(id)}
              />
            );
          });
        })}
        <AxisLeft
          scale={y}
          numTicks={Math.min(5, y.domain()[1] ?? 1)}
          tickFormat={(v) => formatCount(locale, Number(v))}
          stroke={CHART.axis}
          tickStroke={CHART.axis}
          tickLabelProps={AXIS_TEXT}
        />
        <DaysAxis locale={locale} top={innerH} scale={x} days={days} />
      </Group>
    </ChartFrame>
  );
}
