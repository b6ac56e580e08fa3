import { t, type Locale } from "@/lib/i18n";

/** A day window as the form holds it: the text the seller typed, `HH:MM` each. */
export interface WindowDraft {
  from: string;
  to: string;
}

export function minutesToText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Minutes after midnight for `HH:MM` (00:00–24:00); undefined when the text is not a time. */
export function textToMinutes(text: string): number | undefined {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > 1440) return undefined;
  return minutes;
}

/** The error of one window, or undefined when it is valid. */
export function windowError(
  w: WindowDraft,
  locale: Locale,
): string | undefined {
  const from = textToMinutes(w.from);
  const to = textToMinutes(w.to);
  if (from === undefined || to === undefined) return t(locale, "plan.err.time");
  if (from === to) return t(locale, "plan.err.emptyWindow");
  return undefined;
}

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
    onChange(windows.map((w, i) => (i === index ? { ...w, ...patch } : w)));
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
              onClick={() => onChange(windows.filter((_, j) => j !== i))}
            >
              {t(locale, "plan.remove")}
            </button>
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
          </div>
        );
      })}
      {windows.length < 12 && (
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
