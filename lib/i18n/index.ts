import zhWords from "@/locales/zh-CN.json";
import enWords from "@/locales/en.json";

/*
 * The words live in /locales/<language>.json; this module only picks a language and fills in
 * placeholders. Our own loader rather than chrome.i18n (@wxt-dev/i18n): that one follows the
 * browser's UI language, while agents on an English Chrome often list Chinese first among their
 * preferred languages; and a plain import works the same in the order script, the pages, the
 * background and the tests, synchronously.
 */

export type Locale = "zh" | "en";

/** Every message key; zh-CN.json is the reference, the other languages must hold the same keys. */
export type MessageKey = keyof typeof zhWords;

/** Simplified Chinese by default; English when the browser prefers it. */
export function pickLocale(languages: readonly string[] | undefined): Locale {
  for (const lang of languages ?? []) {
    const l = lang.toLowerCase();
    if (l.startsWith("zh")) return "zh";
    if (l.startsWith("en")) return "en";
  }
  return "zh";
}

/**
 * Accepts a language's words only with exactly the reference keys, so a key missing from a
 * language, or one left behind in it, fails the typecheck (and the build) with its name.
 */
function sameKeys<T extends Record<MessageKey, string>>(
  words: T & Record<Exclude<keyof T, MessageKey>, never>,
): Record<MessageKey, string> {
  return words;
}

const dictionaries: Record<Locale, Record<MessageKey, string>> = {
  zh: zhWords,
  en: sameKeys(enWords),
};

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhWords, key);
}

export function t(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return dictionaries[locale][key].replace(
    /\{(\w+)\}/g,
    (whole, name: string) => (name in params ? String(params[name]) : whole),
  );
}

/** One message in every language, for tables that are read as `label[locale]`. */
export function inEveryLocale(key: MessageKey): Record<Locale, string> {
  return { zh: dictionaries.zh[key], en: dictionaries.en[key] };
}
