import { t, type Locale } from "@/lib/i18n";
import type { MessageTemplate } from "@/lib/templates/shipped";
import { trusted } from "@/components/shared/trusted-event";
import { templateLabel } from "@/components/page/nudge-panel/panel-logic";

/** The templates that fit the order, best first. */
export function TemplatePicker(props: {
  id: string;
  templates: readonly MessageTemplate[];
  selected: MessageTemplate | undefined;
  locale: Locale;
  onChoose: (templateId: string) => void;
}) {
  const { locale } = props;
  return (
    <div className="pn-section">
      <label className="pn-label" htmlFor={props.id}>
        {t(locale, "panel.template")}
      </label>
      <select
        id={props.id}
        value={props.selected?.id ?? ""}
        onChange={trusted((e) => props.onChoose(e.target.value))}
      >
        {props.templates.map((tpl) => (
          <option key={tpl.id} value={tpl.id}>
            {templateLabel(tpl, locale)}
          </option>
        ))}
      </select>
    </div>
  );
}
