import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DueList } from '../../../components/DueList';
import type { StoredOrder } from '../../../lib/order';
import type { QueueGroup } from '../../../lib/queue';

const MIN = 60_000;
const NOW = new Date(2026, 10, 23, 12, 0).getTime();

function stored(id: string, dueInMinutes: number, extra: Partial<StoredOrder> = {}): StoredOrder {
  return {
    key: `taobao:${id}`,
    platform: 'taobao',
    orderId: id,
    status: 'unpaid',
    buyer: `买家${id}`,
    amountCents: 12800,
    items: [{ title: `商品${id}` }],
    pageUrl: 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm',
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    nudgeCount: 0,
    nextDueAt: NOW + dueInMinutes * MIN,
    ...extra,
  };
}

const group = (id: QueueGroup['id'], orders: StoredOrder[], count = orders.length): QueueGroup => ({ id, count, orders });
const ids = (el: Element) => [...el.querySelectorAll('[data-paynudge-popup-item]')].map((li) => li.getAttribute('data-paynudge-popup-item'));

afterEach(cleanup);

describe('popup due list', () => {
  it('shows a loading state while the database answers', () => {
    render(<DueList groups={undefined} now={NOW} locale="zh" onOpen={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('加载中…');
  });

  it('says so when nothing is due today', () => {
    render(<DueList groups={[group('overdue', []), group('due', [])]} now={NOW} locale="zh" onOpen={() => undefined} />);
    expect(screen.getByText('今天没有需要催付的订单。')).toBeTruthy();
  });

  it('shows each non-empty group with its count, items in the order given, with buyer, item, amount and platform', () => {
    const groups = [
      group('overdue', [stored('d', -90), stored('b', -45)]),
      group('due', [stored('c', -5)]),
      group('later', [stored('a', 30)]),
      group('done', []),
    ];
    const { container } = render(<DueList groups={groups} now={NOW} locale="zh" onOpen={() => undefined} />);
    expect([...container.querySelectorAll('[data-group]')].map((g) => g.getAttribute('data-group'))).toEqual(['overdue', 'due', 'later']);
    const overdue = container.querySelector('[data-group="overdue"]')!;
    expect(ids(overdue)).toEqual(['d', 'b']);
    expect(overdue.querySelector('h2')?.textContent).toBe('已逾期 2');
    expect(container.querySelector('[data-group="later"] h2')?.textContent).toBe('今天稍后 1');
    const first = within(overdue as HTMLElement).getByText('买家d').closest('li')!;
    expect(first.textContent).toContain('商品d');
    expect(first.textContent).toContain('¥128.00');
    expect(first.textContent).toContain('淘宝/天猫');
    expect(first.getAttribute('data-state')).toBe('overdue');
    // Due today: the clock time and how long ago.
    expect(first.textContent).toContain('10:30 · 1小时30分前');
    expect(within(container.querySelector('[data-group="later"]') as HTMLElement).getByText('买家a').closest('li')!.textContent).toContain('12:30 · 30分后');
  });

  it('shows the date of a nudge that fell due on an earlier day', () => {
    const { container } = render(<DueList groups={[group('overdue', [stored('y', -24 * 60)])]} now={NOW} locale="zh" onOpen={() => undefined} />);
    expect(container.textContent).toContain('11-22 12:00');
  });

  it('counts what a capped group does not show', () => {
    const { container } = render(
      <DueList groups={[group('overdue', [stored('1', -40), stored('2', -41)], 250)]} now={NOW} locale="zh" onOpen={() => undefined} />,
    );
    expect(container.querySelector('[data-group="overdue"] .count')?.textContent).toBe('250');
    expect(screen.getByText('还有 248 个订单未显示，请先处理上面的。')).toBeTruthy();
  });

  it('opens the order the agent clicks', () => {
    const onOpen = vi.fn();
    const order = stored('x', -5);
    render(<DueList groups={[group('due', [order])]} now={NOW} locale="en" onOpen={onOpen} />);
    expect(screen.getByText('Due now')).toBeTruthy();
    fireEvent.click(screen.getByTitle('Open order page'));
    expect(onOpen).toHaveBeenCalledWith(order);
  });

  it('shows hostile page text as text', () => {
    const { container } = render(
      <DueList groups={[group('due', [stored('x', -5, { buyer: '<img src=x onerror=alert(1)>' })])]} now={NOW} locale="zh" onOpen={() => undefined} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
