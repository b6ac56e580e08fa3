// The orders of the benchmarks' 1 000-order Taobao lists (page-badging.mjs, page-speed.mjs), as
// demo/taobao-page.mjs draws them: a fifth unpaid, the rest paid, shipped, done or closed.
const STATUSES = [
  "等待买家付款",
  "买家已付款",
  "卖家已发货",
  "交易成功",
  "交易关闭",
];

/** `count` orders placed a minute apart before `now`, their ids counting up from `firstId`. */
export function benchOrders(count, now, firstId) {
  return Array.from({ length: count }, (_, i) => ({
    id: String(firstId + BigInt(i)),
    createdAt: now - i * 60_000,
    status: STATUSES[i % STATUSES.length],
    buyer: `买家${i % 97}**`,
    items: [
      {
        title: `测试商品 ${i} 手工羊毛围巾`,
        sku: "颜色分类：燕麦色",
        price: "128.00",
        quantity: 1,
      },
    ],
    total: "128.00",
    memo: i % 10 === 0 ? "已联系" : undefined,
  }));
}
