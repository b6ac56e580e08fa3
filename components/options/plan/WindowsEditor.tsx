import { FieldError } from "@/components/options/FieldError";
import { patchAt, removeAt } from "@/components/options/list-edit";
import {
  MAX_WINDOWS,
  windowError,
  type WindowDraft,
} from "@/components/options/plan/windows-draft";
import { t, type Locale } from "@/lib/i18n";

export interface WindowsEditorProps {
  locale: Locale;
  /** Names the inputs: `${name}-0-from`, `${name}-0-to`, … */
  name: string;
  legend: string;
  windows: WindowDraft[];
  onChange(windows: WindowDraft[]): void;
  /** Show errors only once the seller tried to save. */
  showErrors: boolean;
}

/** Daily windows (quiet hours, phone windows): a list of from–to rows, errors in place. */
export function WindowsEditor({
  locale,
  name,
  legend,
  windows,
  onChange,
  showErrors,
}: WindowsEditorProps) {
  const set = (index: number, patch: Partial<WindowDraft>) =>
    onChange(patchAt(windows, index, patch));
  return (
    <fieldset>
      <legend>{legend}</legend>
      {windows.map((w, i) => {
        const error = showErrors ? windowError(w, locale) : undefined;
        return (
          <div className="row" key={i}>
            <label>
              <span>{t(locale, "plan.from")}</span>
              <input
                name={`${name}-${i}-from`}
                className="time"
                inputMode="numeric"
                placeholder="HH:MM"
                value={w.from}
                aria-invalid={error ? true : undefined}
                onChange={(e) => set(i, { from: e.target.value })}
              />
            </label>
            <label>
              <span>{t(locale, "plan.to")}</span>
              <input
                name={`${name}-${i}-to`}
                className="time"
                inputMode="numeric"
                placeholder="HH:MM"
                value={w.to}
                aria-invalid={error ? true : undefined}
                onChange={(e) => set(i, { to: e.target.value })}
              />
            </label>
            <button
              type="button"
              onClick={() => onChange(removeAt(windows, i))}
            >
              {t(locale, "plan.remove")}
            </button>
            <FieldError message={error} />
          </div>
        );
      })}
      {windows.length < MAX_WINDOWS && (
        <button
          type="button"
          onClick={() => onChange([...windows, { from: "", to: "" }])}
        >
          {t(locale, "plan.addWindow")}
        </button>
      )}
    </fieldset>
  );
}
