import { endOfDay } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { DueList } from '../../components/DueList';
import { getDb } from '../../lib/db';
import { pickLocale, t } from '../../lib/i18n';
import { openOrderPage } from '../../lib/open-order';
import { dueBy } from '../../lib/orders-repo';

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
  const until = endOfDay(now).getTime();
  const orders = useLiveQuery(() => dueBy(getDb(), until), [until]);
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  return (
    <main>
      <h1>{t(locale, 'popup.title')}</h1>
      <DueList orders={orders} now={now} locale={locale} onOpen={(order) => void openOrderPage(order.pageUrl)} />
    </main>
  );
}
