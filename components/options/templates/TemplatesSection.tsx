import { useEffect, useRef, useState } from "react";
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
  /** Whether the open editor holds edits not saved yet, as that changes. */
  onDirty?(dirty: boolean): void;
}

/** How long a deleted template can be put back from its place in the list. */
export const TEMPLATE_UNDO_MS = 8_000;

/** A template just deleted, and where it stood in the list shown. */
interface Removed {
  template: MessageTemplate;
  index: number;
}

/**
 * The template list, filtered by language (the UI's at first), scenario and segment, with an editor
 * for one template at a time; a deleted template can be put back in place for a few seconds.
 */
export function TemplatesSection({
  locale,
  entries,
  sampleValues,
  onSave,
  onDelete,
  newId,
  onDirty,
}: TemplatesSectionProps) {
  const [filter, setFilter] = useState<TemplateFilter>({
    scenario: "",
    segment: "",
    locale,
  });
  const [editing, setEditing] = useState<MessageTemplate | undefined>();
  const [status, setStatus] = useState<Status>({ text: "" });
  const [removed, setRemoved] = useState<Removed | undefined>();
  const undoButton = useRef<HTMLButtonElement>(null);
  const shown = filterEntries(entries, filter);

  // The undo is offered for a while, then the deletion stands. The focus moves to it: the delete
  // button it replaces is gone.
  useEffect(() => {
    if (!removed) return;
    undoButton.current?.focus();
    const timer = setTimeout(() => setRemoved(undefined), TEMPLATE_UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  const edit = (tpl: MessageTemplate) => {
    setStatus({ text: "" });
    setEditing(tpl);
  };

  async function remove({ template, origin }: TemplateEntry, index: number) {
    try {
      await onDelete(template.id);
      if (editing?.id === template.id) setEditing(undefined);
      if (origin === "custom") {
        // Said in place of the row, beside its undo.
        setStatus({ text: "" });
        setRemoved({ template, index });
      } else {
        setStatus({ text: t(locale, "tpl.restored") });
      }
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  /** Puts a deleted template back as it was, through the same save as an edit. */
  async function undo({ template }: Removed) {
    setRemoved(undefined);
    try {
      await onSave(template);
      setStatus({ text: t(locale, "tpl.undone", { name: template.name }) });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  const rows = shown.map((entry, index) => (
    <TemplateRow
      key={entry.template.id}
      locale={locale}
      entry={entry}
      onEdit={() => edit({ ...entry.template })}
      onRemove={() => void remove(entry, index)}
    />
  ));
  if (removed && !shown.some((e) => e.template.id === removed.template.id)) {
    rows.splice(
      Math.min(removed.index, rows.length),
      0,
      <li
        key={`removed-${removed.template.id}`}
        data-removed={removed.template.id}
      >
        <span role="status">
          {t(locale, "tpl.deletedNamed", { name: removed.template.name })}
        </span>{" "}
        <button
          ref={undoButton}
          type="button"
          aria-label={t(locale, "tpl.undoOf", { name: removed.template.name })}
          onClick={() => void undo(removed)}
        >
          {t(locale, "tpl.undo")}
        </button>
      </li>,
    );
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
          onDirty={onDirty}
          onSave={async (tpl) => {
            await onSave(tpl);
            setEditing(undefined);
            setStatus({ text: t(locale, "tpl.saved") });
          }}
        />
      )}

      {rows.length === 0 ? (
        <p>{t(locale, "tpl.empty")}</p>
      ) : (
        <ul className="templates">{rows}</ul>
      )}
      <StatusLine status={status} />
    </section>
  );
}
