import { t, type Locale } from "@/lib/i18n";

export interface PauseSwitchProps {
  /** As stored; `undefined` while loading. */
  paused: boolean | undefined;
  locale: Locale;
  onChange(paused: boolean): void;
}

/** Off duty: pauses desktop notifications; the background keeps every timer running. */
export function PauseSwitch({ paused, locale, onChange }: PauseSwitchProps) {
  return (
    <div className={`pause${paused ? " on" : ""}`}>
      <label>
        <input
          type="checkbox"
          data-action="pause"
          checked={paused ?? false}
          disabled={paused === undefined}
          onChange={(event) => onChange(event.target.checked)}
        />{" "}
        {t(locale, "popup.pause")}
      </label>
      {paused && <p className="paused-note">{t(locale, "popup.paused")}</p>}
    </div>
  );
}
