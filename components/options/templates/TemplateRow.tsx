import { shownParts } from "@/components/options/templates/variable-names";
import type { TemplateEntry } from "@/lib/db/templates";
import { t, type Locale } from "@/lib/i18n";

export interface TemplateRowProps {
  locale: Locale;
  entry: TemplateEntry;
  onEdit(): void;
  /** Deletes a seller's template, or restores a shipped one they edited. */
  onRemove(): void;
}

/** One template in the list: its name, tags, text, and what the seller can do with it. */
export function TemplateRow({
  locale,
  entry: { template: tpl, origin },
  onEdit,
  onRemove,
}: TemplateRowProps) {
  return (
    <li data-template={tpl.id} data-origin={origin}>
      <div className="template-head">
        <strong>{tpl.name}</strong>
        <span className="tag">{t(locale, `scenario.${tpl.scenario}`)}</span>
        <span className="tag">{t(locale, `segment.${tpl.segment}`)}</span>
        <span className="tag">{t(locale, `channel.${tpl.channel}`)}</span>
        <span className="tag">{t(locale, `locale.${tpl.locale}`)}</span>
        <span className={`tag origin-${origin}`}>
          {t(locale, `tpl.origin.${origin}`)}
        </span>
      </div>
      {/* Variables by their names in the UI's language, not the stored keys. */}
      <p className="template-body">
        {shownParts(tpl.body, locale).map((part, i) =>
          part.variable ? (
            <span key={i} className="var" data-var={part.variable}>
              {part.text}
            </span>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      <div className="actions">
        <button type="button" onClick={onEdit}>
          {t(locale, "tpl.edit")}
        </button>
        {/* Shipped wording cannot be deleted, only overridden and restored. */}
        {origin !== "default" && (
          <button
            type="button"
            className={origin === "custom" ? "danger-button" : undefined}
            onClick={onRemove}
          >
            {t(locale, origin === "custom" ? "tpl.delete" : "tpl.restore")}
          </button>
        )}
      </div>
    </li>
  );
}
