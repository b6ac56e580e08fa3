import { useEffect, useState } from "react";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import {
  finishTeachingIn,
  startTeachingIn,
  teachingIn,
  type FrameTeaching,
} from "@/lib/browser-tabs/page-teaching";
import { toBackground } from "@/lib/messaging/messengers";
import type { OrderStatus } from "@/lib/model/order";
import { unpaidCount, type TeachDraft } from "@/lib/model/teaching";
import { TAUGHT_WORD_MAX } from "@/lib/model/taught-reader";

/*
 * Teaching the page, from the popup: the seller starts it here, clicks on the page, and comes back
 * to see what the derived reader would read before saving it. Saving happens here, from the
 * extension's own page: the order page can show a reader but never store one.
 */

const STATUS_WORDS: Readonly<Record<OrderStatus, MessageKey>> = {
  unpaid: "teach.popup.status.unpaid",
  paid: "teach.popup.status.paid",
  closed: "teach.popup.status.closed",
  other: "teach.popup.status.other",
};

/**
 * Starts teaching on the page, then gets out of the way: a real popup closes (the seller clicks on
 * the page); one open in a tab of its own (`?tab=`) stays.
 */
export async function startTeaching(
  tabId: number | undefined,
  frameId: number,
): Promise<boolean> {
  // One frame at a time: another frame's bar left on the page would take clicks meant for this one.
  await finishTeachingIn(tabId);
  const started = await startTeachingIn(tabId, frameId);
  if (started && tabId === undefined) window.close();
  return started;
}

function DraftView({
  draft,
  locale,
  tabId,
  frameId,
  onDone,
}: {
  draft: TeachDraft;
  locale: Locale;
  tabId?: number;
  frameId: number;
  onDone(saved: boolean): void;
}) {
  const { reader, preview } = draft;
  const [words, setWords] = useState<string[]>([]);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const unpaid = unpaidCount(preview, words);
  // A status PayNudge knows no word for may be this page's "waiting for payment".
  const unknown = preview.statuses.filter(
    (s) =>
      s.status === "other" &&
      s.text.length >= 1 &&
      s.text.length <= TAUGHT_WORD_MAX,
  );

  async function save() {
    setSaving(true);
    setFailed(false);
    try {
      await toBackground.sendMessage("saveTaughtReader", {
        ...reader,
        unpaidWords: words,
      });
      await finishTeachingIn(tabId);
      onDone(true);
    } catch (error) {
      console.error("PayNudge: saving the taught reader failed", error);
      setFailed(true);
    } finally {
      setSaving(false);
    }
  }

  async function giveUp() {
    await finishTeachingIn(tabId);
    onDone(false);
  }

  return (
    <section className="teach-draft" aria-labelledby="teach-draft-title">
      <h2 id="teach-draft-title">{t(locale, "teach.popup.draftTitle")}</h2>
      <p className="teach-page">{`${reader.host}${reader.path}`}</p>
      <p
        className="teach-counts"
        data-orders={preview.orders}
        data-unpaid={unpaid}
      >
        {t(locale, "teach.popup.counts", {
          rows: preview.rows,
          orders: preview.orders,
          unpaid,
        })}
      </p>
      {preview.orders < 2 && (
        <p className="teach-warning" role="alert">
          {t(locale, "teach.popup.fewRows")}
        </p>
      )}
      {unknown.length > 0 && (
        <fieldset className="teach-words">
          <legend>{t(locale, "teach.popup.wordsLegend")}</legend>
          {unknown.map((status) => (
            <label key={status.text}>
              <input
                type="checkbox"
                checked={words.includes(status.text)}
                onChange={(event) =>
                  setWords((now) =>
                    event.target.checked
                      ? [...now, status.text]
                      : now.filter((word) => word !== status.text),
                  )
                }
              />{" "}
              {t(locale, "teach.popup.wordCount", {
                word: status.text,
                n: status.count,
              })}
            </label>
          ))}
        </fieldset>
      )}
      <table className="teach-samples">
        <caption>{t(locale, "teach.popup.samples")}</caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, "teach.popup.orderId")}</th>
            <th scope="col">{t(locale, "teach.popup.status")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.samples.map((sample) => {
            const status =
              sample.status === "other" && words.includes(sample.statusText)
                ? "unpaid"
                : sample.status;
            return (
              <tr key={sample.orderId} data-status={status}>
                <td>{sample.orderId}</td>
                <td>
                  {sample.statusText}
                  {" · "}
                  {t(locale, STATUS_WORDS[status])}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {failed && (
        <p className="teach-failed" role="alert">
          {t(locale, "teach.popup.saveFailed")}
        </p>
      )}
      <div className="teach-actions">
        <button
          type="button"
          data-action="save-taught"
          disabled={saving || preview.orders === 0}
          onClick={() => void save()}
        >
          {t(locale, "teach.popup.save")}
        </button>
        <button
          type="button"
          data-action="teach-again"
          onClick={() => void startTeaching(tabId, frameId)}
        >
          {t(locale, "teach.restart")}
        </button>
        <button
          type="button"
          data-action="teach-give-up"
          onClick={() => void giveUp()}
        >
          {t(locale, "teach.popup.giveUp")}
        </button>
      </div>
    </section>
  );
}

/**
 * Shown at the top of the popup while the tab's page is being taught: how far it went, and once a
 * reader is derived, what it would read, with save. Nothing otherwise.
 */
export function TeachPageView({
  locale,
  tabId,
}: {
  locale: Locale;
  tabId?: number;
}) {
  const [teaching, setTeaching] = useState<FrameTeaching | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    teachingIn(tabId).then(setTeaching, () => setTeaching(null));
  }, [tabId]);

  if (saved)
    return (
      <p className="teach-saved" role="status">
        {t(locale, "teach.popup.saved")}
      </p>
    );
  if (!teaching) return null;
  const { state, frameId } = teaching;
  if (state.step !== "done" || !state.draft)
    return (
      <section className="teach-draft" data-step={state.step}>
        <h2>{t(locale, "teach.title")}</h2>
        <p>{t(locale, "teach.popup.inProgress")}</p>
        <button
          type="button"
          data-action="teach-give-up"
          onClick={() =>
            void finishTeachingIn(tabId).then(() => setTeaching(null))
          }
        >
          {t(locale, "teach.popup.giveUp")}
        </button>
      </section>
    );
  return (
    <DraftView
      draft={state.draft}
      locale={locale}
      tabId={tabId}
      frameId={frameId}
      onDone={(ok) => {
        setTeaching(null);
        setSaved(ok);
      }}
    />
  );
}
