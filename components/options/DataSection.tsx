import { useRef, useState } from "react";
import type { Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import { BackupError } from "@/lib/messaging/backup-error";
import { parseEnvelope } from "@/lib/schemas/backup-file";
import { importErrorText } from "@/components/options/import-error";
import { t, type Locale } from "@/lib/i18n";
import type { ImportProgress, ImportResult } from "@/lib/messaging/send-backup";
import type { Backup } from "@/lib/messaging/import-requests";

export interface DataSectionProps {
  locale: Locale;
  /** Names of the database's tables: a backup is checked against them before anything is sent. */
  tableNames: readonly string[];
  onExportJson(): Promise<void>;
  onExportCsv(): Promise<void>;
  /** Sends a checked backup to the background in chunks (lib/messaging/send-backup.ts) and commits it. */
  onImport(
    backup: Backup,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportResult>;
  onWipe(): Promise<void>;
  confirm?(message: string): boolean;
}

export function DataSection({
  locale,
  tableNames,
  onExportJson,
  onExportCsv,
  onImport,
  onWipe,
  confirm = (m) => window.confirm(m),
}: DataSectionProps) {
  const [status, setStatus] = useState<Status>({ text: "" });
  const [busy, setBusy] = useState(false);
  const [confirmingWipe, setConfirmingWipe] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  function showProgress(progress: ImportProgress) {
    setStatus({
      text:
        progress.phase === "sending"
          ? t(locale, "data.importProgress", {
              done: progress.done,
              total: progress.total,
            })
          : t(locale, "data.importSaving", { rows: progress.rows }),
    });
  }

  async function importFile(file: File) {
    setBusy(true);
    // The checked backup, kept to say which field of a refused row is wrong.
    let backup: Backup | undefined;
    try {
      setStatus({ text: t(locale, "data.importReading") });
      // The envelope is checked here, so a file that is no backup is refused before the background
      // is asked anything; the rows are checked by the background as they arrive.
      backup = parseEnvelope(await file.text(), tableNames);
      if (!confirm(t(locale, "data.importConfirm"))) {
        setStatus({ text: "" });
        return;
      }
      const { counts, recheckFailed } = await onImport(backup, showProgress);
      const imported = t(locale, "data.imported", {
        orders: counts.orders ?? 0,
        nudges: counts.nudges ?? 0,
        settings: counts.settings ?? 0,
      });
      setStatus({
        text: recheckFailed
          ? `${imported} ${t(locale, "data.importedRecheckFailed")}`
          : imported,
      });
    } catch (error) {
      console.error("PayNudge import", error);
      const refusal =
        error instanceof BackupError
          ? error
          : new BackupError("interrupted", String(error));
      setStatus({
        // Only a commit that got no answer may have changed the data; every other refusal did not.
        text:
          refusal.code === "commit-interrupted"
            ? importErrorText(refusal, locale, backup)
            : t(locale, "data.importFailed", {
                error: importErrorText(refusal, locale, backup),
              }),
        error: true,
      });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  return (
    <section className="section" aria-label={t(locale, "options.data")}>
      <h2>{t(locale, "options.data")}</h2>
      <p className="hint">{t(locale, "data.where")}</p>
      <div className="actions">
        <button type="button" onClick={() => void onExportJson()}>
          {t(locale, "data.export")}
        </button>
        <label className="button" aria-disabled={busy}>
          {t(locale, "data.import")}
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
            disabled={busy}
            data-testid="import-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
        <button type="button" onClick={() => void onExportCsv()}>
          {t(locale, "data.exportCsv")}
        </button>
      </div>
      <div className="danger">
        {confirmingWipe ? (
          <>
            <p>{t(locale, "data.wipeConfirm")}</p>
            <button
              type="button"
              className="danger-button"
              onClick={async () => {
                setConfirmingWipe(false);
                try {
                  await onWipe();
                  setStatus({ text: t(locale, "data.wiped") });
                } catch (error) {
                  console.error("PayNudge wipe", error);
                  setStatus({
                    text: t(locale, "data.wipeFailed"),
                    error: true,
                  });
                }
              }}
            >
              {t(locale, "data.wipeYes")}
            </button>
            <button type="button" onClick={() => setConfirmingWipe(false)}>
              {t(locale, "data.cancel")}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="danger-button"
            disabled={busy}
            onClick={() => setConfirmingWipe(true)}
          >
            {t(locale, "data.wipe")}
          </button>
        )}
      </div>
      <StatusLine status={status} />
    </section>
  );
}
