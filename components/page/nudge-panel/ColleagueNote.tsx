import { t, type Locale } from "@/lib/i18n";
import { formatClock } from "@/lib/model/time-format";
import type { ColleagueWarning } from "@/lib/templates/notes";
import { trusted } from "@/components/shared/trusted-event";
import { noteTime } from "@/components/page/nudge-panel/panel-logic";

/**
 * Someone already reminded this buyer (the latest standard note in the memo): who and when; inside
 * the cooldown (`blocked`), the agent confirms before a second nudge.
 */
export function ColleagueNote(props: {
  warning: ColleagueWarning;
  blocked: boolean;
  now: number;
  locale: Locale;
  onConfirm: () => void;
}) {
  const { warning, locale } = props;
  const time = noteTime(warning.at, props.now);
  return (
    <div
      className="pn-warning"
      role="alert"
      data-paynudge-warning={warning.insideCooldown ? "cooldown" : "info"}
    >
      <p>
        <strong>
          {warning.byColleague
            ? t(locale, "panel.reminded", { agent: warning.agent, time })
            : t(locale, "panel.remindedSelf", { agent: warning.agent, time })}
        </strong>
        {" · "}
        {t(locale, "panel.remindedCount", { count: warning.count })}
        {warning.feedback ? ` · ${warning.feedback}` : ""}
      </p>
      {props.blocked && (
        <>
          <p>
            {t(locale, "panel.cooldown", {
              time: formatClock(warning.cooldownEndsAt),
            })}
          </p>
          <button type="button" onClick={trusted(() => props.onConfirm())}>
            {t(locale, "panel.nudgeAnyway")}
          </button>
        </>
      )}
    </div>
  );
}
