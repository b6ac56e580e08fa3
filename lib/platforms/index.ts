import { MatchPattern } from "wxt/utils/match-patterns";
import { PLATFORM_IDS, type PlatformId } from "@/lib/model/order";
import { CONTENT_MATCHES, DEMO_MATCHES } from "@/lib/model/platforms";
import { demoShop } from "@/lib/platforms/demo-shop/adapter";
import { DOUYIN_ADAPTERS } from "@/lib/platforms/douyin";
import { genericAdapter } from "@/lib/platforms/generic/adapter";
import { GENERIC_ADAPTER, GENERIC_ADAPTERS } from "@/lib/platforms/generic";
import { JD_ADAPTERS } from "@/lib/platforms/jd";
import { PDD_ADAPTERS } from "@/lib/platforms/pdd";
import type { PlatformAdapter } from "@/lib/platforms/shared/types";
import { SHOPIFY_ADAPTERS } from "@/lib/platforms/shopify";
import { TAOBAO_ADAPTERS } from "@/lib/platforms/taobao";
import { taughtAdapter } from "@/lib/platforms/taught/adapter";
import { taughtReaderAt, type TaughtReader } from "@/lib/model/taught-reader";

/**
 * Every platform's adapters, most specific first, from its folder. A platform of the table
 * (lib/model/platforms.ts) without its entry here, or an adapter listed under another platform than
 * its own, does not compile.
 */
const BY_PLATFORM = {
  taobao: TAOBAO_ADAPTERS,
  jd: JD_ADAPTERS,
  pdd: PDD_ADAPTERS,
  douyin: DOUYIN_ADAPTERS,
  shopify: SHOPIFY_ADAPTERS,
  generic: GENERIC_ADAPTERS,
} satisfies { readonly [P in PlatformId]: readonly PlatformAdapter<P>[] };

export const ADAPTERS: readonly PlatformAdapter[] = [
  ...PLATFORM_IDS.flatMap(
    (platform): readonly PlatformAdapter[] => BY_PLATFORM[platform],
  ),
  // The bundled demo shop: development and test builds only.
  ...(import.meta.env.MODE === "production" ? [] : [demoShop]),
];

export { CONTENT_MATCHES } from "@/lib/model/platforms";
export { GENERIC_ADAPTER } from "@/lib/platforms/generic";

/** The patterns the content script runs on in this build (the demo shop outside production). */
const RUNS_ON: readonly string[] =
  import.meta.env.MODE === "production"
    ? CONTENT_MATCHES
    : [...CONTENT_MATCHES, ...DEMO_MATCHES];

const fallbacks = new Map<string, PlatformAdapter>();
const taughtAdapters = new WeakMap<TaughtReader, PlatformAdapter>();

/**
 * The adapters for a page, most specific first. A reader the seller taught for the page comes
 * before all (they taught it because the others read it wrong), its orders the page's platform's.
 * On a known order list the platform's adapters come next and the generic adapter (labelled with
 * that platform) last: it only runs when their selectors find nothing, because the host changed
 * its DOM. `granted` (a site the seller enabled PayNudge on) gives the generic adapter alone when
 * no platform adapter knows the page.
 */
export function adaptersFor(
  url: URL,
  opts: { granted?: boolean; taught?: readonly TaughtReader[] } = {},
): PlatformAdapter[] {
  const builtIn = builtInAdaptersFor(url, opts);
  const reader = opts.taught && taughtReaderAt(opts.taught, url);
  if (!reader) return builtIn;
  let taught = taughtAdapters.get(reader);
  if (!taught)
    taughtAdapters.set(
      reader,
      (taught = taughtAdapter(reader, builtIn[0]?.platform ?? platformAt(url))),
    );
  return [taught, ...builtIn];
}

/** The platform a reader taught at `url` reads orders of: the page's, or the generic one. */
export function platformAt(url: URL): PlatformId {
  return builtInAdaptersFor(url, { granted: true })[0]?.platform ?? "generic";
}

function builtInAdaptersFor(
  url: URL,
  opts: { granted?: boolean },
): PlatformAdapter[] {
  const known = ADAPTERS.filter((adapter) => adapter.matches(url));
  if (!known.length) return opts.granted ? [GENERIC_ADAPTER] : [];
  const platform = known[0]!.platform;
  // A page already read by text alone gains nothing from a second such reading.
  if (known.some((adapter) => adapter.textOnly)) return known;
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

/**
 * Chrome match-pattern semantics (WXT's MatchPattern). It compares the path without the query,
 * which Chrome includes: the same answer for patterns whose path ends in `*`, as the table's do.
 */
export function matchPattern(pattern: string, url: URL): boolean {
  // The href, not the URL: MatchPattern checks `instanceof Location`, a name service workers lack.
  return new MatchPattern(pattern).includes(url.href);
}
