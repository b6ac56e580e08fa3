import type { OrderStatus } from "@/lib/model/order";

/*
 * Text parsers shared by every adapter. Page text is untrusted: each parser returns undefined for
 * anything it does not fully understand rather than guessing.
 */

function localTime(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
    return undefined;
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Rejects 02-31 and friends, which Date would silently roll over.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date.getTime();
}

const NUMERIC_DATE_TIME =
  /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:T|\s)\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/;

const MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
];
const ENGLISH_DATE_TIME =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s*(?:at\s+)?(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)/i;
const RELATIVE_ENGLISH =
  /\b(today|yesterday)\s+at\s+(\d{1,2}):(\d{2})\s*([ap]\.?m\.?)/i;
/**
 * Chinese and Japanese admin dates (Shopify's zh-CN, zh-TW and ja admins, as the browsers' Intl
 * formats them): `12月6日 14:03`, `12月6日 下午2:03`, `2026年12月6日 下午2:03`, `12月6日(日) 14:03`;
 * 上午/下午 (zh) and 午前/午後 (ja, whose 12-hour clock runs 0–11) name the half of the day.
 */
const CJK_DATE_TIME =
  /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:[(（][^)）]{1,3}[)）])?\s*(上午|下午|午前|午後)?\s*(\d{1,2}):(\d{2})/;
const RELATIVE_CJK =
  /(今天|昨天|今日|昨日)\s*(上午|下午|午前|午後)?\s*(\d{1,2}):(\d{2})/;

function to24h(hour: number, meridiem: string): number | undefined {
  if (hour < 1 || hour > 12) return undefined;
  const pm = meridiem.toLowerCase().startsWith("p");
  return (hour % 12) + (pm ? 12 : 0);
}

/** A clock hour after 上午/下午/午前/午後: 0–12 (zh-TW's 12-hour clock and ja's 0–11 both fit). */
function cjk24h(hour: number, half: string | undefined): number | undefined {
  if (!half) return hour <= 23 ? hour : undefined;
  if (hour > 12) return undefined;
  return (hour % 12) + (half === "下午" || half === "午後" ? 12 : 0);
}

/** A month and day shown without the year: this year's, unless that lies ahead (then last year's). */
function yearless(
  now: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
): number | undefined {
  const thisYear = new Date(now).getFullYear();
  const guess = localTime(thisYear, mo, d, h, mi, 0);
  if (guess !== undefined && guess > now + 86_400_000)
    return localTime(thisYear - 1, mo, d, h, mi, 0);
  return guess;
}

/** Today's or yesterday's date at a clock time. */
function onDay(
  now: number,
  yesterday: boolean,
  h: number,
  mi: number,
): number | undefined {
  const base = new Date(now);
  if (yesterday) base.setDate(base.getDate() - 1);
  return localTime(
    base.getFullYear(),
    base.getMonth() + 1,
    base.getDate(),
    h,
    mi,
    0,
  );
}

/**
 * A date-time as the platforms show it, read in the browser's local time:
 * `2024-05-18 14:32:07`, `2024/05/18 14:32`, `2024年5月18日 14:32`, `Jul 20 at 4:34pm`,
 * `Jul 20, 2024 at 4:34 pm`, `Today at 9:05am`, `12月6日 下午2:03`, `今天 14:03`. Shopify omits the
 * year for this year's orders: a date that would lie in the future belongs to the year before.
 */
