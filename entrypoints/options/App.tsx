import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DataSection } from '../../components/options/DataSection';
import { GeneralSection } from '../../components/options/GeneralSection';
import { toBackgroundAdmin } from '../../lib/admin-messages';
import { exportBackup } from '../../lib/backup';
import { getDb } from '../../lib/db';
import { pickLocale, t } from '../../lib/i18n';
import { nudgeLogCsv } from '../../lib/nudge-csv';
import { getSetting } from '../../lib/settings';
import { downloadText } from './download';

export function App() {
  const locale = pickLocale(navigator.languages);
  const db = getDb();
  const general = useLiveQuery(async () => ({
    agentName: await getSetting(db, 'agentName'),
    shopNames: await getSetting(db, 'shopNames'),
  }));
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = t(locale, 'options.title');
  }, [locale]);
  const stamp = () => format(Date.now(), 'yyyyMMdd-HHmm');
  // Forms are re-created from stored values after an import or a wipe replaced them.
  const [dataRevision, setDataRevision] = useState(0);

  return (
    <main>
      <h1>{t(locale, 'options.title')}</h1>
      {general && (
        <GeneralSection
          key={dataRevision}
          locale={locale}
          initial={general}
          onSave={(settings) => toBackgroundAdmin.sendMessage('saveGeneralSettings', settings)}
        />
      )}
      <DataSection
        locale={locale}
        tableNames={db.tables.map((table) => table.name)}
        onExportJson={async () => {
          const backup = await exportBackup(db, Date.now());
          downloadText(`paynudge-backup-${stamp()}.json`, JSON.stringify(backup, null, 1), 'application/json');
        }}
        onExportCsv={async () => {
          const [nudges, orders] = await Promise.all([db.nudges.toArray(), db.orders.toArray()]);
          const csv = nudgeLogCsv(nudges, new Map(orders.map((o) => [o.key, o])));
          downloadText(`paynudge-nudges-${stamp()}.csv`, csv, 'text/csv');
        }}
        onImport={async (backup) => {
          const counts = await toBackgroundAdmin.sendMessage('importBackup', backup);
          setDataRevision((n) => n + 1);
          return counts;
        }}
        onWipe={async () => {
          await toBackgroundAdmin.sendMessage('wipeAllData', { confirm: 'DELETE' });
          setDataRevision((n) => n + 1);
        }}
      />
    </main>
  );
}
