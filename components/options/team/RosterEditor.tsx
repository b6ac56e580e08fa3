import { useState, type FormEvent } from "react";
import { useDirtyReport } from "@/components/options/dirty";
import { FieldError } from "@/components/options/FieldError";
import { saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import {
  emptyAgent,
  LIMIT_VARS,
  rosterOfDraft,
  type AgentDraft,
  type FieldErrors,
  type Issue,
  type RosterDraft,
} from "@/components/options/team/roster-draft";
import { t, type Locale } from "@/lib/i18n";
import { ROSTER_LIMITS, type Roster } from "@/lib/model/team";

export interface RosterEditorProps {
  locale: Locale;
  initial: RosterDraft;
  /** The team, version and time the published roster gets (asked at the click). */
  issue(): Issue;
  /** Publishes the roster (stores it as this machine's); a refusal's status, or undefined. */
  onPublish(roster: Roster): Promise<Status | undefined>;
  onCancel(): void;
  onDirty?(dirty: boolean): void;
}

/**
 * The lead's roster: the shop, the agents (nickname, weight, shifts as HH:mm–HH:mm rows) and the
 * minutes before an overdue nudge passes on. 发布 checks every field (each error beside its field)
 * and publishes the next version.
 */
export function RosterEditor({
  locale,
  initial,
  issue,
  onPublish,
  onCancel,
  onDirty,
}: RosterEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ text: "" });
  const [saved] = useState(() => JSON.stringify(initial));
  useDirtyReport(JSON.stringify(draft) !== saved, onDirty);

  const error = (at: string) =>
    errors[at] ? t(locale, errors[at], LIMIT_VARS) : undefined;
  const invalid = (at: string) => (errors[at] ? true : undefined);
  const setAgent = (i: number, change: Partial<AgentDraft>) =>
    setDraft((d) => ({
      ...d,
      agents: d.agents.map((a, j) => (j === i ? { ...a, ...change } : a)),
    }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const made = rosterOfDraft(draft, issue());
    if ("errors" in made) {
      setErrors(made.errors);
      setStatus({ text: t(locale, "team.error.invalid"), error: true });
      // The first marked field, once React has drawn the marks.
      setTimeout(
        () => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
        0,
      );
      return;
    }
    setErrors({});
    try {
      const refused = await onPublish(made.roster);
      if (refused) setStatus(refused);
    } catch (failure) {
      setStatus(saveFailed(locale, failure));
    }
  }

  return (
    <form
      className="roster-editor"
      aria-label={t(locale, "team.editorTitle")}
      onSubmit={submit}
      noValidate
    >
      <h3>{t(locale, "team.editorTitle")}</h3>
      <label className="field">
        <span>{t(locale, "team.shop")}</span>
        <input
          name="shop"
          value={draft.shop}
          maxLength={ROSTER_LIMITS.shopLength + 10}
          aria-invalid={invalid("shop")}
          onChange={(e) => setDraft({ ...draft, shop: e.target.value })}
        />
        <FieldError message={error("shop")} />
      </label>
      <label className="field">
        <span>{t(locale, "team.lease")}</span>
        <input
          name="leaseMinutes"
          inputMode="numeric"
          value={draft.leaseMinutes}
          aria-invalid={invalid("leaseMinutes")}
          aria-describedby="team-lease-help"
          onChange={(e) => setDraft({ ...draft, leaseMinutes: e.target.value })}
        />
        <FieldError message={error("leaseMinutes")} />
      </label>
      <p id="team-lease-help" className="hint">
        {t(locale, "team.leaseHelp", LIMIT_VARS)}
      </p>
      <FieldError message={error("agents")} />
      {draft.agents.map((agent, i) => (
        <fieldset key={i} className="roster-agent" data-agent-row={i}>
          <legend>{t(locale, "team.agentLegend", { n: i + 1 })}</legend>
          <label className="field">
            <span>{t(locale, "team.agentName")}</span>
            <input
              name={`agent-${i}-name`}
              value={agent.name}
              aria-invalid={invalid(`agents.${i}.name`)}
              onChange={(e) => setAgent(i, { name: e.target.value })}
            />
            <FieldError message={error(`agents.${i}.name`)} />
          </label>
          <label className="field">
            <span>{t(locale, "team.agentWeight")}</span>
            <input
              name={`agent-${i}-weight`}
              inputMode="decimal"
              value={agent.weight}
              aria-invalid={invalid(`agents.${i}.weight`)}
              onChange={(e) => setAgent(i, { weight: e.target.value })}
            />
            <FieldError message={error(`agents.${i}.weight`)} />
          </label>
          <p className="hint">{t(locale, "team.shifts")}</p>
          <FieldError message={error(`agents.${i}.shifts`)} />
          {agent.shifts.map((shift, k) => (
            <div className="roster-shift" key={k}>
              <input
                aria-label={t(locale, "team.shiftFrom", { n: k + 1 })}
                name={`agent-${i}-shift-${k}-from`}
                placeholder="09:00"
                size={6}
                value={shift.from}
                aria-invalid={invalid(`agents.${i}.shifts.${k}`)}
                onChange={(e) =>
                  setAgent(i, {
                    shifts: agent.shifts.map((s, j) =>
                      j === k ? { ...s, from: e.target.value } : s,
                    ),
                  })
                }
              />
              –
              <input
                aria-label={t(locale, "team.shiftTo", { n: k + 1 })}
                name={`agent-${i}-shift-${k}-to`}
                placeholder="18:00"
                size={6}
                value={shift.to}
                aria-invalid={invalid(`agents.${i}.shifts.${k}`)}
                onChange={(e) =>
                  setAgent(i, {
                    shifts: agent.shifts.map((s, j) =>
                      j === k ? { ...s, to: e.target.value } : s,
                    ),
                  })
                }
              />
              <button
                type="button"
                aria-label={t(locale, "team.removeShiftOf", { n: k + 1 })}
                onClick={() =>
                  setAgent(i, {
                    shifts: agent.shifts.filter((_, j) => j !== k),
                  })
                }
              >
                {t(locale, "team.removeShift")}
              </button>
              <FieldError message={error(`agents.${i}.shifts.${k}`)} />
            </div>
          ))}
          <div className="actions">
            {agent.shifts.length < ROSTER_LIMITS.shiftsPerAgent && (
              <button
                type="button"
                onClick={() =>
                  setAgent(i, {
                    shifts: [...agent.shifts, { from: "", to: "" }],
                  })
                }
              >
                {t(locale, "team.addShift")}
              </button>
            )}
            {draft.agents.length > 1 && (
              <button
                type="button"
                className="danger-button"
                aria-label={t(locale, "team.removeAgentOf", { n: i + 1 })}
                onClick={() =>
                  setDraft({
                    ...draft,
                    agents: draft.agents.filter((_, j) => j !== i),
                  })
                }
              >
                {t(locale, "team.removeAgent")}
              </button>
            )}
          </div>
        </fieldset>
      ))}
      <div className="actions">
        {draft.agents.length < ROSTER_LIMITS.agents && (
          <button
            type="button"
            onClick={() =>
              setDraft({ ...draft, agents: [...draft.agents, emptyAgent()] })
            }
          >
            {t(locale, "team.addAgent")}
          </button>
        )}
        <button type="submit">{t(locale, "team.publish")}</button>
        <button type="button" onClick={onCancel}>
          {t(locale, "team.cancel")}
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}
