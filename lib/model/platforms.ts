import type { Locale, MessageKey } from "@/lib/i18n";

/*
 * The one table of platforms. Everything else derives from it: the platform ids (model/order.ts),
 * the order script's matches and the host permissions (wxt.config.ts), the default close windows
 * (model/close-deadline.ts), the names shown for a platform. A platform's pages are read by its
 * folder under lib/platforms/, registered there by id (lib/platforms/index.ts).
 *
 * Kept to type-only imports: the build config (wxt.config.ts) loads this file as it is.
 */

const HOUR = 3_600_000;

/** `platform.<id>`, or (failing the typecheck) what is missing: its name in the locale files. */
type NameKey<Id extends string> = `platform.${Id}` extends MessageKey
  ? `platform.${Id}`
  : `platform.${Id} is missing from /locales/*.json`;

/** What PayNudge knows of one platform apart from its pages' DOM. */
interface Platform<Id extends string> {
  /** The locale key of its name; a platform without its `platform.<id>` words does not compile. */
  label: NameKey<Id>;
  /**
   * Chrome match patterns of its order lists: the order script runs there, and the manifest asks
   * for their hosts (those let the background read the URLs of its tabs). Single-page back-offices
   * change route without loading a page, so their whole back-office host is matched and the order
   * script picks adapters per route. Empty for a platform that runs only where the seller granted.
   */
  matches: readonly string[];
  /** The language its buyers read: the templates and sample orders are chosen by it. */
  buyerLocale: Locale;
  /**
   * How long an unpaid order stays open before the platform closes it. No platform states this in
   * a source we trust (see shared/platforms.md), so these are editable defaults; a deadline read
   * from the page always wins. `undefined`: the order never closes by itself.
   */
  closeAfterMs: number | undefined;
  /**
   * The order list a seller opens to start (the welcome page and the empty queue link to it); none
   * for a platform without a host of its own.
   */
  orderPage?: string;
}

/** Checks each entry against its own id (the label names it), keeping the literal types. */
const table = <
  const T extends { readonly [Id in keyof T & string]: Platform<Id> },
>(
  platforms: T,
): T => platforms;

/** In the order the seller sees them (options, filters). */
export const PLATFORMS = table({
  taobao: {
    label: "platform.taobao",
    matches: [
      "https://trade.taobao.com/trade/itemlist/list_sold_items*",
      "https://trade.tmall.com/trade/itemlist/list_sold_items*",
      "https://myseller.taobao.com/*",
      "https://qn.taobao.com/*",
    ],
    buyerLocale: "zh",
    closeAfterMs: 72 * HOUR,
    orderPage: "https://myseller.taobao.com/home.htm/trade-platform/tp/sold",
  },
  jd: {
    label: "platform.jd",
    matches: ["https://porder.shop.jd.com/*", "https://shop.jd.com/jdm/*"],
    buyerLocale: "zh",
    closeAfterMs: 24 * HOUR,
    orderPage: "https://porder.shop.jd.com/order/orderlist/notPay",
  },
  pdd: {
    label: "platform.pdd",
    matches: ["https://mms.pinduoduo.com/*"],
    buyerLocale: "zh",
    closeAfterMs: 24 * HOUR,
    orderPage: "https://mms.pinduoduo.com/orders/list",
  },
  douyin: {
    label: "platform.douyin",
    matches: ["https://fxg.jinritemai.com/*"],
    buyerLocale: "zh",
    closeAfterMs: 0.5 * HOUR,
    orderPage: "https://fxg.jinritemai.com/ffa/morder/order/list",
  },
  shopify: {
    label: "platform.shopify",
    matches: [
      "https://admin.shopify.com/store/*",
      "https://*.myshopify.com/admin/*",
    ],
    buyerLocale: "en",
    closeAfterMs: undefined,
    // The store's handle is the seller's own: the admin opens on their store, its Orders a click away.
    orderPage: "https://admin.shopify.com/",
  },
  // Sites the seller enabled PayNudge on (lib/background/granted-sites.ts): no host of its own.
  generic: {
    label: "platform.generic",
    matches: [],
    buyerLocale: "zh",
    closeAfterMs: 24 * HOUR,
  },
});

/** Where the order script runs in every build: the platforms' order lists. */
export const CONTENT_MATCHES: readonly string[] = Object.values(
  PLATFORMS,
).flatMap((platform): readonly string[] => platform.matches);

/**
 * The bundled demo shop (any port), a Taobao legacy list whose orders are Taobao's. Only
 * development and test builds match it: a seller's production build never runs on a local server it
 * was not granted.
 */
export const DEMO_MATCHES: readonly string[] = [
  "http://localhost/paynudge-demo/*",
  "http://127.0.0.1/paynudge-demo/*",
];
