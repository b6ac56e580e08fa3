import { t, type Locale } from "@/lib/i18n";
import {
  TEMPLATE_VARIABLES,
  type TemplateVariable,
} from "@/lib/templates/render";

const VARIABLES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];

export interface VariableChipsProps {
  locale: Locale;
  onInsert(name: TemplateVariable): void;
}

/** One button per variable a template may use; a click puts its placeholder in the body. */
export function VariableChips({ locale, onInsert }: VariableChipsProps) {
  return (
    <div className="chips" role="group" aria-label={t(locale, "tpl.variables")}>
      <span>{t(locale, "tpl.variables")}</span>
      {VARIABLES.map((name) => (
        <button
          type="button"
          className="chip"
          key={name}
          data-variable={name}
          onClick={() => onInsert(name)}
        >
          {TEMPLATE_VARIABLES[name][locale]}
        </button>
      ))}
    </div>
  );
}
