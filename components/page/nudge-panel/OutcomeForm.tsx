import { t, type Locale } from "@/lib/i18n";
import { isClockTime } from "@/lib/model/clock-time";
import {
  OUTCOME_IDS,
  OUTCOMES,
  REASON_IDS,
  REASONS,
  WHEN_IDS,
  WHEN_LABELS,
  isReasonId,
  isWhenId,
} from "@/lib/templates/outcomes";
import { trusted } from "@/components/shared/trusted-event";
import type { Outcome } from "@/components/page/nudge-panel/panel-logic";

/**
 * What the buyer said: an outcome (with when they will pay, for "will pay": a word, or a time the
 * agent types instead) and the reason they gave, with what to do about it.
 */
export function OutcomeForm(props: {
  id: string;
  chosen: Outcome;
  locale: Locale;
  onChange: (change: Partial<Outcome>) => void;
}) {
  const { id, chosen, locale, onChange } = props;
  const { outcome, reason, when } = chosen;
  return (
    <>
      <fieldset className="pn-section">
        <legend>{t(locale, "panel.outcome")}</legend>
        <div className="pn-choices">
          <label>
            <input
              type="radio"
              name={`${id}-outcome`}
              checked={outcome === undefined}
              onChange={trusted(() => onChange({ outcome: undefined }))}
            />
            {t(locale, "panel.outcomeNone")}
          </label>
          {OUTCOME_IDS.map((o) => (
            <label key={o}>
              <input
                type="radio"
                name={`${id}-outcome`}
                value={o}
                checked={outcome === o}
                onChange={trusted(() => onChange({ outcome: o }))}
              />
              {OUTCOMES[o].label[locale]}
            </label>
          ))}
        </div>
      </fieldset>

      {outcome === "will-pay" && (
        <div className="pn-section">
          <label className="pn-label" htmlFor={`${id}-when`}>
            {t(locale, "panel.when")}
          </label>
          <select
            id={`${id}-when`}
            value={isWhenId(when) ? when : ""}
            onChange={trusted((e) =>
              onChange({
                when: isWhenId(e.target.value) ? e.target.value : undefined,
              }),
            )}
          >
            <option value="">{t(locale, "panel.whenNone")}</option>
            {WHEN_IDS.map((w) => (
              <option key={w} value={w}>
                {WHEN_LABELS[w][locale]}
              </option>
            ))}
          </select>
          {/* One answer or the other: a typed time replaces the word, a word clears the time. A
              time input's value is "HH:mm" once both fields are filled, "" while one is empty. */}
          <div className="pn-row">
            <label htmlFor={`${id}-when-time`}>
              {t(locale, "panel.whenTime")}
            </label>
            <input
              id={`${id}-when-time`}
              type="time"
              value={isClockTime(when) ? when : ""}
              onChange={trusted((e) =>
                onChange({
                  when: isClockTime(e.target.value)
                    ? e.target.value
                    : undefined,
                }),
              )}
            />
          </div>
        </div>
      )}

      <div className="pn-section">
        <label className="pn-label" htmlFor={`${id}-reason`}>
          {t(locale, "panel.reason")}
        </label>
        <select
          id={`${id}-reason`}
          value={reason ?? ""}
          onChange={trusted((e) =>
            onChange({
              reason: isReasonId(e.target.value) ? e.target.value : undefined,
            }),
          )}
        >
          <option value="">{t(locale, "panel.reasonNone")}</option>
          {REASON_IDS.map((r) => (
            <option key={r} value={r}>
              {REASONS[r].label[locale]}
            </option>
          ))}
        </select>
        {reason && (
          <p className="pn-hint">
            {t(locale, "panel.suggest", {
              text: REASONS[reason].action[locale],
            })}
          </p>
        )}
      </div>
    </>
  );
}
