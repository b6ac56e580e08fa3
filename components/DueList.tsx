import { t, type Locale } from '../lib/i18n';
import { nudgeState } from '../lib/nudge-state';
import { formatAmount, itemSummary, type StoredOrder } from '../lib/order';
import { isSameDay } from 'date-fns';
import { formatClock, formatOrderTime, formatSpan } from '../lib/time-format';

export interface DueListProps {
  /** `undefined` while loading. */
  orders: readonly StoredOrder[] | undefined;
  now: number;
  locale: Locale;
  onOpen(order: StoredOrder): void;
}

function DueItem({ order, now, locale, onOpen }: { order: StoredOrder; now: number; locale: Locale; onOpen(o: StoredOrder): void }) {
  const state = nudgeState(order, now);
  const due = order.nextDueAt ?? now;
  const when = now < due ? t(locale, 'badge.in', { t: formatSpan(due - now, locale) }) : t(locale, 'badge.ago', { t: formatSpan(now - due, locale) });
  return (
    <li className={`due-item ${state}`} data-paynudge-popup-item={order.orderId} data-state={state}>
      <button type="button" className="open" onClick={() => onOpen(order)} title={t(locale, 'popup.open')}>
        <span className="line1">
          <strong className="buyer">{order.buyer ?? t(locale, 'unknown.buyer')}</strong>
          <span className="amount">{formatAmount(order.amountCents, order.currency) ?? ''}</span>
        </span>
        <span className="line2">
          <span className="item">{itemSummary(order.items, locale) ?? t(locale, 'unknown.item')}</span>
        </span>
        <span className="line3">
          <span className="platform">{t(locale, `platform.${order.platform}`)}</span>
          <span className="due">
            {isSameDay(due, now) ? formatClock(due) : formatOrderTime(due)} · {when}
          </span>
        </span>
      </button>
    </li>
  );
}

/** Today's due and overdue nudges, soonest first, grouped. Renders from props only. */
export function DueList({ orders, now, locale, onOpen }: DueListProps) {
  if (orders === undefined) return <p className="status" role="status">{t(locale, 'popup.loading')}</p>;
  if (!orders.length) return <p className="status empty">{t(locale, 'popup.empty')}</p>;
  const sorted = [...orders].sort((a, b) => (a.nextDueAt ?? 0) - (b.nextDueAt ?? 0));
  const overdue = sorted.filter((o) => nudgeState(o, now) === 'overdue');
  const rest = sorted.filter((o) => nudgeState(o, now) !== 'overdue');
  const group = (title: string, list: StoredOrder[], id: string) =>
    list.length ? (
      <section className="group" data-group={id}>
        <h2>
          {title} <span className="count">{list.length}</span>
        </h2>
        <ul>
          {list.map((order) => (
            <DueItem key={order.key} order={order} now={now} locale={locale} onOpen={onOpen} />
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <>
      {group(t(locale, 'popup.overdue'), overdue, 'overdue')}
      {group(t(locale, 'popup.due'), rest, 'due')}
    </>
  );
}
