export type Locale = 'zh' | 'en';

/** Simplified Chinese by default; English when the browser prefers it. */
export function pickLocale(languages: readonly string[] | undefined): Locale {
  for (const lang of languages ?? []) {
    const l = lang.toLowerCase();
    if (l.startsWith('zh')) return 'zh';
    if (l.startsWith('en')) return 'en';
  }
  return 'zh';
}

const zh = {
  'state.upcoming': '待催付',
  'state.due': '该催付了',
  'state.overdue': '已逾期',
  'state.reminded': '已催付',
  'state.expired': '超时未付',
  'state.paid': '已付款',
  'state.closed': '已关闭',
  'state.other': '',
  'badge.copy': '点击复制催付话术',
  'badge.copied': '已复制',
  'badge.copyFailed': '复制失败',
  'badge.in': '{t}后',
  'badge.ago': '{t}前',
  'badge.dueAt': '下次催付 {time}',
  'badge.overdueFor': '逾期{t}',
  'popup.title': '今日催付',
  'popup.loading': '加载中…',
  'popup.empty': '今天没有需要催付的订单。',
  'popup.overdue': '已逾期',
  'popup.due': '今日待催',
  'popup.open': '打开订单页',
  'notify.title': '该催付了：{buyer}',
  'notify.summaryTitle': '{n} 个订单该催付了',
  'notify.body': '{item} · {amount} · 下单于 {time}',
  'var.missing': '【未填:{name}】',
  'platform.taobao': '淘宝/天猫',
  'platform.jd': '京东',
  'platform.pdd': '拼多多',
  'platform.douyin': '抖店',
  'platform.shopify': 'Shopify',
  'platform.generic': '其他网站',
  'unknown.buyer': '（买家未知）',
  'unknown.item': '（商品未知）',
};

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'state.upcoming': 'Upcoming',
  'state.due': 'Nudge now',
  'state.overdue': 'Overdue',
  'state.reminded': 'Nudged',
  'state.expired': 'Past deadline',
  'state.paid': 'Paid',
  'state.closed': 'Closed',
  'state.other': '',
  'badge.copy': 'Click to copy the reminder message',
  'badge.copied': 'Copied',
  'badge.copyFailed': 'Copy failed',
  'badge.in': 'in {t}',
  'badge.ago': '{t} ago',
  'badge.dueAt': 'Next nudge {time}',
  'badge.overdueFor': '{t} late',
  'popup.title': "Today's nudges",
  'popup.loading': 'Loading…',
  'popup.empty': 'No orders to nudge today.',
  'popup.overdue': 'Overdue',
  'popup.due': 'Due today',
  'popup.open': 'Open order page',
  'notify.title': 'Time to nudge: {buyer}',
  'notify.summaryTitle': '{n} orders to nudge',
  'notify.body': '{item} · {amount} · ordered {time}',
  'var.missing': '[missing: {name}]',
  'platform.taobao': 'Taobao/Tmall',
  'platform.jd': 'JD',
  'platform.pdd': 'Pinduoduo',
  'platform.douyin': 'Douyin',
  'platform.shopify': 'Shopify',
  'platform.generic': 'Other site',
  'unknown.buyer': '(unknown buyer)',
  'unknown.item': '(unknown item)',
};

const dictionaries: Record<Locale, Record<Key, string>> = { zh, en };

export type MessageKey = Key;

export function t(locale: Locale, key: Key, params: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
