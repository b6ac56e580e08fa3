import { browser } from "wxt/browser";
import { CONTENT_MATCHES } from "@/lib/platforms";

/*
 * Sites the seller enabled PayNudge on, beyond the platforms it knows. The seller grants a site
 * (an optional host permission, asked from an extension page on a click); the order content script
 * is then registered for that site, where it runs the generic adapter. Registrations follow the
 * permissions: granted → registered, revoked → unregistered. Never every page: broad patterns such
 * as `https://*\/*` are ignored even if granted.
 */

export const GRANTED_SCRIPT_ID = "paynudge-granted-sites";
/** The built order script (WXT's output name for the unlisted script entrypoints/orders). */
export const ORDERS_SCRIPT = "orders.js";

/** `https://shop.example.com/*` for an origin or URL; undefined for anything not an http(s) host. */
function sitePattern(origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  if (!url.hostname || url.hostname.includes("*")) return undefined;
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * Granted origins that name one site (no wildcard host) and are not already a built-in match nor
 * one of the manifest's own host permissions (`required`: the platforms' hosts, which
 * `permissions.getAll` lists too; the content script runs there on the manifest's narrower paths).
 */
function specificSites(
  origins: readonly string[],
  required: readonly string[] = [],
): string[] {
  const builtIn = new Set([...CONTENT_MATCHES, ...required]);
  return [...new Set(origins)]
    .filter(
      (pattern) =>
        /^https?:\/\/[^*/]+\/\*$/.test(pattern) && !builtIn.has(pattern),
    )
    .sort();
}

/** The sites the seller granted, as match patterns (`https://shop.example.com/*`). */
export async function grantedSites(): Promise<string[]> {
  const all = await browser.permissions.getAll();
  return specificSites(
    all.origins ?? [],
    browser.runtime.getManifest().host_permissions ?? [],
  );
}

/** Makes the content-script registration match the granted sites exactly. */
export async function syncGrantedSites(): Promise<string[]> {
  const sites = await grantedSites();
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [GRANTED_SCRIPT_ID],
  });
  if (!sites.length) {
    if (existing.length)
      await browser.scripting.unregisterContentScripts({
        ids: [GRANTED_SCRIPT_ID],
      });
    return sites;
  }
  const script = {
    id: GRANTED_SCRIPT_ID,
    matches: sites,
    js: [ORDERS_SCRIPT],
    allFrames: true,
    runAt: "document_idle" as const,
    persistAcrossSessions: true,
  };
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return sites;
}

/**
 * Asks for the site's permission (call from an extension page, in a click handler: Chrome shows its
 * prompt only on a user gesture), then registers the script there. True when the site is enabled.
 */
export async function grantSite(origin: string): Promise<boolean> {
  const pattern = sitePattern(origin);
  if (!pattern) return false;
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (granted) await syncGrantedSites();
  return granted;
}

/** Withdraws the site's permission and its registration. */
export async function revokeSite(origin: string): Promise<boolean> {
  const pattern = sitePattern(origin);
  if (!pattern) return false;
  const removed = await browser.permissions.remove({ origins: [pattern] });
  await syncGrantedSites();
  return removed;
}

/** Background: keeps registrations in sync with permissions from now on; stops on `signal`. */
export function watchGrantedSites(signal?: AbortSignal): void {
  const sync = () =>
    void syncGrantedSites().catch((error) =>
      console.error("PayNudge granted sites", error),
    );
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  signal?.addEventListener(
    "abort",
    () => {
      browser.permissions.onAdded.removeListener(sync);
      browser.permissions.onRemoved.removeListener(sync);
    },
    { once: true },
  );
  sync();
}
