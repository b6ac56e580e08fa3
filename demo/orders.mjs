// The demo shop's orders, placed relative to `now` so that some nudges are always due.

const MINUTE = 60_000;

/** @typedef {{ title: string, sku: string, price: string, quantity: number }} DemoItem */
/**
 * @typedef {object} DemoOrder
 * @property {string} id 19 digits, like Taobao's
 * @property {number} createdAt epoch ms
 * @property {'等待买家付款'|'买家已付款'|'卖家已发货'|'交易成功'|'交易关闭'} status
 * @property {string} buyer
 * @property {DemoItem[]} items
 * @property {string} total e.g. "256.00"
 * @property {string} [memo]
 */

const CATALOGUE = [
  ["加厚珊瑚绒四件套 冬季保暖床品", "颜色分类：燕麦色；尺寸：1.8m床", "239.00"],
  ["手工陶瓷马克杯 带盖勺 办公室水杯", "颜色分类：雾霾蓝", "39.90"],
  ["纯棉儿童睡衣套装 秋冬款", "颜色分类：小熊印花；尺码：110cm", "89.00"],
  ["北欧风实木小边几 沙发边柜", "颜色分类：原木色", "168.00"],
  ["无线降噪蓝牙耳机 长续航", "颜色分类：珍珠白", "299.00"],
  ["云南古树普洱茶 生茶饼 357克", "净含量：357g", "128.00"],
  ["羊毛混纺围巾 男女同款", "颜色分类：酒红", "79.00"],
  ["可折叠收纳箱 三件装", "规格：大号×3", "59.90"],
  ["婴儿防胀气奶瓶 宽口径", "容量：240ml", "118.00"],
  ["手冲咖啡壶套装 细口壶", "颜色分类：哑光黑", "186.00"],
];

const BUYERS = [
  "牛**",
  "小***",
  "t**8",
  "晴天***",
  "a**y",
  "木***子",
  "张**",
  "橙子***",
  "l**7",
  "阿***",
  "米**",
  "夏***",
];

/** [minutes ago, status, quantity] */
const PLAN = [
  [5, "等待买家付款", 1],
  [12, "等待买家付款", 2],
  [21, "买家已付款", 1],
  [25, "等待买家付款", 1],
  [29, "等待买家付款", 1],
  [34, "等待买家付款", 1],
  [41, "卖家已发货", 1],
  [45, "等待买家付款", 3],
  [58, "等待买家付款", 1],
  [66, "买家已付款", 2],
  [90, "等待买家付款", 1],
  [120, "交易关闭", 1],
  [150, "等待买家付款", 1],
  [180, "买家已付款", 1],
  [240, "等待买家付款", 2],
  [300, "卖家已发货", 1],
  [400, "等待买家付款", 1],
  [500, "交易成功", 1],
  [720, "等待买家付款", 1],
  [800, "买家已付款", 1],
  [1000, "交易关闭", 2],
  [1200, "卖家已发货", 1],
  [1500, "等待买家付款", 1],
  [1700, "交易成功", 1],
  [2000, "买家已付款", 1],
  [2200, "卖家已发货", 3],
  [2500, "交易关闭", 1],
  [2700, "交易成功", 1],
  [2880, "等待买家付款", 1],
  [2900, "买家已付款", 1],
];

/** How long after its order the demo's one memo was written; its order is far older than this. */
export const NOTE_AFTER_MINUTES = 20;

/**
 * "MM-dd HH:mm" in local time, as the standard order note starts (lib/templates notes).
 * @param {number} at epoch ms
 */
function noteStamp(at) {
  const d = new Date(at);
  const two = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function centsToText(cents) {
  return (cents / 100).toFixed(2);
}

/**
 * @param {number} now epoch ms
 * @returns {DemoOrder[]} newest first, as the seller's list shows them
 */
export function demoOrders(now) {
  return PLAN.map(([minutesAgo, status, quantity], i) => {
    const [title, sku, price] = CATALOGUE[i % CATALOGUE.length];
    const cents = Math.round(Number(price) * 100) * quantity;
    const order = {
      // Fixed ids, so that tests and screenshots can name an order.
      id: (3905120000000000000n + BigInt(i) * 1_000_003n).toString(),
      createdAt: now - minutesAgo * MINUTE,
      status,
      buyer: BUYERS[i % BUYERS.length],
      items: [{ title, sku, price, quantity }],
      total: centsToText(cents),
    };
    // A note as PayNudge writes one, a while after the order was placed (never before it).
    if (i === 22)
      order.memo = `${noteStamp(order.createdAt + NOTE_AFTER_MINUTES * MINUTE)} 阿华 第1次 说晚上付款`;
    return /** @type {DemoOrder} */ (order);
  });
}

export const DEMO_SHOP_NAME = "暖暖家居小铺";
