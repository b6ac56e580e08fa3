import { TimeRangeFields } from "@/components/options/plan/TimeRangeFields";
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
            <TimeRangeFields
              locale={locale}
              name={`${name}-${i}`}
              value={w}
              invalid={error !== undefined}
              onChange={(patch) => set(i, patch)}
            />
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
