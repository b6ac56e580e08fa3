import { csvCell } from "@/lib/db/csv";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import {
  BREAKDOWN_KEYS,
  type PeriodFigures,
  type ReportFigures,
} from "@/lib/model/report";
import { figureRows } from "@/components/report/figures";
import {
  BREAKDOWN_TITLES,
  groupName,
  reasonAdvice,
  reasonName,
} from "@/components/report/labels";
import { periodText } from "@/components/report/period-text";

/*
 * The report's tables as one CSV for Excel and WPS, by the nudge log export's rules (lib/db/csv.ts:
 * headers in the UI's words, a BOM, every cell formula-defused): the figures beside the previous
 * period's, then each breakdown and the reasons, each table under its own title and header, a
 * blank line between. Counts, rates and amounts are plain numbers a sheet can add.
 */

const row = (cells: (string | number)[]) => cells.map(csvCell).join(",");
/** A rate as a percentage with one decimal, empty when there is nothing to divide by. */
const percent = (rate: number | null) =>
  rate === null ? "" : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
const yuan = (cents: number) => (cents / 100).toFixed(2);

/** Figures whose number in the file is in another unit than the page's text: the label says it. */
const CSV_LABELS: Partial<Record<string, MessageKey>> = {
  recoveryRate: "reportPage.csv.ratePercent",
  recoveredAmount: "reportPage.csv.yuan",
  medianTimeToPay: "reportPage.csv.medianMinutes",
};

/**
 * A figure as a plain number (a sheet reads "+¥3,300.00" as text, and a leading + or − would be
 * defused with a visible apostrophe): percentages, yuan, minutes; undefined where none.
 */
function rawValue(p: PeriodFigures, id: string): number | undefined {
  const skipped = (cause?: string) =>
    p.skipped
      .filter((s) => cause === undefined || s.cause === cause)
      .reduce((sum, s) => sum + s.count, 0);
  switch (id) {
    case "unpaidSeen":
    case "nudged":
    case "recovered":
    case "paidByThemselves":
      return p[id];
    case "recoveryRate":
      return p.recoveryRate === null
        ? undefined
        : Math.round(p.recoveryRate * 1000) / 10;
    case "recoveredAmount":
      return p.recoveredCents.CNY / 100;
    case "medianTimeToPay":
      return p.medianTimeToPayMs === null
        ? undefined
        : Math.round(p.medianTimeToPayMs / 60_000);
    case "skipped":
      return skipped();
    default:
      return id.startsWith("skipped-") ? skipped(id.slice(8)) : undefined;
  }
}

export function reportCsv(
  locale: Locale,
  figures: ReportFigures,
  templateNames: ReadonlyMap<string, string>,
): string {
  const { current, previous } = figures;
  const lines = [
    row([
      t(locale, "reportPage.title"),
      `${t(locale, "reportPage.current")} ${periodText(locale, current.period)}`,
      `${t(locale, "reportPage.previous")} ${periodText(locale, previous.period)}`,
    ]),
    row([
      t(locale, "reportPage.definition", { hours: figures.attributionHours }),
    ]),
    "",
    row([t(locale, "reportPage.figures")]),
    row([
      t(locale, "reportPage.figure"),
      t(locale, "reportPage.current"),
      t(locale, "reportPage.previous"),
      t(locale, "reportPage.change"),
    ]),
    ...figureRows(locale, current, previous).map((r) => {
      const [now, before] = [current, previous].map((p) => rawValue(p, r.id));
      const change =
        now === undefined || before === undefined
          ? ""
          : Math.round((now - before) * 100) / 100;
      return row([
        CSV_LABELS[r.id] ? t(locale, CSV_LABELS[r.id]!) : r.label,
        now ?? "",
        before ?? "",
        change,
      ]);
    }),
  ];
  for (const by of BREAKDOWN_KEYS) {
    lines.push(
      "",
      row([t(locale, BREAKDOWN_TITLES[by])]),
      row([
        t(locale, "reportPage.group"),
        t(locale, "reportPage.colNudged"),
        t(locale, "reportPage.colRecovered"),
        t(locale, "reportPage.colRate"),
        t(locale, "reportPage.csv.yuan"),
        t(locale, "reportPage.csv.usd"),
      ]),
      ...figures.breakdowns[by].map((r) =>
        row([
          groupName(locale, by, r.key, templateNames),
          r.nudged,
          r.recovered,
          percent(r.recoveryRate),
          yuan(r.recoveredCents.CNY),
          yuan(r.recoveredCents.USD),
        ]),
      ),
    );
  }
  lines.push(
    "",
    row([t(locale, "reportPage.reasons")]),
    row([
      t(locale, "reportPage.reason"),
      t(locale, "reportPage.reasonCount"),
      t(locale, "reportPage.share"),
      t(locale, "reportPage.csv.previousCount"),
      t(locale, "reportPage.advice"),
    ]),
    ...figures.reasons.map((r) =>
      row([
        reasonName(locale, r.id),
        r.count,
        percent(r.share),
        r.previousCount,
        reasonAdvice(locale, r.id),
      ]),
    ),
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
