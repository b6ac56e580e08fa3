import { ChoiceSelect } from "@/components/options/ChoiceSelect";
import { t, type Locale } from "@/lib/i18n";
import {
  TEMPLATE_CHANNELS,
  TEMPLATE_SCENARIOS,
  TEMPLATE_SEGMENTS,
  type MessageTemplate,
} from "@/lib/templates/shipped";

/** The languages a template is written in (its buyers'). */
export const TEMPLATE_LOCALES: readonly Locale[] = ["zh", "en"];

export interface TemplateFieldsProps {
  locale: Locale;
  tpl: MessageTemplate;
  onChange(patch: Partial<MessageTemplate>): void;
}

/** When a template is chosen: its scenario, segment, channel, kind of order and buyer language. */
export function TemplateFields({ locale, tpl, onChange }: TemplateFieldsProps) {
  return (
    <div className="row">
      <label>
        <span>{t(locale, "tpl.scenario")}</span>
        <ChoiceSelect
          name="tpl-scenario"
          value={tpl.scenario}
          choices={TEMPLATE_SCENARIOS}
          label={(c) => t(locale, `scenario.${c}`)}
          onChange={(v) => onChange({ scenario: v })}
        />
      </label>
      <label>
        <span>{t(locale, "tpl.segment")}</span>
        <ChoiceSelect
          name="tpl-segment"
          value={tpl.segment}
          choices={TEMPLATE_SEGMENTS}
          label={(c) => t(locale, `segment.${c}`)}
          onChange={(v) => onChange({ segment: v })}
        />
      </label>
      <label>
        <span>{t(locale, "tpl.channel")}</span>
        <ChoiceSelect
          name="tpl-channel"
          value={tpl.channel}
          choices={TEMPLATE_CHANNELS}
          label={(c) => t(locale, `channel.${c}`)}
          onChange={(v) => onChange({ channel: v })}
        />
      </label>
      <label>
        <span>{t(locale, "tpl.orderKind")}</span>
        <select
          name="tpl-kind"
          value={tpl.orderKind ?? ""}
          onChange={(e) =>
            onChange({
              orderKind: (e.target.value ||
                undefined) as MessageTemplate["orderKind"],
            })
          }
        >
          <option value="">{t(locale, "tpl.orderKind.any")}</option>
          <option value="consulted">
            {t(locale, "tpl.orderKind.consulted")}
          </option>
          <option value="silent">{t(locale, "tpl.orderKind.silent")}</option>
        </select>
      </label>
      <label>
        <span>{t(locale, "tpl.locale")}</span>
        <select
          name="tpl-locale"
          value={tpl.locale}
          onChange={(e) => onChange({ locale: e.target.value as Locale })}
        >
          {TEMPLATE_LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(locale, `locale.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
