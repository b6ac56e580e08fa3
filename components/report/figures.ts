import { t, type Locale, type MessageKey } from "@/lib/i18n";
import {
  SKIP_CAUSES,
  type PeriodFigures,
  type SkipCause,
} from "@/lib/model/report";
import {
  formatAmounts,
  formatCount,
  formatDuration,
  formatMoney,
  formatRate,
  signed,
} from "@/components/report/format";
import { SKIP_LABELS } from "@/components/report/labels";

/*
 * The report's figures as rows of text, each with the previous period's and the change: what the
 * figures table shows, the daily report sums up and the CSV holds.
 */

export interface FigureRow {
  /** A stable hook for tests and styles (data-figure). */
  id: string;
  label: string;
  current: string;
  previous: string;
  change: string;
  /** Whether the change is good news (more recovered, fewer skipped…); undefined when flat. */
  better?: boolean;
}

const skippedOf = (p: PeriodFigures, cause?: SkipCause) =>
  p.skipped
    .filter((s) => cause === undefined || s.cause === cause)
    .reduce((sum, s) => sum + s.count, 0);

function countRow(
  locale: Locale,
  id: string,
  label: MessageKey,
  now: number,
  before: number,
  /** Whether more is good news; undefined for a figure that is neither (orders seen). */
  moreIsBetter: boolean | undefined,
): FigureRow {
  const d = now - before;
  return {
    id,
    label: t(locale, label),
    current: formatCount(locale, now),
    previous: formatCount(locale, before),
    change: signed(d, formatCount(locale, Math.abs(d))),
    better:
      d === 0 || moreIsBetter === undefined
        ? undefined
        : d > 0 === moreIsBetter,
  };
}

/** The change of a rate, in percentage points. */
export function rateChange(
  locale: Locale,
  now: number | null,
  before: number | null,
): string {
  if (now === null || before === null) return "—";
  const points = Math.round((now - before) * 1000) / 10;
  return t(locale, "reportPage.points", {
    n: signed(points, String(Math.abs(points))),
  });
}

export function figureRows(
  locale: Locale,
  current: PeriodFigures,
  previous: PeriodFigures,
): FigureRow[] {
  const cents = current.recoveredCents.CNY - previous.recoveredCents.CNY;
  const rate = (p: PeriodFigures) => p.recoveryRate;
  const median = (p: PeriodFigures) => p.medianTimeToPayMs;
  const medianDiff =
    current.medianTimeToPayMs === null || previous.medianTimeToPayMs === null
      ? null
      : current.medianTimeToPayMs - previous.medianTimeToPayMs;
  const rateDiff =
    current.recoveryRate === null || previous.recoveryRate === null
      ? 0
      : current.recoveryRate - previous.recoveryRate;
  return [
    countRow(
      locale,
      "unpaidSeen",
      "reportPage.unpaidSeen",
      current.unpaidSeen,
      previous.unpaidSeen,
      undefined,
    ),
    countRow(
      locale,
      "nudged",
      "reportPage.nudged",
      current.nudged,
      previous.nudged,
      true,
    ),
    countRow(
      locale,
      "recovered",
      "reportPage.recovered",
      current.recovered,
      previous.recovered,
      true,
    ),
    {
      id: "recoveryRate",
      label: t(locale, "reportPage.recoveryRate"),
      current: formatRate(locale, rate(current)),
      previous: formatRate(locale, rate(previous)),
      change: rateChange(locale, rate(current), rate(previous)),
      better: rateDiff === 0 ? undefined : rateDiff > 0,
    },
    {
      id: "recoveredAmount",
      label: t(locale, "reportPage.recoveredAmount"),
      current: formatAmounts(locale, current.recoveredCents),
      previous: formatAmounts(locale, previous.recoveredCents),
      change: signed(cents, formatMoney(locale, Math.abs(cents))),
      better: cents === 0 ? undefined : cents > 0,
    },
    countRow(
      locale,
      "paidByThemselves",
      "reportPage.paidByThemselves",
      current.paidByThemselves,
      previous.paidByThemselves,
      true,
    ),
    countRow(
      locale,
      "skipped",
      "reportPage.skipped",
      skippedOf(current),
      skippedOf(previous),
      false,
    ),
    // Only the causes the engine counts: a colleague's note is not stored, so it is left out
    // rather than shown as none (lib/engine/report/skipped.ts).
    ...SKIP_CAUSES.filter((cause) =>
      current.skipped.some((s) => s.cause === cause),
    ).map((cause) =>
      countRow(
        locale,
        `skipped-${cause}`,
        SKIP_LABELS[cause],
        skippedOf(current, cause),
        skippedOf(previous, cause),
        false,
      ),
    ),
    {
      id: "medianTimeToPay",
      label: t(locale, "reportPage.medianTimeToPay"),
      current: formatDuration(locale, median(current)),
      previous: formatDuration(locale, median(previous)),
      change:
        medianDiff === null
          ? "—"
          : signed(medianDiff, formatDuration(locale, Math.abs(medianDiff))),
      better:
        medianDiff === null || medianDiff === 0 ? undefined : medianDiff < 0,
    },
  ];
}