export function parseDateTime(text: string, now: number): number | undefined {
  const numeric = NUMERIC_DATE_TIME.exec(text);
  if (numeric) {
    const [, y, mo, d, h, mi, s] = numeric;
    return localTime(
      Number(y),
      Number(mo),
      Number(d),
      Number(h),
      Number(mi),
      Number(s ?? 0),
    );
  }
  const relative = RELATIVE_ENGLISH.exec(text);
  if (relative) {
    const [, day, h, mi, meridiem] = relative;
    const hour = to24h(Number(h), meridiem!);
    if (hour === undefined) return undefined;
    return onDay(now, day!.toLowerCase() === "yesterday", hour, Number(mi));
  }
  const cjk = CJK_DATE_TIME.exec(text);
  if (cjk) {
    const [, y, mo, d, half, h, mi] = cjk;
    const hour = cjk24h(Number(h), half);
    if (hour === undefined) return undefined;
    return y
      ? localTime(Number(y), Number(mo), Number(d), hour, Number(mi), 0)
      : yearless(now, Number(mo), Number(d), hour, Number(mi));
  }
  const cjkRelative = RELATIVE_CJK.exec(text);
  if (cjkRelative) {
    const [, day, half, h, mi] = cjkRelative;
    const hour = cjk24h(Number(h), half);
    if (hour === undefined) return undefined;
    return onDay(now, day === "昨天" || day === "昨日", hour, Number(mi));
  }
  const english = ENGLISH_DATE_TIME.exec(text);
  if (english) {
    const [, mon, d, y, h, mi, meridiem] = english;
    const hour = to24h(Number(h), meridiem!);
    if (hour === undefined) return undefined;
    const month = MONTHS.indexOf(mon!.slice(0, 3).toLowerCase()) + 1;
    if (y) return localTime(Number(y), month, Number(d), hour, Number(mi), 0);
    return yearless(now, month, Number(d), hour, Number(mi));
  }
  return undefined;
}

export interface Money {
  cents: number;
  currency: "CNY" | "USD";
}

/*
 * A sign, then the amount. `US$` is dollars and `CN¥` yuan in every language; a sign right after
 * another currency's letters (`NT$`, `HK$`, `CA$`, `JP¥`: Intl's forms in the zh-TW, zh-CN and ja
 * admins) is not ours to read: no amount beats a wrong currency.
 */
const MONEY =
  /(US\$|CN[¥￥]|(?<![A-Z])[¥￥$])\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?/g;

function toCents(
  whole: string,
  fraction: string | undefined,
): number | undefined {
  const units = Number(whole.replace(/,/g, ""));
  if (!Number.isSafeInteger(units) || units > 1e10) return undefined;
  const frac = fraction ? Number(fraction.padEnd(2, "0")) : 0;
  return units * 100 + frac;
}

interface MoneyOptions {
  /**
   * Whether a bare ¥/￥ is yuan (the default: the Chinese platforms). In a Japanese interface it is
   * yen, which PayNudge does not keep: such amounts are left out.
   */
  bareYenIsYuan?: boolean;
}

/** Every amount with a currency sign in the text, in order. Integer cents: no float drift. */
export function parseMoneyAll(
  text: string,
  { bareYenIsYuan = true }: MoneyOptions = {},
): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
    const sign = m[1]!;
    const dollars = sign.endsWith("$");
    if (!dollars && !bareYenIsYuan && !sign.startsWith("CN")) continue;
    const cents = toCents(m[2]!, m[3]);
    if (cents !== undefined)
      out.push({ cents, currency: dollars ? "USD" : "CNY" });
  }
  return out;
}

export function parseMoney(
  text: string,
  options?: MoneyOptions,
): Money | undefined {
  return parseMoneyAll(text, options)[0];
}

/** A bare price such as `128.00` (Taobao's unit price cell shows no sign). */
export function parsePlainAmount(text: string): number | undefined {
  const m = /^\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
  return m ? toCents(m[1]!, m[2]) : undefined;
}

/** Status words and what each means; matched case-insensitively. */
export type StatusWords = ReadonlyArray<readonly [string, OrderStatus]>;

/** A word list, lower-cased and longest first so that `已发货，待签收` is not read as something shorter. */
export function longestFirst(words: StatusWords): StatusWords {
  return words
    .map(([word, status]) => [word.toLowerCase(), status] as const)
    .toSorted((a, b) => b[0].length - a[0].length);
}

/**
 * The status a short status text names by one of `words` (from longestFirst): the whole text
 * first, else the longest word it contains; `other` when it names none.
 */
export function statusFromWords(text: string, words: StatusWords): OrderStatus {
  const lower = text.trim().toLowerCase();
  for (const [word, status] of words) if (word === lower) return status;
  for (const [word, status] of words) if (lower.includes(word)) return status;
  return "other";
}

