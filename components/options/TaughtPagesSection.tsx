import { format } from "date-fns";
import { useEffect, useState } from "react";
import { listText, saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import { TaughtReaderEditor } from "@/components/options/TaughtReaderEditor";
import { t, type Locale } from "@/lib/i18n";
import type { TaughtPageRequest } from "@/lib/messaging/settings-requests";
import { pageKey, type TaughtReader } from "@/lib/model/taught-reader";

/** How long a removed page can be put back from its line. */
export const UNDO_MS = 10_000;

export interface TaughtPagesSectionProps {
  locale: Locale;
  /** The stored readers (the `taughtReaders` setting). */
  readers: readonly TaughtReader[];
  /** Stores a reader in place of the one taught on its page (`saveTaughtReader`). */
  onSave(reader: TaughtReader): Promise<void>;
  /** Forgets a taught page (`deleteTaughtReader`). */
  onDelete(page: TaughtPageRequest): Promise<void>;
  /** Whether the open editor holds edits not saved yet, as that changes. */
  onDirty?(dirty: boolean): void;
}

/** The page as the seller opens it; a local test shop is served without TLS. */
function pageHref({ host, path }: TaughtReader): string {
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);
  return `${local ? "http" : "https"}://${host}${path}`;
}

/**
 * The pages the seller taught PayNudge to read (issue 14): each with when it was taught and the
 * words it counts as unpaid, to edit or remove; removing can be undone for a few seconds.
 */
export function TaughtPagesSection({
  locale,
  readers,
  onSave,
  onDelete,
  onDirty,
}: TaughtPagesSectionProps) {
  const [editing, setEditing] = useState<string | undefined>();
  const [removed, setRemoved] = useState<TaughtReader | undefined>();
  const [status, setStatus] = useState<Status>({ text: "" });
  const shown = [...readers].sort((a, b) =>
    pageKey(a).localeCompare(pageKey(b)),
  );

  // The undo is offered for a while, then the removal stands.
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  async function remove(reader: TaughtReader) {
    setStatus({ text: "" });
    try {
      await onDelete({ host: reader.host, path: reader.path });
      if (editing === pageKey(reader)) setEditing(undefined);
      setRemoved(reader);
      setStatus({
        text: t(locale, "taught.options.removed", { page: pageKey(reader) }),
      });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  async function undo(reader: TaughtReader) {
    setRemoved(undefined);
    try {
      await onSave(reader);
      setStatus({
        text: t(locale, "taught.options.restored", { page: pageKey(reader) }),
      });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  return (
    <section className="section" aria-label={t(locale, "taught.options.title")}>
      <h2>{t(locale, "taught.options.title")}</h2>
      {shown.length === 0 ? (
        <p data-testid="taught-empty">{t(locale, "taught.options.empty")}</p>
      ) : (
        <>
          <p className="hint">{t(locale, "taught.options.hint")}</p>
          <ul className="templates">
            {shown.map((reader) => {
              const key = pageKey(reader);
              return (
                <li key={key} data-taught-page={key}>
                  <div className="template-head">
                    <a
                      href={pageHref(reader)}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {key}
                    </a>
                    <span className="tag">
                      {t(locale, "taught.options.taughtAt", {
                        time: format(reader.taughtAt, "yyyy-MM-dd HH:mm"),
                      })}
                    </span>
                  </div>
                  <p className="template-body">
                    {reader.unpaidWords.length > 0
                      ? t(locale, "taught.options.wordsShown", {
                          words: listText(locale, reader.unpaidWords),
                        })
                      : t(locale, "taught.options.noWords")}
                  </p>
                  {editing === key ? (
                    <TaughtReaderEditor
                      locale={locale}
                      initial={reader}
                      onCancel={() => setEditing(undefined)}
                      onDirty={onDirty}
                      onSave={async (edited) => {
                        await onSave(edited);
                        setEditing(undefined);
                        setStatus({
                          text: t(locale, "taught.options.saved", {
                            page: key,
                          }),
                        });
                      }}
                    />
                  ) : (
                    <div className="actions">
                      <button
                        type="button"
                        aria-label={t(locale, "taught.options.editOf", {
                          page: key,
                        })}
                        onClick={() => {
                          setStatus({ text: "" });
                          setEditing(key);
                        }}
                      >
                        {t(locale, "taught.options.edit")}
                      </button>
                      <button
                        type="button"
                        className="danger-button"
                        aria-label={t(locale, "taught.options.removeOf", {
                          page: key,
                        })}
                        onClick={() => void remove(reader)}
                      >
                        {t(locale, "taught.options.remove")}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <StatusLine status={status} />
      {removed && (
        <button
          type="button"
          aria-label={t(locale, "taught.options.undoOf", {
            page: pageKey(removed),
          })}
          onClick={() => void undo(removed)}
        >
          {t(locale, "taught.options.undo")}
        </button>
      )}
    </section>
  );
}
