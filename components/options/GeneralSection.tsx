import { useState, type FormEvent } from "react";
import { useDirtyReport } from "@/components/options/dirty";
import { saveFailed } from "@/components/options/status";
import type { GeneralSettings } from "@/lib/messaging/settings-requests";
import { t, type Locale } from "@/lib/i18n";
import {
  ATTRIBUTION_HOURS_MAX,
  ATTRIBUTION_HOURS_MIN,
  DEFAULT_ATTRIBUTION_HOURS,
} from "@/lib/model/report";
import { ShopNameFields } from "@/components/shared/ShopNameFields";

export interface GeneralSectionProps {
  locale: Locale;
  initial: GeneralSettings;
  onSave(settings: GeneralSettings): Promise<void>;
  /** Whether the form holds edits not saved yet, as that changes. */
  onDirty?(dirty: boolean): void;
}

/** The form's values compared as text; a shop name emptied again is no edit. */
function formKey(
  agentName: string,
  shopNames: Record<string, string>,
  panelPlace: string,
  attributionHours: string,
): string {
  const shops = Object.entries(shopNames)
    .filter(([, name]) => name !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([agentName, shops, panelPlace, attributionHours]);
}

export function GeneralSection({
  locale,
  initial,
  onSave,
  onDirty,
}: GeneralSectionProps) {
  const [agentName, setAgentName] = useState(initial.agentName ?? "");
  const [shopNames, setShopNames] = useState<Record<string, string>>({
    ...initial.shopNames,
  });
  const [panelPlace, setPanelPlace] = useState(
    initial.panelPlace ?? "workspace",
  );
  const [hours, setHours] = useState(
    String(initial.attributionHours ?? DEFAULT_ATTRIBUTION_HOURS),
  );
  const [status, setStatus] = useState("");
  const current = formKey(agentName, shopNames, panelPlace, hours);
  // What was saved last (the stored values at first): the form is dirty while it differs.
  const [saved, setSaved] = useState(() =>
    formKey(
      initial.agentName ?? "",
      { ...initial.shopNames },
      initial.panelPlace ?? "workspace",
      String(initial.attributionHours ?? DEFAULT_ATTRIBUTION_HOURS),
    ),
  );
  const hoursValue = Number(hours);
  const hoursValid =
    /^\d+$/.test(hours.trim()) &&
    hoursValue >= ATTRIBUTION_HOURS_MIN &&
    hoursValue <= ATTRIBUTION_HOURS_MAX;
  useDirtyReport(current !== saved, onDirty);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!hoursValid) {
      setStatus(t(locale, "options.attributionHours.invalid"));
      document.getElementById("attribution-hours")?.focus();
      return;
    }
    try {
      await onSave({
        agentName: agentName.trim(),
        shopNames,
        panelPlace,
        attributionHours: hoursValue,
      });
      setSaved(current);
      setStatus(t(locale, "options.saved"));
    } catch (error) {
      setStatus(saveFailed(locale, error).text);
    }
  }

  return (
    <form
      className="section"
      aria-label={t(locale, "options.general")}
      onSubmit={submit}
    >
      <h2>{t(locale, "options.general")}</h2>
      <p>
        {/* The first run's page, for a second look (it opens by itself once per profile). */}
        <a href="/welcome.html" target="_blank" rel="noopener">
          {t(locale, "welcome.again")}
        </a>
      </p>
      <label className="field">
        <span>{t(locale, "options.agentName")}</span>
        <input
          name="agentName"
          maxLength={30}
          value={agentName}
          onChange={(e) => setAgentName(e.target.value)}
        />
      </label>
      <ShopNameFields
        locale={locale}
        legend={t(locale, "options.shopNames")}
        shopNames={shopNames}
        onChange={setShopNames}
      />
      <fieldset>
        <legend>{t(locale, "options.panelPlace")}</legend>
        <label className="choice">
          <input
            type="radio"
            name="panelPlace"
            value="workspace"
            checked={panelPlace === "workspace"}
            onChange={() => setPanelPlace("workspace")}
          />
          <span>{t(locale, "options.panelPlace.workspace")}</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="panelPlace"
            value="page"
            checked={panelPlace === "page"}
            onChange={() => setPanelPlace("page")}
          />
          <span>{t(locale, "options.panelPlace.page")}</span>
        </label>
      </fieldset>
      <label className="field">
        <span>{t(locale, "setting.attributionHours")}</span>
        <input
          id="attribution-hours"
          name="attributionHours"
          inputMode="numeric"
          value={hours}
          aria-invalid={hoursValid ? undefined : true}
          aria-describedby="attribution-hours-help"
          onChange={(e) => setHours(e.target.value)}
        />
      </label>
      <p id="attribution-hours-help" className="hint">
        {t(locale, "options.attributionHours.help", {
          min: ATTRIBUTION_HOURS_MIN,
          max: ATTRIBUTION_HOURS_MAX,
        })}
      </p>
      <button type="submit">{t(locale, "options.save")}</button>
      <p role="status" className="status">
        {status}
      </p>
    </form>
  );
}
