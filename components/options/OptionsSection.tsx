import type { ReactNode } from "react";
import type { SectionId } from "@/components/options/sections";
import { t, type Locale } from "@/lib/i18n";

export interface OptionsSectionProps {
  locale: Locale;
  id: SectionId;
  /** The section holds edits not saved yet. */
  dirty: boolean;
  children: ReactNode;
}

/** One section of the options page: the anchor its link and the address land on, and its marks. */
export function OptionsSection({
  locale,
  id,
  dirty,
  children,
}: OptionsSectionProps) {
  return (
    <section
      id={id}
      className="options-section"
      data-section={id}
      data-dirty={dirty ? "" : undefined}
      tabIndex={-1}
    >
      {dirty && (
        <p className="unsaved" data-testid={`unsaved-${id}`}>
          {t(locale, "options.unsaved")}
        </p>
      )}
      {children}
    </section>
  );
}
