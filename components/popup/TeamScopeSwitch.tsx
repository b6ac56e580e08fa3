import type { QueueScope } from "@/lib/db/popup-data";
import { t, type Locale } from "@/lib/i18n";

/**
 * Team mode's switch over the queue: this agent's orders (the default: what they have to do) or
 * the whole team's (to help out, or to see who has what).
 */
export function TeamScopeSwitch({
  scope,
  me,
  locale,
  onChange,
}: {
  scope: QueueScope;
  /** The roster name that is this agent's; undefined until they say (then everything is theirs). */
  me: string | undefined;
  locale: Locale;
  onChange(scope: QueueScope): void;
}) {
  return (
    <div
      className="team-scope"
      role="radiogroup"
      aria-label={t(locale, "team.scope")}
    >
      {(["mine", "team"] as const).map((value) => (
        <label key={value}>
          <input
            type="radio"
            name="team-scope"
            value={value}
            checked={scope === value}
            data-team-scope={value}
            onChange={() => onChange(value)}
          />
          {value === "mine"
            ? me === undefined
              ? t(locale, "team.scopeMineUnnamed")
              : t(locale, "team.scopeMine", { agent: me })
            : t(locale, "team.scopeTeam")}
        </label>
      ))}
    </div>
  );
}
