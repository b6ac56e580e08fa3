import { t, type Locale } from "@/lib/i18n";
import type { BreakdownRow, ReportFigures } from "@/lib/model/report";
import {
  formatAmounts,
  formatCount,
  formatDay,
  formatDuration,
  formatMoney,
  formatRate,
  signed,
} from "@/components/report/format";
import { rateChange } from "@/components/report/figures";
import {
  groupName,
  reasonAdvice,
  reasonName,
} from "@/components/report/labels";

/*
 * The daily report (日报) for the team chat: the day's figures, the change from the day before,
 * the top reasons with what to do about each, the best template. Plain lines of text, so the same
 * words are copied to the clipboard and drawn into the saved image.
 */

/** How many reasons the daily report names. */
const TOP_REASONS = 3;

/** The template that recovered most (the better rate between equals); none when none did. */
export function bestTemplate(rows: readonly BreakdownRow[]) {
  return rows
    .filter((r) => r.key !== "" && r.recovered > 0)
    .reduce<BreakdownRow | undefined>(
      (best, r) =>
        !best ||
        r.recovered > best.recovered ||
        (r.recovered === best.recovered &&
          (r.recoveryRate ?? 0) > (best.recoveryRate ?? 0))
          ? r
          : best,
      undefined,
    );
}

/**
 * The daily report's lines, the title first. `figures` is one day's report: its current period is
 * the day, its previous period the day before.
 */
export function dailyReportLines(
  locale: Locale,
  figures: ReportFigures,
  templateNames: ReadonlyMap<string, string>,
): string[] {
  const { current: day, previous: before } = figures;
  const lines = [
    t(locale, "reportPage.daily.title", {
      day: formatDay(locale, day.period.from),
    }),
  ];
  if (day.nudged === 0 && day.recovered === 0 && day.paidByThemselves === 0) {
    lines.push(t(locale, "reportPage.daily.nothing"));
    return lines;
  }
  const recoveredDiff = day.recovered - before.recovered;
  const centsDiff = day.recoveredCents.CNY - before.recoveredCents.CNY;
  lines.push(
    t(locale, "reportPage.daily.figures", {
      nudged: formatCount(locale, day.nudged),
      recovered: formatCount(locale, day.recovered),
      rate: formatRate(locale, day.recoveryRate),
      amount: formatAmounts(locale, day.recoveredCents),
    }),
    t(locale, "reportPage.daily.change", {
      recovered: signed(
        recoveredDiff,
        formatCount(locale, Math.abs(recoveredDiff)),
      ),
      amount: signed(centsDiff, formatMoney(locale, Math.abs(centsDiff))),
    }) +
      // The rate's change only where both days have a rate (some order nudged).
      (day.recoveryRate === null || before.recoveryRate === null
        ? ""
        : t(locale, "reportPage.daily.changeRate", {
            rate: rateChange(locale, day.recoveryRate, before.recoveryRate),
          })),
    t(locale, "reportPage.daily.baseline", {
      paid: formatCount(locale, day.paidByThemselves),
      median: formatDuration(locale, day.medianTimeToPayMs),
    }),
  );
  const reasons = figures.reasons.slice(0, TOP_REASONS);
  if (reasons.length === 0) lines.push(t(locale, "reportPage.daily.noReasons"));
  else {
    lines.push(t(locale, "reportPage.daily.reasons"));
    reasons.forEach((r, i) => {
      const advice = reasonAdvice(locale, r.id);
      lines.push(
        t(locale, "reportPage.daily.reason", {
          i: i + 1,
          reason: reasonName(locale, r.id),
          count: formatCount(locale, r.count),
          share: formatRate(locale, r.share),
        }) + (advice ? t(locale, "reportPage.daily.advice", { advice }) : ""),
      );
    });
  }
  const best = bestTemplate(figures.breakdowns.template);
  if (best)
    lines.push(
      t(locale, "reportPage.daily.best", {
        name: groupName(locale, "template", best.key, templateNames),
        recovered: formatCount(locale, best.recovered),
        rate: formatRate(locale, best.recoveryRate),
      }),
    );
  return lines;
}

/** The daily report as one text for the clipboard. */
export function dailyReportText(
  locale: Locale,
  figures: ReportFigures,
  templateNames: ReadonlyMap<string, string>,
): string {
  return dailyReportLines(locale, figures, templateNames).join("\n");
}