/** Status words of the platforms, longest first. */
const STATUS_WORDS: StatusWords = longestFirst([
  ["等待买家付款", "unpaid"],
  ["买家未付款", "unpaid"],
  ["待付款", "unpaid"],
  ["待支付", "unpaid"],
  ["未付款", "unpaid"],
  ["等待付款", "unpaid"],
  ["payment pending", "unpaid"],
  ["pending", "unpaid"],
  // Without it "Unpaid" would read as the "paid" it contains.
  ["unpaid", "unpaid"],
  ["买家已付款", "paid"],
  ["卖家已发货", "paid"],
  ["交易成功", "paid"],
  ["待发货", "paid"],
  ["已发货", "paid"],
  ["待签收", "paid"],
  ["已签收", "paid"],
  ["已支付", "paid"],
  ["已付款", "paid"],
  ["备货中", "paid"],
  ["部分发货", "paid"],
  ["已完成", "paid"],
  ["等待出库", "paid"],
  ["等待发货", "paid"],
  ["等待确认收货", "paid"],
  ["已发货，待签收", "paid"],
  ["partially refunded", "paid"],
  ["partially paid", "paid"],
  ["authorized", "paid"],
  ["paid", "paid"],
  ["refunded", "closed"],
  ["交易关闭", "closed"],
  ["已取消", "closed"],
  ["订单关闭", "closed"],
  ["已关闭", "closed"],
  ["voided", "closed"],
  ["expired", "closed"],
  ["cancelled", "closed"],
  ["canceled", "closed"],
] as const);

/** The status a short status text names; `other` when it names none. */
export function statusFromText(text: string): OrderStatus {
  return statusFromWords(text, STATUS_WORDS);
}

/** True when the whole text (trimmed) is exactly one known status word. */
export function isStatusWord(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return STATUS_WORDS.some(([word]) => word === lower);
}

export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/*
 * ---- Additions for the other platforms (issue 3) ----
 */

/** Local midnight of a `YYMMDD` day, when it is a real date. */
function dayStart(yy: number, mm: number, dd: number): number | undefined {
  return localTime(2000 + yy, mm, dd, 0, 0, 0);
}

/** PDD order numbers look like `240518-123456789012345`: the first six digits are YYMMDD. */
const PDD_ORDER_ID = /^(\d{2})(\d{2})(\d{2})-\d{15,}$/;

/** Local midnight of the day a Pinduoduo order number names, or undefined for any other shape. */
export function dateFromPddOrderId(orderId: string): number | undefined {
  const m = PDD_ORDER_ID.exec(orderId.trim());
  return m ? dayStart(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A bare clock time `14:32` or `14:32:07` as [h, m, s], when the text holds one and nothing else of note. */
function parseClock(text: string): [number, number, number] | undefined {
  const m = /(?:^|[^\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])/.exec(text);
  if (!m) return undefined;
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  return h <= 23 && mi <= 59 && s <= 59 ? [h, mi, s] : undefined;
}

/**
 * When a Pinduoduo order was placed: the date-time the row shows; else the order number's day with
 * a bare clock time the row shows; else the order number's day itself when it is before today
 * (a lower bound). An order of today with no time shown stays unknown (first seen stands in).
 */
export function pddCreatedAt(
  orderId: string,
  rowText: string,
  now: number,
): number | undefined {
  const shown = parseDateTime(rowText, now);
  if (shown !== undefined) return shown;
  const day = dateFromPddOrderId(orderId);
  if (day === undefined) return undefined;
  const clock = parseClock(rowText);
  if (clock) {
    const d = new Date(day);
    return localTime(d.getFullYear(), d.getMonth() + 1, d.getDate(), ...clock);
  }
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  return day < today.getTime() ? day : undefined;
}

/** An amount in fen (integer hundredths of a yuan) as the platforms' APIs and data attributes carry it. */
export function parseFen(
  text: string | number | null | undefined,
): number | undefined {
  const value = typeof text === "number" ? String(text) : (text ?? "").trim();
  if (!/^\d{1,13}$/.test(value)) return undefined;
  const fen = Number(value);
  return Number.isSafeInteger(fen) ? fen : undefined;
}

const LEFT_UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/(\d{1,3})\s*天/, 86_400_000],
  [/(\d{1,3})\s*(?:小时|时)/, 3_600_000],
  [/(\d{1,3})\s*分(?:钟)?/, 60_000],
  [/(\d{1,3})\s*秒/, 1000],
];

