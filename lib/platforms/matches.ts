/*
 * Where the order content script runs, as Chrome match patterns. Kept free of imports: the build
 * config (wxt.config.ts) reads it to write the manifest's content-script matches and host
 * permissions, and the content script reads it to tell a platform's page from a granted site.
 */

/**
 * The hosts of the pages some adapter knows. Single-page back-offices (Qianniu, JD's new list, PDD,
 * Douyin, Shopify) change route without loading a page, so their whole back-office host is matched
 * and the content script picks adapters per route.
 */
export const CONTENT_MATCHES: readonly string[] = [
  "https://trade.taobao.com/trade/itemlist/list_sold_items*",
  "https://trade.tmall.com/trade/itemlist/list_sold_items*",
  "https://myseller.taobao.com/*",
  "https://qn.taobao.com/*",
  "https://porder.shop.jd.com/*",
  "https://shop.jd.com/jdm/*",
  "https://mms.pinduoduo.com/*",
  "https://fxg.jinritemai.com/*",
  "https://admin.shopify.com/store/*",
  "https://*.myshopify.com/admin/*",
];

/**
 * The bundled demo shop (any port). Only development and test builds match it: a seller's
 * production build never runs on a local server it was not granted.
 */
export const DEMO_MATCHES: readonly string[] = [
  "http://localhost/paynudge-demo/*",
  "http://127.0.0.1/paynudge-demo/*",
];

/**
 * Host permissions for the patterns: the origin of each (Chrome ignores a host permission's path).
 * They let the background see the URLs of the platforms' tabs without the `tabs` permission.
 */
export function hostPermissionsFor(patterns: readonly string[]): string[] {
  return [
    ...new Set(
      patterns.map((pattern) =>
        pattern.replace(/^([^:]+:\/\/[^/]+)\/.*$/, "$1/*"),
      ),
    ),
  ];
}
