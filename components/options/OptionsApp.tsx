import { format } from "date-fns";
import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import { browser } from "wxt/browser";
import { DataSection } from "@/components/options/DataSection";
import { GeneralSection } from "@/components/options/GeneralSection";
import { PlanSection } from "@/components/options/PlanSection";
import { ReportSection } from "@/components/options/ReportSection";
import { sampleValues } from "@/components/options/sample-order";
import { SitesSection } from "@/components/options/SitesSection";
import { TemplatesSection } from "@/components/options/TemplatesSection";
import { toBackgroundAdmin } from "@/lib/messaging/admin";
import { exportBackup } from "@/lib/db/backup";
import { getDb } from "@/lib/db/schema";
import { pickLocale, t } from "@/lib/i18n";
import { nudgeLogCsv } from "@/lib/db/csv";
import { loadEngineSettings } from "@/lib/db/engine-settings";
import { sendBackup, type ImportTransport } from "@/lib/db/import-client";
import { getSetting, invalidStoredSettings } from "@/lib/db/settings";
import { loadNudgeReport, type ReportRange } from "@/lib/db/report";
import { newTemplateId, templateEntries } from "@/lib/db/templates";
import { downloadText } from "@/components/options/download";

/** The background's chunked import requests, as sendBackup uses them. */
const importTransport: ImportTransport = {
  begin: (manifest) => toBackgroundAdmin.sendMessage("importBegin", manifest),
  chunk: (chunk) => toBackgroundAdmin.sendMessage("importChunk", chunk),
  commit: (session) => toBackgroundAdmin.sendMessage("importCommit", session),
  abort: (session) => toBackgroundAdmin.sendMessage("importAbort", session),
};

export function App() {
  const locale = pickLocale(navigator.languages);
  const db = getDb();
  // Forms are re-created from stored values after an import or a wipe replaced them: each read
  // carries the revision it was made for, and a form waits for a read made after the replacement.
  const [dataRevision, setDataRevision] = useState(0);
  const general = useLiveQuery(
    async () => ({
      rev: dataRevision,
      agentName: await getSetting(db, "agentName"),
      shopNames: await getSetting(db, "shopNames"),
    }),
    [dataRevision],
  );
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
    document.title = t(locale, "options.title");
  }, [locale]);
  const engine = useLiveQuery(
    async () => ({ rev: dataRevision, settings: await loadEngineSettings(db) }),
    [dataRevision],
  );
  // Stored values that fail their schema are read as defaults; the seller is told which.
  const resetSettings = useLiveQuery(
    () => invalidStoredSettings(db),
    [dataRevision],
  );
  const templates = useLiveQuery(() => templateEntries(db));
  const enabledPlatforms = useLiveQuery(() =>
    getSetting(db, "enabledPlatforms"),
  );
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    toBackgroundAdmin
      .sendMessage("syncGrantedSites", undefined)
      .then(setSites, (error) => console.error("PayNudge sites", error));
  }, []);
  const stamp = () => format(Date.now(), "yyyyMMdd-HHmm");
  const [reportRange, setReportRange] = useState<ReportRange>("today");
  const report = useLiveQuery(
    () => loadNudgeReport(db, reportRange, Date.now()),
    [reportRange],
  );

  return (
    <main>
      <h1>{t(locale, "options.title")}</h1>
      {resetSettings && resetSettings.length > 0 && (
        <p role="alert" className="status error" data-testid="settings-reset">
          {t(locale, "data.settingsReset", {
            names: resetSettings
              .map((key) => t(locale, `setting.${key}`))
              .join(locale === "zh" ? "、" : ", "),
          })}
        </p>
      )}
      <ReportSection
        locale={locale}
        range={reportRange}
        report={report}
        onRange={setReportRange}
      />
      {general?.rev === dataRevision && (
        <GeneralSection
          key={dataRevision}
          locale={locale}
          initial={general}
          onSave={(settings) =>
            toBackgroundAdmin.sendMessage("saveGeneralSettings", settings)
          }
        />
      )}
      {engine?.rev === dataRevision && (
        <PlanSection
          key={`plan-${dataRevision}`}
          locale={locale}
          initial={engine.settings}
          onSave={(patch) =>
            toBackgroundAdmin.sendMessage("saveEngineSettings", patch)
          }
        />
      )}
      {templates && general && (
        <TemplatesSection
          locale={locale}
          entries={templates}
          sampleValues={sampleValues(Date.now(), general)}
          newId={() => newTemplateId(Date.now())}
          onSave={(template) =>
            toBackgroundAdmin.sendMessage("saveTemplate", template)
          }
          onDelete={(id) =>
            toBackgroundAdmin.sendMessage("deleteTemplate", { id })
          }
        />
      )}
      {enabledPlatforms && (
        <SitesSection
          locale={locale}
          enabledPlatforms={enabledPlatforms}
          sites={sites}
          onSetPlatform={(platform, enabled) =>
            toBackgroundAdmin.sendMessage("setPlatformEnabled", {
              platform,
              enabled,
            })
          }
          onGrant={async (pattern) => {
            // Asked here, in the page's click: the background cannot show the permission prompt.
            const granted = await browser.permissions.request({
              origins: [pattern],
            });
            setSites(
              await toBackgroundAdmin.sendMessage(
                "syncGrantedSites",
                undefined,
              ),
            );
            return granted;
          }}
          onRevoke={async (pattern) =>
            setSites(
              await toBackgroundAdmin.sendMessage("revokeSite", { pattern }),
            )
          }
        />
      )}
      <DataSection
        locale={locale}
        tableNames={db.tables.map((table) => table.name)}
        onExportJson={async () => {
          const backup = await exportBackup(db, Date.now());
          downloadText(
            `paynudge-backup-${stamp()}.json`,
            JSON.stringify(backup, null, 1),
            "application/json",
          );
        }}
        onExportCsv={async () => {
          const [nudges, orders] = await Promise.all([
            db.nudges.toArray(),
            db.orders.toArray(),
          ]);
          const csv = nudgeLogCsv(
            nudges,
            new Map(orders.map((o) => [o.key, o])),
          );
          downloadText(`paynudge-nudges-${stamp()}.csv`, csv, "text/csv");
        }}
        onImport={async (backup, onProgress) => {
          try {
            return await sendBackup(backup, importTransport, onProgress);
          } finally {
            // Forms re-read what is stored, whichever way the import went.
            setDataRevision((n) => n + 1);
          }
        }}
        onWipe={async () => {
          await toBackgroundAdmin.sendMessage("wipeAllData", {
            confirm: "DELETE",
          });
          setDataRevision((n) => n + 1);
        }}
      />
    </main>
  );
}
