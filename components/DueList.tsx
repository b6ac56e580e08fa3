import { isSameDay } from 'date-fns';
import { t, type Locale, type MessageKey } from '../lib/i18n';
import { nudgeState } from '../lib/nudge-state';
import { formatAmount, itemSummary, type StoredOrder } from '../lib/order';
import type { QueueGroup } from '../lib/queue';
import { formatClock, formatOrderTime, formatSpan } from '../lib/time-format';

export interface DueListProps {
  /** `undefined` while loading. */
  groups: readonly QueueGroup[] | undefined;
  now: number;
  locale: Locale;
  onOpen(order: StoredOrder): void;
}

const GROUP_TITLES: Record<QueueGroup['id'], MessageKey> = {
  overdue: 'popup.overdue',
  due: 'popup.due',
  later: 'popup.later',
  done: 'popup.done',
};

function DueItem({ order, now, locale, onOpen }: { order: StoredOrder; now: number; locale: Locale; onOpen(o: StoredOrder): void }) {
  const state = nudgeState(order, now);
  const due = order.nextDueAt;
  const when =
    due === undefined
      ? t(locale, `state.${state}`)
      : `${isSameDay(due, now) ? formatClock(due) : formatOrderTime(due)} · ${
          now < due ? t(locale, 'badge.in', { t: formatSpan(due - now, locale) }) : t(locale, 'badge.ago', { t: formatSpan(now - due, locale) })
        }`;
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
          <span className="due">{when}</span>
        </span>
      </button>
    </li>
  );
}

/** The day's queue in groups, soonest first. Renders from props only. */
export function DueList({ groups, now, locale, onOpen }: DueListProps) {
  if (groups === undefined) return <p className="status" role="status">{t(locale, 'popup.loading')}</p>;
  const shown = groups.filter((g) => g.count > 0);
  if (!shown.length) return <p className="status empty">{t(locale, 'popup.empty')}</p>;
  return (
    <>
      {shown.map((group) => (
        <section className="group" data-group={group.id} key={group.id}>
          <h2>
            {t(locale, GROUP_TITLES[group.id])} <span className="count">{group.count}</span>
          </h2>
          <ul>
            {group.orders.map((order) => (
              <DueItem key={order.key} order={order} now={now} locale={locale} onOpen={onOpen} />
            ))}
          </ul>
          {group.count > group.orders.length && (
            <p className="more">{t(locale, 'popup.more', { n: group.count - group.orders.length })}</p>
          )}
        </section>
      ))}
    </>
  );
}
