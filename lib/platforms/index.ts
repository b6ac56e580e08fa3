import { demoShop } from './demo-shop';
import { taobaoLegacy } from './taobao-legacy';
import type { PlatformAdapter } from './types';

export const ADAPTERS: readonly PlatformAdapter[] = [taobaoLegacy, demoShop];

/** Match patterns for the content script: exactly the pages some adapter knows. */
export const CONTENT_MATCHES = [
  'https://trade.taobao.com/trade/itemlist/list_sold_items*',
  'https://trade.tmall.com/trade/itemlist/list_sold_items*',
  // The bundled demo shop (any port).
  'http://localhost/paynudge-demo/*',
  'http://127.0.0.1/paynudge-demo/*',
];

export function adaptersFor(url: URL): PlatformAdapter[] {
  return ADAPTERS.filter((adapter) => adapter.matches(url));
}
