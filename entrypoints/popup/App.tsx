import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DueList } from '../../components/DueList';
import { getDb } from '../../lib/db';
import { pickLocale, t } from '../../lib/i18n';
import { openOrderPage } from '../../lib/open-order';
import { todayQueue } from '../../lib/queue';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function App() {
  const locale = pickLocale(navigator.languages);
  const now = useNow(30_000);
  const groups = useLiveQuery(() => todayQueue(getDb(), now), [now]);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  const loaded = groups !== undefined;
  useEffect(() => {
    // Read by the popup benchmark (npm run bench): the moment the list first shows real data.
    if (loaded) performance.mark('paynudge:popup-list-ready');
  }, [loaded]);
  return (
    <main>
      <h1>{t(locale, 'popup.title')}</h1>
      <DueList groups={groups} now={now} locale={locale} onOpen={(order) => void openOrderPage(order.pageUrl)} />
    </main>
  );
}