/**
 * The time left before the platform closes an unpaid order, as pages show it:
 * `剩余2天23小时59分自动关闭`, `还剩 23:59:59`, `29分59秒后订单将自动关闭`, `剩余付款时间 00:29:59`.
 * Milliseconds, or undefined when the text shows no countdown.
 */
export function parseTimeLeft(text: string): number | undefined {
  const m =
    /(?:剩余|还剩|倒计时)[^\d]{0,8}([\d\s天小时分钟秒:：]{1,40})|([\d\s天小时分钟秒]{2,40})后?\s*(?:订单将|将|会)?\s*自动(?:关闭|取消)/.exec(
      text,
    );
  if (!m) return undefined;
  const span = (m[1] ?? m[2] ?? "").trim();
  const clock = /^(\d{1,3})[:：](\d{2})(?:[:：](\d{2}))?$/.exec(span);
  if (clock) {
    const [h, mi, s] = [
      Number(clock[1]),
      Number(clock[2]),
      Number(clock[3] ?? 0),
    ];
    if (mi > 59 || s > 59) return undefined;
    return clock[3] === undefined
      ? (h * 60 + mi) * 60_000
      : ((h * 60 + mi) * 60 + s) * 1000;
  }
  let total = 0;
  let any = false;
  for (const [re, unit] of LEFT_UNITS) {
    const u = re.exec(span);
    if (u) {
      total += Number(u[1]) * unit;
      any = true;
    }
  }
  return any ? total : undefined;
}

/** The auto-close moment, rounded to the minute so that a ticking countdown reads as one deadline. */
export function closesAtFrom(text: string, now: number): number | undefined {
  const left = parseTimeLeft(text);
  return left === undefined
    ? undefined
    : Math.round((now + left) / 60_000) * 60_000;
}

/** Flag colours as the platforms number them: 0 none, 1 red, 2 yellow, 3 green, 4 blue, 5 pink, 6 purple. */
const FLAG_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/red|红/i, 1],
  [/yellow|黄/i, 2],
  [/green|绿/i, 3],
  [/blue|蓝/i, 4],
  [/pink|粉/i, 5],
  [/purple|紫/i, 6],
  [/grey|gray|灰|none/i, 0],
];

/**
 * A flag colour named by an element's class, image name, alt or title text (`flag-purple`,
 * `flag_3.png`, `紫旗`). Undefined when it names none.
 */
export function flagFromText(text: string): number | undefined {
  const numbered = /flag[_-]?(\d)\b/i.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    return n <= 6 ? n : undefined;
  }
  for (const [re, n] of FLAG_WORDS) if (re.test(text)) return n;
  return undefined;
}

/**
 * The text after a label and a colon (`下单时间：…`, `买家：…`, `备注: …`) up to `max` characters.
 * A label without a colon (a button such as "添加备注") never counts.
 */
export function afterLabel(
  text: string,
  labels: readonly string[],
  max = 60,
): string | undefined {
  for (const label of labels) {
    let at = text.indexOf(label);
    while (at >= 0) {
      const rest = text.slice(at + label.length, at + label.length + max + 8);
      const m = /^\s*[：:]\s*/.exec(rest);
      if (m) {
        const value = rest.slice(m[0].length).slice(0, max).trim();
        if (value) return value;
      }
      at = text.indexOf(label, at + label.length);
    }
  }
  return undefined;
}

const TOTAL_LABEL =
  /(?:实收款|实付款|实付|应付金额|应付|订单金额|订单总额|支付金额|实收金额|Total)[^¥￥$\d]{0,8}([¥￥$]\s*[\d,]+(?:\.\d{1,2})?)/i;

/** Order totals are labelled; a labelled amount wins, else the largest amount of the text. */
export function orderTotal(text: string): Money | undefined {
  const labelled = TOTAL_LABEL.exec(text);
  const fromLabel = labelled ? parseMoney(labelled[1]!) : undefined;
  if (fromLabel) return fromLabel;
  const all = parseMoneyAll(text);
  if (!all.length) return undefined;
  return all.reduce((a, b) => (b.cents > a.cents ? b : a));
}
