import { format } from "date-fns";
import { useCallback, useState } from "react";
import { browser } from "wxt/browser";
import { downloadFile } from "@/components/shared/download";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import {
  readingsOfTab,
  type FrameOfTab,
  type TabReadings,
} from "@/lib/browser-tabs/page-readings";
import type { FrameReading, SkipReason } from "@/lib/model/page-reading";
import { startTeaching } from "@/components/popup/TeachPageView";

/*
 * "What PayNudge reads on this page": for a seller whose page shows orders PayNudge badges wrong or
 * not at all. Each frame's reader, its counts and the rows it skipped, and a redacted structure
 * report to save and send to support (lib/model/page-reading.ts says what it holds).
 */

const SKIP_WORDS: Readonly<Record<SkipReason, MessageKey>> = {
  noOrderId: "reading.skippedNoOrderId",
  duplicate: "reading.skippedDuplicate",
  noStatus: "reading.skippedNoStatus",
  offContent: "reading.skippedOffContent",
  oddShape: "reading.skippedOddShape",
  notInList: "reading.skippedNotInList",
};

/** The report file: the readings, and what made them. */
function saveReport(frames: readonly FrameReading[]): void {
  const report = {
    kind: "paynudge-page-report",
    version: 1,
    extensionVersion: browser.runtime.getManifest().version,
    savedAt: new Date().toISOString(),
    frames,
  };
  downloadFile({
    name: `paynudge-page-report-${format(Date.now(), "yyyyMMdd-HHmm")}.json`,
    text: JSON.stringify(report, null, 2),
    type: "application/json",
  });
}

function FrameView({
  frame,
  locale,
  onTeach,
}: {
  frame: FrameOfTab;
  locale: Locale;
  onTeach(): void;
}) {
  return (
    <section className="frame-reading" data-reader={frame.reader ?? ""}>
      <h3>{frame.page}</h3>
      <p className="reader">
        {frame.reader
          ? t(locale, "reading.reader", { reader: frame.reader })
          : t(locale, "reading.none")}
      </p>
      {frame.reader && (
        <p className="counts">
          {t(locale, "reading.counts", {
            rows: frame.rows,
            orders: frame.orders,
            unpaid: frame.unpaid,
          })}
        </p>
      )}
      {frame.tried.length > 0 && (
        <p className="tried">
          {t(locale, "reading.tried", { readers: frame.tried.join("、") })}
        </p>
      )}
      {frame.skipped.map((skipped) => (
        <details key={skipped.reason} className="skipped">
          <summary data-reason={skipped.reason}>
            {t(locale, SKIP_WORDS[skipped.reason], { n: skipped.count })}
          </summary>
          <pre>{JSON.stringify(skipped.example, null, 1)}</pre>
        </details>
      ))}
      {frame.readAt > 0 && (
        <p className="read-at">
          {t(locale, "reading.readAt", {
            time: format(frame.readAt, "HH:mm:ss"),
          })}
        </p>
      )}
      <button type="button" data-action="teach-page" onClick={onTeach}>
        {t(locale, "teach.title")}
      </button>
    </section>
  );
}

/** `tabId`: the page's tab when the popup runs in a tab of its own (`popup.html?tab=`). */
export function PageReadingView({
  locale,
  tabId,
}: {
  locale: Locale;
  tabId?: number;
}) {
  const [readings, setReadings] = useState<TabReadings | { kind: "loading" }>();
  const read = useCallback(() => {
    setReadings({ kind: "loading" });
    readingsOfTab(tabId).then(setReadings, (error: unknown) => {
      console.error("PayNudge page reading", error);
      setReadings({ kind: "notHere" });
    });
  }, [tabId]);
  return (
    <details
      className="page-reading"
      onToggle={(event) => {
        if (event.currentTarget.open && readings === undefined) read();
      }}
    >
      <summary>{t(locale, "reading.title")}</summary>
      {readings?.kind === "loading" && <p>{t(locale, "reading.loading")}</p>}
      {readings?.kind === "notHere" && (
        <p className="not-here">{t(locale, "reading.notHere")}</p>
      )}
      {readings?.kind === "read" && (
        <>
          <p className="teach-hint">{t(locale, "teach.popup.hint")}</p>
          {readings.frames.map((frame, i) => (
            <FrameView
              key={i}
              frame={frame}
              locale={locale}
              onTeach={() => void startTeaching(tabId, frame.frameId)}
            />
          ))}
          <p className="report-hint">{t(locale, "reading.saveHint")}</p>
          <div className="reading-actions">
            <button
              type="button"
              data-action="save-report"
              onClick={() => saveReport(readings.frames)}
            >
              {t(locale, "reading.save")}
            </button>
            <button type="button" data-action="read-again" onClick={read}>
              {t(locale, "reading.again")}
            </button>
          </div>
        </>
      )}
    </details>
  );
}
