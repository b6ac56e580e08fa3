import { t, type Locale } from "@/lib/i18n";
import { renderParts, type TemplateValues } from "@/lib/templates/render";

export interface TemplatePreviewProps {
  locale: Locale;
  body: string;
  /** The sample order's values in the template's language. */
  values: TemplateValues;
  /** The buyer's language the template is written in. */
  templateLocale: Locale;
}

/** The template filled in with the sample order, values it could not fill marked. */
export function TemplatePreview({
  locale,
  body,
  values,
  templateLocale,
}: TemplatePreviewProps) {
  return (
    <div className="preview" aria-label={t(locale, "tpl.preview")}>
      <h4>{t(locale, "tpl.preview")}</h4>
      <p data-testid="tpl-preview">
        {renderParts(body, values, templateLocale).map((part, i) =>
          part.missing ? (
            <mark key={i} data-missing={part.missing}>
              {part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
    </div>
  );
}
