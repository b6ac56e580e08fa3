import { useState, type FormEvent } from "react";
import { t, type Locale } from "@/lib/i18n";
import type { GeneralSettings } from "@/lib/messaging/settings-requests";
import { ShopNameFields } from "@/components/shared/ShopNameFields";

export interface WelcomeFormProps {
  locale: Locale;
  /** What is stored already (a second visit from the settings shows it). */
  initial: GeneralSettings;
  /** The background's saveGeneralSettings: it checks and stores both. */
  onSave(settings: GeneralSettings): Promise<void>;
}

/** The agent's nickname and the shops' names, the first things PayNudge writes into notes. */
export function WelcomeForm({ locale, initial, onSave }: WelcomeFormProps) {
  const [agentName, setAgentName] = useState(initial.agentName ?? "");
  const [shopNames, setShopNames] = useState<Record<string, string>>({
    ...initial.shopNames,
  });
  const [status, setStatus] = useState({ text: "", error: false });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const names = Object.fromEntries(
      Object.entries(shopNames).map(([platform, name]) => [
        platform,
        name.trim(),
      ]),
    );
    try {
      await onSave({ agentName: agentName.trim(), shopNames: names });
      setStatus({ text: t(locale, "welcome.saved"), error: false });
    } catch (error) {
      setStatus({
        text: t(locale, "welcome.saveFailed", {
          error: error instanceof Error ? error.message : String(error),
        }),
        error: true,
      });
    }
  }

  return (
    <form
      className="welcome-form"
      aria-label={t(locale, "welcome.step.setup")}
      onSubmit={submit}
    >
      <label className="field">
        <span>{t(locale, "welcome.agentName")}</span>
        <input
          name="agentName"
          maxLength={30}
          autoComplete="nickname"
          aria-describedby="agent-name-hint"
          value={agentName}
          onChange={(e) => setAgentName(e.target.value)}
        />
      </label>
      <p id="agent-name-hint" className="hint">
        {t(locale, "welcome.agentNameHint")}
      </p>
      <ShopNameFields
        locale={locale}
        legend={t(locale, "welcome.shopNames")}
        shopNames={shopNames}
        onChange={setShopNames}
      />
      <button type="submit">{t(locale, "welcome.save")}</button>
      <p role="status" className={status.error ? "status error" : "status"}>
        {status.text}
      </p>
    </form>
  );
}
