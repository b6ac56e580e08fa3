import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { DataSection } from "@/components/options/DataSection";
import { downloadFile } from "@/components/shared/download";
import { backupFile, nudgeLogFile } from "@/components/options/exports";
import { useLeaveGuard } from "@/components/options/dirty";
import { GeneralSection } from "@/components/options/GeneralSection";
import { OptionsNav } from "@/components/options/OptionsNav";
import { OptionsSection } from "@/components/options/OptionsSection";
import { PlanSection } from "@/components/options/plan/PlanSection";
import { ReportSection } from "@/components/options/ReportSection";
import { RetentionForm } from "@/components/options/RetentionForm";
import {
  deleteTaughtReader,
  deleteTemplate,
  grantSite,
  importTransport,
  revokeSite,
  saveEngineSettings,
  saveGeneralSettings,
  saveTaughtReader,
  saveTemplate,
  setPlatformEnabled,
  setRetentionDays,
  syncGrantedSites,
  wipeAllData,
} from "@/components/options/requests";
import { sampleValues } from "@/components/options/sample-order";
import {
  dirtySections,
  sectionOfHash,
  type DirtyForm,
  type SectionId,
} from "@/components/options/sections";
import { SitesSection } from "@/components/options/SitesSection";
import { listText } from "@/components/options/status";
import { TaughtPagesSection } from "@/components/options/TaughtPagesSection";
import {
  removeTeamRoster,
  setTeamMe,
  setTeamRoster,
} from "@/components/options/team/requests";
import { TeamSection } from "@/components/options/team/TeamSection";
import { readEngine, readGeneral } from "@/components/options/stored-data";
import { TemplatesSection } from "@/components/options/templates/TemplatesSection";
import { loadNudgeReport, type ReportRange } from "@/lib/db/report";
import { getDb } from "@/lib/db/schema";
import { getSetting, invalidStoredSettings } from "@/lib/schemas/settings";
import { newTemplateId } from "@/lib/db/templates";
import { templateEntries } from "@/lib/schemas/templates";
import { pickLocale, t } from "@/lib/i18n";
import { sendBackup } from "@/lib/messaging/send-backup";

