import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { t, type Locale } from "@/lib/i18n";
import type { BreakdownKey, BreakdownRow } from "@/lib/model/report";
import { ChartFrame } from "@/components/report/ChartFrame";
import { AXIS_TEXT, CHART } from "@/components/report/chart-style";
import {
  formatAmounts,
  formatCount,
  formatRate,
} from "@/components/report/format";
import { groupName } from "@/components/report/labels";

/** Rows a chart draws: the groups that recovered most; the table under it lists them all. */
const MAX_BARS = 8;
/** Characters of a name on the axis; the full name is in the table. */
const MAX_NAME = 10;

const short = (name: string) =>
  name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name;

/** Orders recovered per group of a breakdown (by step, by template), a bar each, its rate beside. */
export function GroupChart({
  locale,
  by,
  title,
  rows,
  templateNames,
}: {
  locale: Locale;
  by: BreakdownKey;
  title: string;
  rows: readonly BreakdownRow[];
  templateNames: ReadonlyMap<string, string>;
}) {
  const sorted = [...rows].sort(
    (a, b) => b.recovered - a.recovered || b.nudged - a.nudged,
  );
  const shown = sorted.slice(0, MAX_BARS);
  const name = (row: BreakdownRow) =>
    groupName(locale, by, row.key, templateNames);
  const width = CHART.width;
  const barRow = 30;
  const margin = { top: 8, right: 120, bottom: 28, left: 150 };
  const innerW = width - margin.left - margin.right;
  const innerH = Math.max(1, shown.length) * barRow;
  const height = innerH + margin.top + margin.bottom;
  const y = scaleBand<string>({
    domain: shown.map((r) => r.key),
    range: [0, innerH],
    padding: 0.25,
  });
  const x = scaleLinear<number>({
    domain: [0, Math.max(1, ...shown.map((r) => r.recovered))],
    range: [0, innerW],
    nice: true,
  });
  return (
    <ChartFrame
      locale={locale}
      id={`by-${by}`}
      title={title}
      summary={t(locale, "reportPage.chart.groupSummary", {
        title,
        n: rows.length,
      })}
      width={width}
      height={height}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, "reportPage.group")}</th>
              <th scope="col">{t(locale, "reportPage.colRecovered")}</th>
              <th scope="col">{t(locale, "reportPage.colNudged")}</th>
              <th scope="col">{t(locale, "reportPage.colRate")}</th>
              <th scope="col">{t(locale, "reportPage.colAmount")}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.key}>
                <th scope="row">{name(r)}</th>
                <td>{formatCount(locale, r.recovered)}</td>
                <td>{formatCount(locale, r.nudged)}</td>
                <td>{formatRate(locale, r.recoveryRate)}</td>
                <td>{formatAmounts(locale, r.recoveredCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Group left={margin.left} top={margin.top}>
        {shown.map((r) => {
          const top = y(r.key) ?? 0;
          const length = x(r.recovered);
          return (
            <g key={r.key}>
              <Bar
                data-point={by}
                data-key={r.key}
                data-value={r.recovered}
                x={0}
                y={top}
                width={length}
                height={y.bandwidth()}
                fill={CHART.amount}
              />
              <text
                x={length + 6}
                y={top + y.bandwidth() / 2}
                dominantBaseline="middle"
                fontSize={12}
                fill="#262626"
              >
                {t(locale, "reportPage.chart.barLabel", {
                  n: formatCount(locale, r.recovered),
                  rate: formatRate(locale, r.recoveryRate),
                })}
              </text>
            </g>
          );
        })}
        <AxisLeft
          scale={y}
          tickFormat={(key) => {
            const row = shown.find((r) => r.key === key);
            return row ? short(name(row)) : "";
          }}
          stroke={CHART.axis}
          tickStroke={CHART.axis}
          tickLabelProps={{ ...AXIS_TEXT, fontSize: 12 }}
        />
        <AxisBottom
          top={innerH}
          scale={x}
          numTicks={Math.min(5, x.domain()[1] ?? 1)}
          tickFormat={(v) => formatCount(locale, Number(v))}
          stroke={CHART.axis}
          tickStroke={CHART.axis}
          tickLabelProps={AXIS_TEXT}
        />
      </Group>
    </ChartFrame>
  );
}
