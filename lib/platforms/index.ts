import { demoShop } from "@/lib/platforms/demo-shop";
import { douyin } from "@/lib/platforms/douyin";
import { genericAdapter } from "@/lib/platforms/generic";
import { jdNewList, jdOrderList } from "@/lib/platforms/jd";
import { pinduoduo } from "@/lib/platforms/pdd";
import { qianniu } from "@/lib/platforms/qianniu";
import { shopify } from "@/lib/platforms/shopify";
import { taobaoLegacy } from "@/lib/platforms/taobao-legacy";
import { CONTENT_MATCHES, DEMO_MATCHES } from "@/lib/platforms/matches";
import type { PlatformAdapter } from "@/lib/platforms/types";

export const ADAPTERS: readonly PlatformAdapter[] = [
  taobaoLegacy,
  qianniu,
  jdOrderList,
  jdNewList,
  pinduoduo,
  douyin,
  shopify,
  // The bundled demo shop: development and test builds only.
  ...(import.meta.env.MODE === "production" ? [] : [demoShop]),
];

export { CONTENT_MATCHES, DEMO_MATCHES } from "@/lib/platforms/matches";

/** The patterns the content script runs on in this build (the demo shop outside production). */
const RUNS_ON: readonly string[] =
  import.meta.env.MODE === "production"
    ? CONTENT_MATCHES
    : [...CONTENT_MATCHES, ...DEMO_MATCHES];

/** The text-only adapter for a site the seller granted, which no platform adapter knows. */
export const GENERIC_ADAPTER: PlatformAdapter = genericAdapter("generic", {
  id: "generic",
});

const fallbacks = new Map<string, PlatformAdapter>();

/**
 * The adapters for a page, most specific first. On a known order list the platform's adapters come
 * first and the generic adapter (labelled with that platform) last: it only runs when their
 * selectors find nothing, because the host changed its DOM. `granted` (a site the seller enabled
 * PayNudge on) gives the generic adapter alone when no platform adapter knows the page.
 */
export function adaptersFor(
  url: URL,
  opts: { granted?: boolean } = {},
): PlatformAdapter[] {
  const known = ADAPTERS.filter((adapter) => adapter.matches(url));
  if (!known.length) return opts.granted ? [GENERIC_ADAPTER] : [];
  const platform = known[0]!.platform;
  if (
    known.some(
      (adapter) => adapter.id.startsWith("generic") || adapter.id === "jd-new",
    )
  )
    return known;
  let fallback = fallbacks.get(platform);
  if (!fallback)
    fallbacks.set(
      platform,
      (fallback = genericAdapter(platform, { id: `generic-${platform}` })),
    );
  return [...known, fallback];
}

/**
 * The platforms whose orders a page at `url` can show: those of the adapters that read it, or the
 * generic one on a site the seller granted. A batch from that page may hold no other platform's.
 */
export function platformsAt(url: URL): Set<string> {
  return new Set(
    adaptersFor(url, { granted: true }).map((adapter) => adapter.platform),
  );
}

/** True when a URL is covered by the content script's static match patterns in this build. */
export function isKnownHost(url: URL): boolean {
  return RUNS_ON.some((pattern) => matchPattern(pattern, url));
}

/** Chrome match-pattern semantics, enough for the patterns above and for granted origins. */
export function matchPattern(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  if (scheme !== "*" && `${scheme}:` !== url.protocol) return false;
  if (host !== "*") {
    if (host!.startsWith("*.")) {
      const base = host!.slice(2);
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`))
        return false;
    } else if (url.hostname !== host) return false;
  }
  const re = new RegExp(
    `^${path!.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`,
  );
  return re.test(url.pathname + url.search);
}
