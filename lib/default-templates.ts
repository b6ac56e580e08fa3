import type { Locale } from './i18n';

export interface MessageTemplate {
  id: string;
  scenario: 'first';
  locale: Locale;
  name: string;
  body: string;
}

/** Shipped wording, written for PayNudge. Sellers edit their own copies in the options page. */
export const DEFAULT_TEMPLATES: MessageTemplate[] = [
  {
    id: 'default-first-zh',
    scenario: 'first',
    locale: 'zh',
    name: '首次催付',
    body:
      '{{buyer}}您好，这里是{{shop}}～看到您{{orderTime}}拍下的「{{item}}」（{{amount}}）还没有付款，' +
      '是遇到什么问题了吗？现在付款我们今天就安排打包，有任何疑问随时找我哦。',
  },
  {
    id: 'default-first-en',
    scenario: 'first',
    locale: 'en',
    name: 'First reminder',
    body:
      'Hi {{buyer}}, this is {{shop}}. Your order of "{{item}}" ({{amount}}) placed {{orderTime}} is ' +
      'still waiting for payment. Anything we can help with? Pay now and we pack it today.',
  },
];

export function templateFor(scenario: MessageTemplate['scenario'], locale: Locale): MessageTemplate {
  const found = DEFAULT_TEMPLATES.find((tpl) => tpl.scenario === scenario && tpl.locale === locale);
  // The Chinese set is always complete.
  return found ?? DEFAULT_TEMPLATES.find((tpl) => tpl.scenario === scenario && tpl.locale === 'zh')!;
}
