import { t, type Locale } from "@/lib/i18n";

/*
 * Numbers as the seller reads them: yuan with the currency sign and thousands separators, rates as
 * percentages, all through Intl in the UI's language (zh-CN by default).
 */

const intlLocale = (locale: Locale) => (locale === "zh" ? "zh-CN" : "en-US");

const money = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: Locale, currency: "CNY" | "USD") {
  const key = `${locale}:${currency}`;
  let f = money.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), {
      style: "currency",
      currency,
    });
    money.set(key, f);
  }
  return f;
}

/** An amount in cents, e.g. ¥1,234.50. */
export function formatMoney(
  locale: Locale,
  cents: number,
  currency: "CNY" | "USD" = "CNY",
): string {
  return moneyFormat(locale, currency).format(cents / 100);
}

/** Both currencies' sums: yuan always, dollars only when there are any. */
export function formatAmounts(
  locale: Locale,
  cents: { CNY: number; USD: number },
): string {
  const yuan = formatMoney(locale, cents.CNY);
  return cents.USD === 0
    ? yuan
    : `${yuan} + ${formatMoney(locale, cents.USD, "USD")}`;
}

/** A count with thousands separators. */
export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** A 0..1 rate as a percentage with one decimal; a dash when there is nothing to divide by. */
export function formatRate(locale: Locale, rate: number | null): string {
  if (rate === null) return "—";
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(rate);
}

/** A duration as days and hours, hours and minutes, or minutes. */
export function formatDuration(locale: Locale, ms: number | null): string {
  if (ms === null) return "—";
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t(locale, "reportPage.durationDays", { d, h });
  if (h > 0) return t(locale, "reportPage.durationHours", { h, m });
  return t(locale, "reportPage.durationMinutes", { m });
}

/** A change with its sign (+3, −2); "0" when nothing moved. */
export function signed(n: number, text: string): string {
  if (n > 0) return `+${text}`;
  if (n < 0) return `−${text.replace(/^[-−]/, "")}`;
  return text;
}

/** A short day for an axis or a table row: 12月7日 / Dec 7. */
export function formatDay(locale: Locale, day: number): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    month: "short",
    day: "numeric",
  }).format(day);
}

/** A whole-yuan amount for a chart's axis: ¥1,235. */
export function formatYuanShort(locale: Locale, yuan: number): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "currency",
    currency: "CNY",
    maximumFractionDigits: 0,
  }).format(yuan);
}
