import { useState, type FormEvent } from "react";
import { FieldError } from "@/components/options/FieldError";
import { saveFailed, type Status } from "@/components/options/status";
import { StatusLine } from "@/components/options/StatusLine";
import { t, type Locale } from "@/lib/i18n";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";

/** `https://shop.example.com/*` for what the seller typed (a URL or a bare host); undefined if not a site. */
export function patternFor(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (
    !url.hostname ||
    url.hostname.includes("*") ||
    !/[.]|^localhost$/.test(url.hostname)
  )
    return undefined;
  return `${url.protocol}//${url.hostname}/*`;
}

const siteLabel = (pattern: string) => pattern.replace(/\/\*$/, "");

export interface SitesSectionProps {
  locale: Locale;
  /** Platforms turned off are `false`; absent means on. */
  enabledPlatforms: Partial<Record<PlatformId, boolean>>;
  /** Granted sites as match patterns. */
  sites: readonly string[];
  onSetPlatform(platform: PlatformId, enabled: boolean): Promise<void>;
  /**
   * Asks the browser for the site (must run inside the click: Chrome prompts only on a user
   * gesture), then tells the background. True when granted.
   */
  onGrant(pattern: string): Promise<boolean>;
  onRevoke(pattern: string): Promise<void>;
}

export function SitesSection({
  locale,
  enabledPlatforms,
  sites,
  onSetPlatform,
  onGrant,
  onRevoke,
}: SitesSectionProps) {
  const [address, setAddress] = useState("");
  const [invalid, setInvalid] = useState(false);
  const [status, setStatus] = useState<Status>({ text: "" });
  const fail = (error: unknown) => setStatus(saveFailed(locale, error));

  function grant(event: FormEvent) {
    event.preventDefault();
    const pattern = patternFor(address);
    setInvalid(!pattern);
    if (!pattern) return;
    // Called synchronously from the submit event, so the permission prompt counts as a user gesture.
    onGrant(pattern).then((granted) => {
      if (granted) setAddress("");
      setStatus(
        granted
          ? { text: t(locale, "sites.granted", { site: siteLabel(pattern) }) }
          : {
              text: t(locale, "sites.denied", { site: siteLabel(pattern) }),
              error: true,
            },
      );
    }, fail);
  }

  return (
    <section className="section" aria-label={t(locale, "options.sites")}>
      <h2>{t(locale, "options.sites")}</h2>
      <fieldset>
        <legend>{t(locale, "sites.platforms")}</legend>
        {PLATFORM_IDS.filter((p) => p !== "generic").map((p) => {
          const on = enabledPlatforms[p] !== false;
          return (
            <label className="check" key={p}>
              <input
                type="checkbox"
                name={`platform-${p}`}
                checked={on}
                onChange={async (e) => {
                  const enabled = e.target.checked;
                  try {
                    await onSetPlatform(p, enabled);
                    setStatus({
                      text: t(
                        locale,
                        enabled ? "sites.platformOn" : "sites.platformOff",
                        { platform: t(locale, `platform.${p}`) },
                      ),
                    });
                  } catch (error) {
                    fail(error);
                  }
                }}
              />
              <span>{t(locale, `platform.${p}`)}</span>
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t(locale, "sites.extra")}</legend>
        <p className="hint">{t(locale, "sites.hint")}</p>
        {sites.length === 0 ? (
          <p>{t(locale, "sites.none")}</p>
        ) : (
          <ul className="sites">
            {sites.map((pattern) => (
              <li key={pattern} data-site={pattern}>
                <span>{siteLabel(pattern)}</span>
                <button
                  type="button"
                  onClick={async () => {
                    try {
                      await onRevoke(pattern);
                      setStatus({
                        text: t(locale, "sites.revoked", {
                          site: siteLabel(pattern),
                        }),
                      });
                    } catch (error) {
                      fail(error);
                    }
                  }}
                >
                  {t(locale, "sites.revoke")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className="row" onSubmit={grant} noValidate>
          <label>
            <span>{t(locale, "sites.address")}</span>
            <input
              name="site"
              placeholder="https://shop.example.com"
              value={address}
              aria-invalid={invalid ? true : undefined}
              onChange={(e) => {
                setAddress(e.target.value);
                setInvalid(false);
              }}
            />
          </label>
          <button type="submit">{t(locale, "sites.add")}</button>
          <FieldError
            message={invalid ? t(locale, "sites.invalid") : undefined}
          />
        </form>
      </fieldset>
      <StatusLine status={status} />
    </section>
  );
}
