import type { TemplateFilter } from "@/components/options/templates/draft";
import { TEMPLATE_LOCALES } from "@/components/options/templates/TemplateFields";
import { t, type Locale } from "@/lib/i18n";
import {
  TEMPLATE_SCENARIOS,
  TEMPLATE_SEGMENTS,
  type TemplateScenario,
  type TemplateSegment,
} from "@/lib/templates/shipped";

export interface TemplateFiltersProps {
  locale: Locale;
  filter: TemplateFilter;
  onFilter(filter: TemplateFilter): void;
  /** How many templates the filters let through. */
  count: number;
  onNew(): void;
}

/** The list's filters by language, scenario and segment, how many pass, and "new template". */
export function TemplateFilters({
  locale,
  filter,
  onFilter,
  count,
  onNew,
}: TemplateFiltersProps) {
  return (
    <div className="row">
      <label>
        <span>{t(locale, "tpl.filterLocale")}</span>
        <select
          name="filter-locale"
          value={filter.locale}
          onChange={(e) =>
            onFilter({ ...filter, locale: e.target.value as Locale | "" })
          }
        >
          <option value="">{t(locale, "tpl.all")}</option>
          {TEMPLATE_LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(locale, `locale.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(locale, "tpl.filterScenario")}</span>
        <select
          name="filter-scenario"
          value={filter.scenario}
          onChange={(e) =>
            onFilter({
              ...filter,
              scenario: e.target.value as TemplateScenario | "",
            })
          }
        >
          <option value="">{t(locale, "tpl.all")}</option>
          {TEMPLATE_SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {t(locale, `scenario.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t(locale, "tpl.filterSegment")}</span>
        <select
          name="filter-segment"
          value={filter.segment}
          onChange={(e) =>
            onFilter({
              ...filter,
              segment: e.target.value as TemplateSegment | "",
            })
          }
        >
          <option value="">{t(locale, "tpl.all")}</option>
          {TEMPLATE_SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {t(locale, `segment.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="hint">{t(locale, "tpl.count", { n: count })}</span>
      <button type="button" onClick={onNew}>
        {t(locale, "tpl.new")}
      </button>
    </div>
  );
}
