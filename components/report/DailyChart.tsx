import { AxisLeft, AxisRight } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear } from "@visx/scale";
import { Bar, LinePath } from "@visx/shape";
import { t, type Locale } from "@/lib/i18n";
import type { DayFigures } from "@/lib/model/report";
import { ChartFrame } from "@/components/report/ChartFrame";
import { AXIS_TEXT, CHART } from "@/components/report/chart-style";
import {
  formatAmounts,
  formatCount,
  formatDay,
  formatMoney,
  formatRate,
  formatYuanShort,
} from "@/components/report/format";
import { DaysAxis, daysScale } from "@/components/report/DaysAxis";

/**
 * Each day's recovered amount in yuan (bars, the left axis; dollars, never added to yuan, are in the
 * table) and recovery rate (a line, the right axis).
 */
export function DailyChart({
  locale,
  days,
}: {
  locale: Locale;
  days: readonly DayFigures[];
}) {
  const width = CHART.width;
  const height = 260;
  const margin = { top: 16, right: 56, bottom: 36, left: 72 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const x = daysScale(days, innerW);
  const maxYuan = Math.max(1, ...days.map((d) => d.recoveredCents / 100));
  const yAmount = scaleLinear<number>({
    domain: [0, maxYuan],
    range: [innerH, 0],
    nice: true,
  });
  const yRate = scaleLinear<number>({ domain: [0, 1], range: [innerH, 0] });
  const center = (d: DayFigures) => (x(d.day) ?? 0) + x.bandwidth() / 2;
  const rated = days.filter((d) => d.recoveryRate !== null);
  const title = t(locale, "reportPage.chart.daily");
  return (
    <ChartFrame
      locale={locale}
      id="daily"
      title={title}
      summary={t(locale, "reportPage.chart.dailySummary", {
        days: days.length,
        total: formatMoney(
          locale,
          days.reduce((sum, d) => sum + d.recoveredCents, 0),
        ),
      })}
      width={width}
      height={height}
      legend={
        <ul className="legend">
          <li>
            <span className="swatch" style={{ background: CHART.amount }} />
            {t(locale, "reportPage.recoveredAmount")}
          </li>
          <li>
            <span className="swatch line" style={{ background: CHART.rate }} />
            {t(locale, "reportPage.recoveryRate")}
          </li>
        </ul>
      }
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, "reportPage.day")}</th>
              <th scope="col">{t(locale, "reportPage.colAmount")}</th>
              <th scope="col">{t(locale, "reportPage.colRate")}</th>
              <th scope="col">{t(locale, "reportPage.colRecovered")}</th>
              <th scope="col">{t(locale, "reportPage.colNudged")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{formatDay(locale, d.day)}</th>
                <td>
                  {formatAmounts(locale, {
                    CNY: d.recoveredCents,
                    USD: d.recoveredUsdCents,
                  })}
                </td>
                <td>{formatRate(locale, d.recoveryRate)}</td>
                <td>{formatCount(locale, d.recovered)}</td>
                <td>{formatCount(locale, d.nudged)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Group left={margin.left} top={margin.top}>
        {days.map((d) => {
          const top = yAmount(d.recoveredCents / 100);
          return (
            <Bar
              key={d.day}
              data-point="amount"
              data-day={d.day}
              data-value={d.recoveredCents}
              x={x(d.day) ?? 0}
              y={top}
              width={x.bandwidth()}
              height={Math.max(0, innerH - top)}
              fill={CHART.amount}
            />
          );
        })}
        <LinePath<DayFigures>
          data={rated}
          x={center}
          y={(d) => yRate(d.recoveryRate ?? 0)}
          stroke={CHART.rate}
          strokeWidth={2}
        />
        {rated.map((d) => (
          <circle
            key={d.day}
            data-point="rate"
            data-day={d.day}
            data-value={d.recoveryRate ?? ""}
            cx={center(d)}
            cy={yRate(d.recoveryRate ?? 0)}
            r={3.5}
            fill="#fff"
            stroke={CHART.rate}
            strokeWidth={2}
          />
        ))}
        <AxisLeft
          scale={yAmount}
          numTicks={5}
          tickFormat={(v) => formatYuanShort(locale, Number(v))}
          stroke={CHART.axis}
          tickStroke={CHART.axis}
          tickLabelProps={AXIS_TEXT}
        />
        <AxisRight
          left={innerW}
          scale={yRate}
          numTicks={5}
          tickFormat={(v) => formatRate(locale, Number(v))}
          stroke={CHART.axis}
          tickStroke={CHART.axis}
          tickLabelProps={AXIS_TEXT}
        />
        <DaysAxis locale={locale} top={innerH} scale={x} days={days} />
      </Group>
    </ChartFrame>
  );
}
