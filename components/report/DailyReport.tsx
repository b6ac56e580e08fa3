import { useState } from "react";
import { format } from "date-fns";
import { copyText } from "@/components/shared/clipboard";
import { downloadBlob } from "@/components/shared/download";
import { t, type Locale } from "@/lib/i18n";
import type { ReportFigures } from "@/lib/model/report";
import { dailyReportImage } from "@/components/report/daily-image";
import { dailyReportLines } from "@/components/report/daily-text";

type Status = "copied" | "copyFailed" | "saved" | "saveFailed";

/**
 * The daily report (日报): the text shown as it will be sent, one button copying it for the team
 * chat, another saving the same as an image. `figures` is the day's report (undefined while read).
 */
export function DailyReport({
  locale,
  figures,
  templateNames,
}: {
  locale: Locale;
  figures: ReportFigures | undefined;
  templateNames: ReadonlyMap<string, string>;
}) {
  const [status, setStatus] = useState<Status>();
  const lines = figures
    ? dailyReportLines(locale, figures, templateNames)
    : undefined;
  const copy = async () => {
    if (!lines) return;
    setStatus((await copyText(lines.join("\n"))) ? "copied" : "copyFailed");
  };
  const save = async () => {
    if (!lines || !figures) return;
    try {
      const image = await dailyReportImage(lines);
      downloadBlob(
        `paynudge-daily-${format(figures.current.period.from, "yyyyMMdd")}.png`,
        image,
      );
      setStatus("saved");
    } catch (error) {
      console.error("PayNudge: the daily report's image", error);
      setStatus("saveFailed");
    }
  };
  return (
    <section className="section daily" aria-labelledby="daily-title">
      <h2 id="daily-title">{t(locale, "reportPage.daily.heading")}</h2>
      {lines ? (
        <pre className="daily-text" data-testid="daily-text">
          {lines.join("\n")}
        </pre>
      ) : (
        <p role="status">{t(locale, "popup.loading")}</p>
      )}
      <div className="actions">
        <button
          type="button"
          data-action="copy-daily"
          disabled={!lines}
          onClick={() => void copy()}
        >
          {t(locale, "reportPage.daily.copy")}
        </button>
        <button
          type="button"
          className="secondary"
          data-action="save-daily"
          disabled={!lines}
          onClick={() => void save()}
        >
          {t(locale, "reportPage.daily.saveImage")}
        </button>
        <span role="status" className="status" data-testid="daily-status">
          {status === "copied" && t(locale, "reportPage.daily.copied")}
          {status === "copyFailed" && t(locale, "reportPage.daily.copyFailed")}
          {status === "saved" && t(locale, "reportPage.daily.saved")}
          {status === "saveFailed" && t(locale, "reportPage.daily.saveFailed")}
        </span>
      </div>
    </section>
  );
}
