import type { OrderStatus } from '../order';

/*
 * Text parsers shared by every adapter. Page text is untrusted: each parser returns undefined for
 * anything it does not fully understand rather than guessing.
 */

function localTime(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Rejects 02-31 and friends, which Date would silently roll over.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date.getTime();
}

const NUMERIC_DATE_TIME =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:T|\s)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ENGLISH_DATE_TIME =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)/i;
const RELATIVE_ENGLISH = /\b(today|yesterday)\s+at\s+(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)/i;

function to24h(hour: number, meridiem: string): number | undefined {
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem.toLowerCase().startsWith('p');
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * A date-time as the platforms show it, read in the browser's local time:
 * `2024-05-18 14:32:07`, `2024/05/18 14:32`, `2024年5月18日 14:32`, `Jul 20 at 4:34pm`,
 * `Jul 20, 2024 at 4:34 pm`, `Today at 9:05am`. Shopify omits the year for this year's orders:
 * a date that would lie in the future belongs to the year before.
 */
export function parseDateTime(text: string, now: number): number | undefined {
  const numeric = NUMERIC_DATE_TIME.exec(text);
  if (numeric) {
    const [, y, mo, d, h, mi, s] = numeric;
    return localTime(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
  }
  const relative = RELATIVE_ENGLISH.exec(text);
  if (relative) {
    const [, day, h, mi, meridiem] = relative;
    const hour = to24h(Number(h), meridiem!);
    if (hour === undefined) return undefined;
    const base = new Date(now);
    if (day!.toLowerCase() === 'yesterday') base.setDate(base.getDate() - 1);
    return localTime(base.getFullYear(), base.getMonth() + 1, base.getDate(), hour, Number(mi), 0);
  }
  const english = ENGLISH_DATE_TIME.exec(text);
  if (english) {
    const [, mon, d, y, h, mi, meridiem] = english;
    const hour = to24h(Number(h), meridiem!);
    if (hour === undefined) return undefined;
    const month = MONTHS.indexOf(mon!.slice(0, 3).toLowerCase()) + 1;
    if (y) return localTime(Number(y), month, Number(d), hour, Number(mi), 0);
    const thisYear = new Date(now).getFullYear();
    const guess = localTime(thisYear, month, Number(d), hour, Number(mi), 0);
    if (guess !== undefined && guess > now + 86_400_000) {
      return localTime(thisYear - 1, month, Number(d), hour, Number(mi), 0);
    }
    return guess;
  }
  return undefined;
}

export interface Money {
  cents: number;
  currency: 'CNY' | 'USD';
}

const MONEY = /([¥￥$])\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;

function toCents(whole: string, fraction: string | undefined): number | undefined {
  const units = Number(whole.replace(/,/g, ''));
  if (!Number.isSafeInteger(units) || units > 1e10) return undefined;
  const frac = fraction ? Number(fraction.padEnd(2, '0')) : 0;
  return units * 100 + frac;
}

/** Every amount with a currency sign in the text, in order. Integer cents: no float drift. */
export function parseMoneyAll(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const cents = toCents(m[2]!, m[3]);
    if (cents !== undefined) out.push({ cents, currency: m[1] === '$' ? 'USD' : 'CNY' });
  }
  return out;
}

export function parseMoney(text: string): Money | undefined {
  return parseMoneyAll(text)[0];
}

/** A bare price such as `128.00` (Taobao's unit price cell shows no sign). */
export function parsePlainAmount(text: string): number | undefined {
  const m = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? toCents(m[1]!, m[2]) : undefined;
}

/** Status words, longest first so that `已发货，待签收` is not read as something shorter. */
const STATUS_WORDS: ReadonlyArray<readonly [string, OrderStatus]> = (
  [
    ['等待买家付款', 'unpaid'],
    ['买家未付款', 'unpaid'],
    ['待付款', 'unpaid'],
    ['待支付', 'unpaid'],
    ['未付款', 'unpaid'],
    ['等待付款', 'unpaid'],
    ['payment pending', 'unpaid'],
    ['pending', 'unpaid'],
    ['买家已付款', 'paid'],
    ['卖家已发货', 'paid'],
    ['交易成功', 'paid'],
    ['待发货', 'paid'],
    ['已发货', 'paid'],
    ['待签收', 'paid'],
    ['已签收', 'paid'],
    ['已支付', 'paid'],
    ['已付款', 'paid'],
    ['备货中', 'paid'],
    ['部分发货', 'paid'],
    ['已完成', 'paid'],
    ['等待出库', 'paid'],
    ['partially paid', 'paid'],
    ['authorized', 'paid'],
    ['paid', 'paid'],
    ['refunded', 'closed'],
    ['交易关闭', 'closed'],
    ['已取消', 'closed'],
    ['订单关闭', 'closed'],
    ['已关闭', 'closed'],
    ['voided', 'closed'],
    ['expired', 'closed'],
    ['cancelled', 'closed'],
    ['canceled', 'closed'],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length);

/** The status a short status text names; `other` when it names none. */
export function statusFromText(text: string): OrderStatus {
  const lower = text.toLowerCase();
  for (const [word, status] of STATUS_WORDS) if (lower.includes(word)) return status;
  return 'other';
}

/** True when the whole text (trimmed) is exactly one known status word. */
export function isStatusWord(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return STATUS_WORDS.some(([word]) => word === lower);
}

export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
