import { useRef, useState } from "react";
import { BackupError, parseBackup } from "../../lib/backup";
import { t, type Locale } from "../../lib/i18n";

export interface DataSectionProps {
  locale: Locale;
  /** Names of the database's tables: a backup is checked against them before anything is sent. */
  tableNames: readonly string[];
  onExportJson(): Promise<void>;
  onExportCsv(): Promise<void>;
  onImport(backup: unknown): Promise<Record<string, number>>;
  onWipe(): Promise<void>;
  confirm?(message: string): boolean;
}

function describe(error: unknown, locale: Locale): string {
  if (error instanceof BackupError)
    return t(locale, `backup.${error.code}`, { detail: error.message });
  return error instanceof Error ? error.message : String(error);
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
  const [status, setStatus] = useState<{ text: string; error?: boolean }>({
    text: "",
  });
  const [confirmingWipe, setConfirmingWipe] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function importFile(file: File) {
    try {
      // Checked here first, so a bad file is refused before the background is asked anything.
      const backup = parseBackup(await file.text(), tableNames);
      if (!confirm(t(locale, "data.importConfirm"))) return;
      const counts = await onImport(backup);
      setStatus({
        text: t(locale, "data.imported", {
          orders: counts.orders ?? 0,
          nudges: counts.nudges ?? 0,
          settings: counts.settings ?? 0,
        }),
      });
    } catch (error) {
      setStatus({
        text: t(locale, "data.importFailed", {
          error: describe(error, locale),
        }),
        error: true,
      });
    } finally {
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
        <label className="button">
          {t(locale, "data.import")}
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            hidden
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
                  setStatus({ text: describe(error, locale), error: true });
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
            onClick={() => setConfirmingWipe(true)}
          >
            {t(locale, "data.wipe")}
          </button>
        )}
      </div>
      <p role="status" className={status.error ? "status error" : "status"}>
        {status.text}
      </p>
    </section>
  );
}
