import { useState } from "react";
import { saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import {
  blankTemplate,
  filterEntries,
  type TemplateFilter,
} from "@/components/options/templates/draft";
import { TemplateEditor } from "@/components/options/templates/TemplateEditor";
import { TemplateFilters } from "@/components/options/templates/TemplateFilters";
import { TemplateRow } from "@/components/options/templates/TemplateRow";
import type { TemplateEntry } from "@/lib/db/templates";
import { t, type Locale } from "@/lib/i18n";
import type { TemplateValues } from "@/lib/templates/render";
import type { MessageTemplate } from "@/lib/templates/shipped";

export interface TemplatesSectionProps {
  locale: Locale;
  /** The merged set (lib/db/templates.ts templateEntries): the seller's first, then shipped ones. */
  entries: readonly TemplateEntry[];
  /** Values of a sample order for the live preview, per buyer language. */
  sampleValues: Record<Locale, TemplateValues>;
  onSave(template: MessageTemplate): Promise<void>;
  /** Deletes a custom template, or an edit of a shipped one (restoring it). */
  onDelete(id: string): Promise<void>;
  /** An id for a new template. */
  newId(): string;
}

/** The template list, filtered by scenario and segment, with an editor for one template at a time. */
export function TemplatesSection({
  locale,
  entries,
  sampleValues,
  onSave,
  onDelete,
  newId,
}: TemplatesSectionProps) {
  const [filter, setFilter] = useState<TemplateFilter>({
    scenario: "",
    segment: "",
  });
  const [editing, setEditing] = useState<MessageTemplate | undefined>();
  const [status, setStatus] = useState<Status>({ text: "" });
  const shown = filterEntries(entries, filter);

  const edit = (tpl: MessageTemplate) => {
    setStatus({ text: "" });
    setEditing(tpl);
  };

  async function remove({ template, origin }: TemplateEntry) {
    try {
      await onDelete(template.id);
      if (editing?.id === template.id) setEditing(undefined);
      setStatus({
        text: t(locale, origin === "custom" ? "tpl.deleted" : "tpl.restored"),
      });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  return (
    <section className="section" aria-label={t(locale, "options.templates")}>
      <h2>{t(locale, "options.templates")}</h2>
      <TemplateFilters
        locale={locale}
        filter={filter}
        onFilter={setFilter}
        count={shown.length}
        onNew={() => edit(blankTemplate(newId(), filter, locale))}
      />

      {editing && (
        <TemplateEditor
          key={editing.id}
          locale={locale}
          initial={editing}
          sampleValues={sampleValues}
          onCancel={() => setEditing(undefined)}
          onSave={async (tpl) => {
            await onSave(tpl);
            setEditing(undefined);
            setStatus({ text: t(locale, "tpl.saved") });
          }}
        />
      )}

      {shown.length === 0 ? (
        <p>{t(locale, "tpl.empty")}</p>
      ) : (
        <ul className="templates">
          {shown.map((entry) => (
            <TemplateRow
              key={entry.template.id}
              locale={locale}
              entry={entry}
              onEdit={() => edit({ ...entry.template })}
              onRemove={() => void remove(entry)}
            />
          ))}
        </ul>
      )}
      <StatusLine status={status} />
    </section>
  );
}