export function OptionsApp() {
  const locale = pickLocale(navigator.languages);
  const db = getDb();
  // Forms are re-created from stored values after an import or a wipe replaced them: each read
  // carries the revision it was made for, and a form waits for a read made after the replacement.
  const [dataRevision, setDataRevision] = useState(0);
  const general = useLiveQuery(
    () => readGeneral(db, dataRevision),
    [dataRevision],
  );
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
    document.title = t(locale, "options.title");
  }, [locale]);
  const engine = useLiveQuery(
    () => readEngine(db, dataRevision),
    [dataRevision],
  );
  // Stored values that fail their schema are read as defaults; the seller is told which.
  const resetSettings = useLiveQuery(
    () => invalidStoredSettings(db),
    [dataRevision],
  );
  const retention = useLiveQuery(
    async () => ({
      rev: dataRevision,
      days: await getSetting(db, "retentionDays"),
    }),
    [dataRevision],
  );
  const templates = useLiveQuery(() => templateEntries(db));
  const enabledPlatforms = useLiveQuery(() =>
    getSetting(db, "enabledPlatforms"),
  );
  // Live: the list follows the background's writes (a save, a removal, a page taught meanwhile).
  const taughtReaders = useLiveQuery(
    () => getSetting(db, "taughtReaders"),
    [dataRevision],
  );
  // Live: a roster pasted in another tab, or the background's answer, shows at once.
  const team = useLiveQuery(
    async () => ({
      roster: await getSetting(db, "teamRoster"),
      me: await getSetting(db, "teamMe"),
    }),
    [dataRevision],
  );
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    syncGrantedSites().then(setSites, (error) =>
      console.error("PayNudge sites", error),
    );
  }, []);
  // The template preview's sample order is placed relative to when the page was opened.
  const [openedAt] = useState(Date.now);
  const [reportRange, setReportRange] = useState<ReportRange>("today");
  const report = useLiveQuery(
    () => loadNudgeReport(db, reportRange, Date.now()),
    [reportRange],
  );

  // The section the address names: a link (the popup's `#report`), a reload or the navigation.
  const [current, setCurrent] = useState<SectionId | undefined>(() =>
    sectionOfHash(location.hash),
  );
  useEffect(() => {
    const follow = () => setCurrent(sectionOfHash(location.hash));
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);
  // The sections fill in as their reads answer, so the browser's own jump to the anchor (made
  // while the page was still empty) is made again once everything above it has its height.
  const ready =
    general !== undefined &&
    engine !== undefined &&
    templates !== undefined &&
    enabledPlatforms !== undefined &&
    taughtReaders !== undefined &&
    retention !== undefined &&
    report !== undefined;
  const landed = useRef(false);
  useEffect(() => {
    if (!ready || landed.current) return;
    landed.current = true;
    const id = sectionOfHash(location.hash);
    if (id) document.getElementById(id)?.scrollIntoView?.();
  }, [ready]);

  // Unsaved edits, by form: marked on their section and its link, and guarded on leaving.
  const [dirty, setDirty] = useState<Partial<Record<DirtyForm, boolean>>>({});
  const reportDirty = useMemo(() => {
    const reporter = (form: DirtyForm) => (isDirty: boolean) =>
      setDirty((d) => (d[form] === isDirty ? d : { ...d, [form]: isDirty }));
    return {
      general: reporter("general"),
      plan: reporter("plan"),
      templates: reporter("templates"),
      sites: reporter("sites"),
      team: reporter("team"),
      data: reporter("data"),
    };
  }, []);
  const unsaved = dirtySections(dirty);
  useLeaveGuard(unsaved.length > 0);
  const isDirty = useCallback(
    (id: SectionId) => unsaved.includes(id),
    [unsaved],
  );

  return (
    <div className="options-layout">
      <OptionsNav locale={locale} current={current} dirty={unsaved} />
      <main>
        <h1>{t(locale, "options.title")}</h1>
        {resetSettings && resetSettings.length > 0 && (
          <p role="alert" className="status error" data-testid="settings-reset">
            {t(locale, "data.settingsReset", {
              names: listText(
                locale,
                resetSettings.map((key) => t(locale, `setting.${key}`)),
              ),
            })}
          </p>
        )}
        <OptionsSection locale={locale} id="report" dirty={false}>
          <ReportSection
            locale={locale}
            range={reportRange}
            report={report}
            onRange={setReportRange}
          />
        </OptionsSection>
        <OptionsSection locale={locale} id="general" dirty={isDirty("general")}>
          {general?.rev === dataRevision && (
            <GeneralSection
              key={dataRevision}
              locale={locale}
              initial={general}
              onSave={saveGeneralSettings}
              onDirty={reportDirty.general}
            />
          )}
        </OptionsSection>
        <OptionsSection locale={locale} id="plan" dirty={isDirty("plan")}>
          {engine?.rev === dataRevision && (
            <PlanSection
              key={`plan-${dataRevision}`}
              locale={locale}
              initial={engine.settings}
              onSave={saveEngineSettings}
              onDirty={reportDirty.plan}
            />
          )}
        </OptionsSection>
        <OptionsSection
          locale={locale}
          id="templates"
          dirty={isDirty("templates")}
        >
          {templates && general && (
            <TemplatesSection
              onDirty={reportDirty.templates}
              locale={locale}
              entries={templates}
              sampleValues={sampleValues(openedAt, general)}
              newId={() => newTemplateId(Date.now())}
              onSave={saveTemplate}
              onDelete={deleteTemplate}
            />
          )}
        </OptionsSection>
        <OptionsSection locale={locale} id="sites" dirty={isDirty("sites")}>
          {enabledPlatforms && (
            <SitesSection
              locale={locale}
              enabledPlatforms={enabledPlatforms}
              sites={sites}
              onSetPlatform={setPlatformEnabled}
              onGrant={async (pattern) => {
                const { granted, sites } = await grantSite(pattern);
                setSites(sites);
                return granted;
              }}
              onRevoke={async (pattern) => setSites(await revokeSite(pattern))}
            />
          )}
          {taughtReaders && (
            <TaughtPagesSection
              locale={locale}
              readers={taughtReaders}
              onSave={saveTaughtReader}
              onDelete={deleteTaughtReader}
              onDirty={reportDirty.sites}
            />
          )}
        </OptionsSection>
        <OptionsSection locale={locale} id="team" dirty={isDirty("team")}>
          {team && (
            <TeamSection
              locale={locale}
              roster={team.roster}
              me={team.me}
              agentName={general?.agentName}
              onSetRoster={setTeamRoster}
              onSetMe={setTeamMe}
              onRemove={removeTeamRoster}
              onDirty={reportDirty.team}
            />
          )}
        </OptionsSection>
        <OptionsSection locale={locale} id="data" dirty={isDirty("data")}>
          {retention?.rev === dataRevision && (
            <RetentionForm
              key={`retention-${dataRevision}`}
              locale={locale}
              initial={retention.days}
              onSave={setRetentionDays}
              onDirty={reportDirty.data}
            />
          )}
          <DataSection
            locale={locale}
            tableNames={db.tables.map((table) => table.name)}
            onExportJson={async () =>
              downloadFile(await backupFile(db, Date.now()))
            }
            onExportCsv={async () =>
              downloadFile(await nudgeLogFile(db, Date.now(), locale))
            }
            onImport={async (backup, onProgress) => {
              try {
                return await sendBackup(backup, importTransport, onProgress);
              } finally {
                // Forms re-read what is stored, whichever way the import went.
                setDataRevision((n) => n + 1);
              }
            }}
            onWipe={async () => {
              await wipeAllData();
              setDataRevision((n) => n + 1);
            }}
          />
        </OptionsSection>
      </main>
    </div>
  );
}
