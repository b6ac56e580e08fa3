import { it } from 'vitest';
import { adaptersFor } from '../../../lib/platforms';
import { openFixture, parseAll, until } from './fixture';

const NOW = new Date(2024, 4, 18, 16, 30, 0).getTime();
const CASES: [string, string][] = [
  ['taobao-legacy.html', 'https://trade.taobao.com/trade/itemlist/list_sold_items.htm'],
  ['qianniu.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold'],
  ['jd-orderlist.html', 'https://porder.shop.jd.com/order/orderlist/allOrders'],
  ['jd-shopweb.html', 'https://porder.shop.jd.com/order/orderlist/notPay'],
  ['jd-new.html', 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=all'],
  ['pdd.html', 'https://mms.pinduoduo.com/orders/list?tab=0'],
  ['douyin.html', 'https://fxg.jinritemai.com/ffa/morder/order/list'],
  ['shopify.html', 'https://admin.shopify.com/store/demo/orders'],
  ['generic-unknown.html', 'https://erp.example.com/orders'],
  ['generic-unknown.html', 'https://mms.pinduoduo.com/orders/list-new'],
  ['xss.html', 'https://trade.tmall.com/trade/itemlist/list_sold_items.htm'],
];
it('dump', async () => {
  for (const [name, url] of CASES) {
    const dom = openFixture(name, url);
    const adapters = adaptersFor(new URL(url), { granted: true });
    const found = await until(() => adapters.map((a) => [a, parseAll(a, dom.window.document, NOW)] as const).find(([, o]) => o.length), (v) => !!v, 3000).catch(() => undefined);
    console.log(name, url, found?.[0].id, JSON.stringify(found?.[1].map((o) => ({ ...o, createdAt: o.createdAt && new Date(o.createdAt).toString().slice(4, 24), closesAt: o.closesAt && (o.closesAt - NOW) / 60000, items: o.items.map((i) => i.title.slice(0, 30)) })), null, 0));
    dom.window.close();
  }
}, 60000);
