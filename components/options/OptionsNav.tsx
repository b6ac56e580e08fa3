import {
  SECTION_IDS,
  SECTION_LABELS,
  type SectionId,
} from "@/components/options/sections";
import { t, type Locale } from "@/lib/i18n";

export interface OptionsNavProps {
  locale: Locale;
  /** The section the address names (or the seller chose last). */
  current: SectionId | undefined;
  /** Sections holding edits not saved yet. */
  dirty: readonly SectionId[];
}

/**
 * The page's sections as links to their anchors (`#plan`): ordinary links, so the keyboard, the
 * address and the back button work as on any page; the chosen one is `aria-current`.
 */
export function OptionsNav({ locale, current, dirty }: OptionsNavProps) {
  return (
    <nav className="options-nav" aria-label={t(locale, "options.nav")}>
      <ul>
        {SECTION_IDS.map((id) => (
          <li key={id}>
            <a
              href={`#${id}`}
              data-nav={id}
              aria-current={current === id ? "location" : undefined}
            >
              {t(locale, SECTION_LABELS[id])}
              {dirty.includes(id) && (
                <span className="unsaved-dot">
                  {" "}
                  · {t(locale, "options.unsaved")}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
