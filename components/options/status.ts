import { t, type Locale } from "@/lib/i18n";

/** The line under a form: what the last action did, or why it failed. */
export interface Status {
  text: string;
  error?: boolean;
}

/** The status of a save the background refused or never answered. */
export function saveFailed(locale: Locale, error: unknown): Status {
  return {
    text: t(locale, "options.saveFailed", {
      error: error instanceof Error ? error.message : String(error),
    }),
    error: true,
  };
}

/** Names listed in a sentence, as each language separates them. */
export function listText(locale: Locale, names: readonly string[]): string {
  return names.join(t(locale, "list.separator"));
}
