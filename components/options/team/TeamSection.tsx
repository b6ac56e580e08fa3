import { useEffect, useMemo, useRef, useState } from "react";
import { useDirtyReport } from "@/components/options/dirty";
import { saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import { answerStatus } from "@/components/options/team/answers";
import {
  draftOf,
  newDraft,
  newTeamId,
} from "@/components/options/team/roster-draft";
import { RosterEditor } from "@/components/options/team/RosterEditor";
import { RosterImport } from "@/components/options/team/RosterImport";
import { RosterQr } from "@/components/options/team/RosterQr";
import { RosterSummary } from "@/components/options/team/RosterSummary";
import { copyText } from "@/components/shared/clipboard";
import { downloadFile } from "@/components/shared/download";
import { t, type Locale } from "@/lib/i18n";
import type {
  TeamRemoved,
  TeamRosterReply,
  TeamRosterRequest,
} from "@/lib/messaging/team-requests";
import type { Roster } from "@/lib/model/team";
import { encodeRosterCode, rosterFileText } from "@/lib/schemas/roster";

/** How long a removed roster can be put back. */
const UNDO_MS = 10_000;

export interface TeamSectionProps {
  locale: Locale;
  /** The roster held (the `teamRoster` setting); none: solo use. */
  roster: Roster | undefined;
  /** This agent's name in it (`teamMe`). */
  me: string | undefined;
  /** The agent's nickname: a new roster's first name. */
  agentName: string | undefined;
  onSetRoster(request: TeamRosterRequest): Promise<TeamRosterReply>;
  onSetMe(name: string | undefined): Promise<void>;
  onRemove(): Promise<TeamRemoved>;
  onDirty?(dirty: boolean): void;
}

/**
 * Team mode's roster (issue 17), for both roles: the lead writes and publishes it (its code to copy,
 * a file to download), every agent pastes the code or opens the file and says which name is theirs.
 */
export function TeamSection({
  locale,
  roster,
  me,
  agentName,
  onSetRoster,
  onSetMe,
  onRemove,
  onDirty,
}: TeamSectionProps) {
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<Status>({ text: "" });
  const [removed, setRemoved] = useState<TeamRemoved | undefined>();
  const [editorDirty, setEditorDirty] = useState(false);
  const [importDirty, setImportDirty] = useState(false);
  useDirtyReport((editing && editorDirty) || importDirty, onDirty);
  // A new team's id, chosen once per form: publishing twice from it stays one team.
  const freshTeamId = useRef<string | undefined>(undefined);
  const code = useMemo(
    () => (roster ? encodeRosterCode(roster) : undefined),
    [roster],
  );

  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => setRemoved(undefined), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);

  // The last action's line would read as the form's: it goes while the form is open.
  function startEditing() {
    setStatus({ text: "" });
    setEditing(true);
  }

  async function publish(next: Roster): Promise<Status | undefined> {
    const reply = await onSetRoster({ text: encodeRosterCode(next) });
    if (reply.answer !== "stored") return answerStatus(locale, reply);
    setEditing(false);
    setStatus({
      text: t(locale, "team.published", { version: next.version }),
    });
    return undefined;
  }

  async function remove() {
    try {
      const taken = await onRemove();
      setEditing(false);
      setRemoved(taken.roster ? taken : undefined);
      setStatus({ text: t(locale, "team.removed") });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  async function undo(taken: TeamRemoved) {
    setRemoved(undefined);
    try {
      await onSetRoster({ text: encodeRosterCode(taken.roster!) });
      if (taken.me !== undefined) await onSetMe(taken.me);
      setStatus({ text: t(locale, "team.restored") });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  async function chooseMe(name: string) {
    try {
      await onSetMe(name || undefined);
      setStatus({
        text: name
          ? t(locale, "team.meSaved", { name })
          : t(locale, "team.meCleared"),
      });
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  async function copy(text: string) {
    const done = await copyText(text);
    setStatus(
      done
        ? { text: t(locale, "team.copied") }
        : { text: t(locale, "team.copyFailed"), error: true },
    );
  }

  return (
    <section className="section" aria-label={t(locale, "options.team")}>
      <h2>{t(locale, "options.team")}</h2>
      {!roster ? (
        <p data-testid="team-empty">{t(locale, "team.empty")}</p>
      ) : (
        <>
          <RosterSummary locale={locale} roster={roster} testId="roster-held" />
          <label className="field">
            <span>{t(locale, "team.me")}</span>
            <select
              name="teamMe"
              value={me ?? ""}
              onChange={(e) => void chooseMe(e.target.value)}
            >
              <option value="">{t(locale, "team.meNone")}</option>
              {roster.agents.map((agent) => (
                <option key={agent.name} value={agent.name}>
                  {agent.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t(locale, "team.code")}</span>
            <textarea
              name="teamCode"
              readOnly
              rows={3}
              value={code}
              onFocus={(e) => e.target.select()}
            />
          </label>
          <RosterQr locale={locale} code={code!} />
          <div className="actions">
            <button type="button" onClick={() => void copy(code!)}>
              {t(locale, "team.copy")}
            </button>
            <button
              type="button"
              onClick={() =>
                downloadFile({
                  name: `paynudge-team-v${roster.version}.json`,
                  text: rosterFileText(roster),
                  type: "application/json",
                })
              }
            >
              {t(locale, "team.download")}
            </button>
            {!editing && (
              <button type="button" onClick={startEditing}>
                {t(locale, "team.edit")}
              </button>
            )}
            <button
              type="button"
              className="danger-button"
              onClick={() => void remove()}
            >
              {t(locale, "team.remove")}
            </button>
          </div>
        </>
      )}
      {!roster && !editing && (
        <div className="actions">
          <button type="button" onClick={startEditing}>
            {t(locale, "team.create")}
          </button>
        </div>
      )}
      {editing && (
        <RosterEditor
          key={roster ? `${roster.teamId}-${roster.version}` : "new"}
          locale={locale}
          initial={roster ? draftOf(roster) : newDraft(agentName)}
          issue={() => ({
            teamId: roster?.teamId ?? (freshTeamId.current ??= newTeamId()),
            version: (roster?.version ?? 0) + 1,
            issuedAt: Date.now(),
          })}
          onPublish={publish}
          onCancel={() => setEditing(false)}
          onDirty={setEditorDirty}
        />
      )}
      <StatusLine status={status} />
      {removed && (
        <button type="button" onClick={() => void undo(removed)}>
          {t(locale, "team.undo")}
        </button>
      )}
      {!editing && (
        <RosterImport
          locale={locale}
          onUse={onSetRoster}
          onDirty={setImportDirty}
        />
      )}
    </section>
  );
}
