import { useLiveQuery } from "dexie-react-hooks";
import { useEffect } from "react";
import { OrderPageLinks } from "@/components/shared/OrderPageLinks";
import { WelcomeForm } from "@/components/welcome/WelcomeForm";
import { readPlainSetting } from "@/lib/db/setting-values";
import { getDb } from "@/lib/db/schema";
import { pickLocale, t } from "@/lib/i18n";
import { toBackground } from "@/lib/messaging/messengers";
import type { GeneralSettings } from "@/lib/messaging/settings-requests";

async function readGeneral(): Promise<GeneralSettings> {
  const db = getDb();
  const [agentName, shopNames] = await Promise.all([
    readPlainSetting(db, "agentName"),
    readPlainSetting(db, "shopNames"),
  ]);
  return { agentName, shopNames };
}

/** The first run (opened once by lib/background/welcome.ts, again from the settings). */
export function WelcomeApp() {
  const locale = pickLocale(navigator.languages);
  // Read once: the form is not re-created under the agent's typing when the save lands.
  const initial = useLiveQuery(readGeneral, []);
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
    document.title = t(locale, "welcome.title");
  }, [locale]);

  return (
    <main>
      <h1>{t(locale, "welcome.title")}</h1>
      <p className="intro">{t(locale, "welcome.intro")}</p>
      <section aria-labelledby="step-setup">
        <h2 id="step-setup">{t(locale, "welcome.step.setup")}</h2>
        {initial && (
          <WelcomeForm
            locale={locale}
            initial={initial}
            onSave={(settings) =>
              toBackground.sendMessage("saveGeneralSettings", settings)
            }
          />
        )}
      </section>
      <section aria-labelledby="step-pages">
        <h2 id="step-pages">{t(locale, "welcome.step.pages")}</h2>
        <p>{t(locale, "welcome.pagesIntro")}</p>
        <OrderPageLinks locale={locale} />
        <p className="hint">{t(locale, "welcome.pagesOther")}</p>
      </section>
      <section aria-labelledby="step-use">
        <h2 id="step-use">{t(locale, "welcome.step.use")}</h2>
        <ol className="how">
          <li>{t(locale, "welcome.badges")}</li>
          <li>{t(locale, "welcome.workspace")}</li>
          <li>{t(locale, "welcome.notifications")}</li>
        </ol>
        <p>
          <a href="/options.html">{t(locale, "welcome.openSettings")}</a>
        </p>
      </section>
    </main>
  );
}
