import type { ReactNode } from "react";
import { t, type Locale } from "@/lib/i18n";

/*
 * A chart with its figures beside it: the drawing (SVG, each data point an element of its own
 * marked data-point), named for assistive technology by its caption, and the same figures in a
 * table under a disclosure that a keyboard or screen-reader user opens.
 */

export interface ChartFrameProps {
  locale: Locale;
  /** A stable hook for tests and styles (data-chart). */
  id: string;
  title: string;
  /** One sentence that says what the drawing shows, for screen readers. */
  summary: string;
  width: number;
  height: number;
  children: ReactNode;
  /** Shown under the drawing (a legend). */
  legend?: ReactNode;
  table: ReactNode;
}

export function ChartFrame({
  locale,
  id,
  title,
  summary,
  width,
  height,
  children,
  legend,
  table,
}: ChartFrameProps) {
  const titleId = `chart-${id}-title`;
  return (
    <figure className="chart" data-chart={id} aria-labelledby={titleId}>
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMinYMin meet"
      >
        {children}
      </svg>
      {legend}
      <details className="chart-table">
        <summary>{t(locale, "reportPage.dataTable")}</summary>
        {table}
      </details>
    </figure>
  );
}
