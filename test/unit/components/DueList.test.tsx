import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DueList } from '../../../components/DueList';
import type { StoredOrder } from '../../../lib/order';

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

afterEach(cleanup);

describe('popup due list', () => {
  it('shows a loading state while the database answers', () => {
    render(<DueList orders={undefined} now={NOW} locale="zh" onOpen={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('加载中…');
  });

  it('says so when nothing is due today', () => {
    render(<DueList orders={[]} now={NOW} locale="zh" onOpen={() => undefined} />);
    expect(screen.getByText('今天没有需要催付的订单。')).toBeTruthy();
  });

  it('groups overdue before due, soonest first, with buyer, item, amount and platform', () => {
    const orders = [stored('a', 30), stored('b', -45), stored('c', -5), stored('d', -90)];
    const { container } = render(<DueList orders={orders} now={NOW} locale="zh" onOpen={() => undefined} />);
    const overdue = container.querySelector('[data-group="overdue"]') as HTMLElement;
    const due = container.querySelector('[data-group="due"]') as HTMLElement;
    const ids = (el: HTMLElement) => [...el.querySelectorAll('[data-paynudge-popup-item]')].map((li) => li.getAttribute('data-paynudge-popup-item'));
    expect(ids(overdue)).toEqual(['d', 'b']);
    expect(ids(due)).toEqual(['c', 'a']);
    expect(within(overdue).getByText('已逾期').textContent).toContain('已逾期');
    expect(overdue.querySelector('.count')?.textContent).toBe('2');
    const first = within(overdue).getByText('买家d').closest('li')!;
    expect(first.textContent).toContain('商品d');
    expect(first.textContent).toContain('¥128.00');
    expect(first.textContent).toContain('淘宝/天猫');
    // Due today: the clock time; due on an earlier day: the date too.
    expect(within(due).getByText('买家a').closest('li')!.textContent).toContain('12:30');
  });

  it('shows the date of a nudge that fell due on an earlier day', () => {
    const { container } = render(<DueList orders={[stored('y', -24 * 60)]} now={NOW} locale="zh" onOpen={() => undefined} />);
    expect(container.textContent).toContain('11-22 12:00');
  });

  it('opens the order the agent clicks', () => {
    const onOpen = vi.fn();
    const order = stored('x', -5);
    render(<DueList orders={[order]} now={NOW} locale="en" onOpen={onOpen} />);
    fireEvent.click(screen.getByTitle('Open order page'));
    expect(onOpen).toHaveBeenCalledWith(order);
  });

  it('shows hostile page text as text', () => {
    const { container } = render(
      <DueList orders={[stored('x', -5, { buyer: '<img src=x onerror=alert(1)>' })]} now={NOW} locale="zh" onOpen={() => undefined} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
