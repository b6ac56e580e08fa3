import { useState } from "react";
import { useDirtyReport } from "@/components/options/dirty";
import { saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import { answerStatus } from "@/components/options/team/answers";
import { RosterSummary } from "@/components/options/team/RosterSummary";
import { t, type Locale } from "@/lib/i18n";
import type {
  TeamRosterReply,
  TeamRosterRequest,
} from "@/lib/messaging/team-requests";
import type { Roster } from "@/lib/model/team";
import { readRosterText, RosterRefusal } from "@/lib/schemas/roster";

export interface RosterImportProps {
  locale: Locale;
  /** Sends the roster's text to be held (the background compares it with the one held). */
  onUse(request: TeamRosterRequest): Promise<TeamRosterReply>;
  onDirty?(dirty: boolean): void;
}

/**
 * The agent's side: a code pasted from the lead's message, or a roster file, shown as what it holds
 * before 使用此名单; a refusal is said in place, and the held roster stays as it was.
 */
export function RosterImport({ locale, onUse, onDirty }: RosterImportProps) {
  const [text, setText] = useState("");
  const [preview, setPreview] = useState<Roster | undefined>();
  const [otherTeam, setOtherTeam] = useState(false);
  const [status, setStatus] = useState<Status>({ text: "" });
  useDirtyReport(text.trim() !== "", onDirty);

  function show(input: string) {
    setOtherTeam(false);
    try {
      setPreview(readRosterText(input));
      setStatus({ text: "" });
    } catch (error) {
      setPreview(undefined);
      if (!(error instanceof RosterRefusal)) throw error;
      setStatus(answerStatus(locale, { answer: error.kind }));
    }
  }

  async function use(leaveTeam: boolean) {
    try {
      const reply = await onUse(leaveTeam ? { text, leaveTeam } : { text });
      setStatus(answerStatus(locale, reply));
      setOtherTeam(reply.answer === "other-team");
      if (reply.answer === "stored") {
        setText("");
        setPreview(undefined);
      }
    } catch (error) {
      setStatus(saveFailed(locale, error));
    }
  }

  return (
    <div className="roster-import">
      <h3>{t(locale, "team.importTitle")}</h3>
      <label className="field">
        <span>{t(locale, "team.paste")}</span>
        <textarea
          name="rosterCode"
          rows={3}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setPreview(undefined);
            setOtherTeam(false);
          }}
        />
      </label>
      <label className="field">
        <span>{t(locale, "team.file")}</span>
        <input
          type="file"
          name="rosterFile"
          accept=".json,.txt,application/json,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            const content = await file.text();
            setText(content);
            show(content);
          }}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={text.trim() === ""}
          onClick={() => show(text)}
        >
          {t(locale, "team.read")}
        </button>
      </div>
      {preview && (
        <>
          <RosterSummary
            locale={locale}
            roster={preview}
            testId="roster-preview"
          />
          <div className="actions">
            <button type="button" onClick={() => void use(false)}>
              {t(locale, "team.use")}
            </button>
            {otherTeam && (
              <button
                type="button"
                className="danger-button"
                onClick={() => void use(true)}
              >
                {t(locale, "team.leaveTeam")}
              </button>
            )}
          </div>
        </>
      )}
      <StatusLine status={status} />
    </div>
  );
}
