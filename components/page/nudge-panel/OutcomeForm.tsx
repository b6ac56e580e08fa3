import { t, type Locale } from "@/lib/i18n";
import {
  OUTCOME_IDS,
  OUTCOMES,
  REASON_IDS,
  REASONS,
  WHEN_IDS,
  WHEN_LABELS,
  isReasonId,
  type WhenId,
} from "@/lib/templates/outcomes";
import { trusted } from "@/components/shared/trusted-event";
import type { Outcome } from "@/components/page/nudge-panel/panel-logic";

/**
 * What the buyer said: an outcome (with when they will pay, for "will pay") and the reason they
 * gave, with what to do about it.
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
            value={when ?? ""}
            onChange={trusted((e) =>
              onChange({
                when: (WHEN_IDS as readonly string[]).includes(e.target.value)
                  ? (e.target.value as WhenId)
                  : undefined,
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
