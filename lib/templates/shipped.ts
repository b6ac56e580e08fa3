import type { Locale } from "@/lib/i18n";
import type { StoredOrder } from "@/lib/model/order";
import { STEP_SCENARIOS } from "@/lib/model/steps";

/**
 * When a message is used: every plan step's scenario (lib/engine/types.ts StepScenario), plus two
 * no step plans but agents need: help with paying, and the polite close when the buyer no longer
 * wants the order (ask why, thank them, offer to close it).
 */
export const TEMPLATE_SCENARIOS = [
  ...STEP_SCENARIOS,
  "payment-help",
  "declined",
] as const;
export type TemplateScenario = (typeof TEMPLATE_SCENARIOS)[number];

/** For a plan step's scenario arriving as a plain string (OrderView.nextStep, stored settings). */
export function isTemplateScenario(value: unknown): value is TemplateScenario {
  return (
    typeof value === "string" &&
    (TEMPLATE_SCENARIOS as readonly string[]).includes(value)
  );
}

export const TEMPLATE_SEGMENTS = [
  "any",
  "new",
  "returning",
  "high-value",
] as const;
export type TemplateSegment = (typeof TEMPLATE_SEGMENTS)[number];

export const TEMPLATE_CHANNELS = ["chat", "sms", "phone"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export interface MessageTemplate {
  id: string;
  scenario: TemplateScenario;
  segment: TemplateSegment;
  channel: TemplateChannel;
  locale: Locale;
  /**
   * Written for one kind of order: a buyer who chatted first (询单) or a silent order (静默下单).
   * Absent: fits both.
   */
  orderKind?: "consulted" | "silent";
  name: string;
  body: string;
}

type Draft = Omit<MessageTemplate, "segment" | "channel"> &
  Partial<Pick<MessageTemplate, "segment" | "channel">>;

const zhOptOut = "拒收请回复R";
const enOptOut = "Reply STOP to opt out";

/*
 * Shipped wording, written for PayNudge (never copied from practitioners' articles). Sellers edit
 * their own copies in the options page. SMS bodies open with the 【shop】 signature Chinese carriers
 * expect, name the item and order time, carry one technique, end with the opt-out, and stay short.
 * Order inside a scenario matters: templatesFor() keeps it for ties.
 */
const DRAFTS: Draft[] = [
  // ——— 中文 ———
  {
    id: "default-first-zh",
    scenario: "first",
    locale: "zh",
    name: "首次催付",
    body:
      "{{buyer}}您好，这里是{{shop}}～看到您{{orderTime}}拍下的「{{item}}」（{{amount}}）还没有付款，" +
      "是遇到什么问题了吗？现在付款我们今天就安排打包，有任何疑问随时找我哦。",
  },
  {
    id: "zh-consulted-now",
    scenario: "consulted-now",
    orderKind: "consulted",
    locale: "zh",
    name: "询单拍下·趁热提醒",
    body:
      "亲，我是刚刚接待您的{{agent}}～「{{item}}」{{attrs}}已经帮您留好了，今天截单前付款，仓库当天就能打包发出。" +
      "还有想了解的直接问我就行！",
  },
  {
    id: "zh-consulted-now-new",
    scenario: "consulted-now",
    segment: "new",
    orderKind: "consulted",
    locale: "zh",
    name: "询单拍下·新客",
    body:
      "欢迎第一次来{{shop}}～我是{{agent}}。刚才聊的「{{item}}」您已经拍下啦，付款时哪一步不清楚随时叫我，" +
      "我陪您一步步操作，今天付款今天安排发货。",
  },
  {
    id: "zh-consulted-now-returning",
    scenario: "consulted-now",
    segment: "returning",
    orderKind: "consulted",
    locale: "zh",
    name: "询单拍下·老客",
    body: "谢谢又来照顾{{shop}}的生意！「{{item}}」{{attrs}}已经给您备好，老顾客付款后我们优先打包，今天就能发出～",
  },
  {
    id: "zh-first-silent",
    scenario: "first",
    orderKind: "silent",
    locale: "zh",
    name: "静默下单·首次",
    body:
      "{{buyer}}您好，感谢您在{{shop}}下单！您{{orderTime}}拍下的「{{item}}」（{{amount}}）还差最后一步付款，" +
      "不知道是不是付款时卡住了？需要的话回复我，我帮您看看。付款后当天就给您安排。",
  },
  {
    id: "zh-first-consulted",
    scenario: "first",
    orderKind: "consulted",
    locale: "zh",
    name: "询单后离开·首次",
    body:
      "{{buyer}}，刚才和您聊的「{{item}}」我一直给您留着呢～您方便的时候点一下付款就好，" +
      "今天付款今天发货，还有疑问继续找我{{agent}}。",
  },
  {
    id: "zh-first-new",
    scenario: "first",
    segment: "new",
    locale: "zh",
    name: "首次催付·新客",
    body:
      "{{buyer}}您好，欢迎第一次光临{{shop}}！您拍下的「{{item}}」还差付款这一步。" +
      "第一次在我们家买，如果对付款流程不熟，回复我就行，我一步步教您。",
  },
  {
    id: "zh-first-returning",
    scenario: "first",
    segment: "returning",
    locale: "zh",
    name: "首次催付·老客",
    body: "{{buyer}}，谢谢又来支持{{shop}}！您{{orderTime}}拍的「{{item}}」还没付款哦，老顾客的订单付款后我们优先打包发出～",
  },
  {
    id: "zh-first-high-value",
    scenario: "first",
    segment: "high-value",
    locale: "zh",
    name: "首次催付·大额",
    body:
      "{{buyer}}您好，我是{{shop}}的客服{{agent}}，这笔订单由我全程跟进。您选购的「{{item}}」{{attrs}}（{{amount}}）" +
      "目前还未付款，付款后优先发货并加固包装。有任何顾虑都可以直接跟我说。",
  },
  {
    id: "zh-follow-up",
    scenario: "follow-up",
    locale: "zh",
    name: "第二次催付",
    body:
      "{{buyer}}您好，再跟您确认一下：{{orderTime}}拍下的「{{item}}」还在等您付款。" +
      "如果是规格、运费或者付款上有疑问，告诉我，我来帮您想办法～",
  },
  {
    id: "zh-follow-up-sms",
    scenario: "follow-up",
    channel: "sms",
    locale: "zh",
    name: "第二次催付·短信",
    body: `【{{shop}}】您{{orderTime}}拍的{{item}}还未付款，库存不多已为您预留，今天付款今天发。${zhOptOut}`,
  },
  {
    id: "zh-follow-up-sms-new",
    scenario: "follow-up",
    channel: "sms",
    segment: "new",
    locale: "zh",
    name: "第二次催付·短信·新客",
    body: `【{{shop}}】欢迎新朋友！您{{orderTime}}拍的{{item}}待付款，尺码地址有疑问可先联系客服确认。${zhOptOut}`,
  },
  {
    id: "zh-follow-up-sms-returning",
    scenario: "follow-up",
    channel: "sms",
    segment: "returning",
    locale: "zh",
    name: "第二次催付·短信·老客",
    body: `【{{shop}}】老顾客您好，您{{orderTime}}拍的{{item}}还没付款，付款后优先为您发货。${zhOptOut}`,
  },
  {
    id: "zh-final",
    scenario: "final",
    locale: "zh",
    name: "关单前最后提醒",
    body:
      "{{buyer}}您好，温馨提醒：您拍下的「{{item}}」再过{{timeLeft}}就会被系统自动关闭。" +
      "现在付款就不用重新下单，宝贝也不会被别人抢走～",
  },
  {
    id: "zh-final-sms",
    scenario: "final",
    channel: "sms",
    locale: "zh",
    name: "关单前最后提醒·短信",
    body: `【{{shop}}】您{{orderTime}}拍的{{item}}未付款，订单{{timeLeft}}后自动关闭，现在付款免重拍。${zhOptOut}`,
  },
  {
    id: "zh-final-high-value",
    scenario: "final",
    segment: "high-value",
    locale: "zh",
    name: "关单前最后提醒·大额",
    body:
      "{{buyer}}您好，我是{{agent}}。您的「{{item}}」（{{amount}}）还有{{timeLeft}}就要自动关闭了，" +
      "这单我们已经单独备货，付款后当天发出。如果不需要了也请告诉我一声，我帮您处理。",
  },
  {
    id: "zh-phone",
    scenario: "phone",
    channel: "phone",
    locale: "zh",
    name: "电话提纲",
    body:
      "① 问候：您好，我是{{shop}}的{{agent}}，耽误您一分钟。\n" +
      "② 确认：您{{orderTime}}拍的「{{item}}」（{{amount}}）还没付款，是遇到什么问题了吗？大概什么时候方便付？\n" +
      "③ 对方不方便：抱歉打扰，稍后发短信给您，祝您生活愉快。\n" +
      "④ 记下原因和答复时间，写进备注。",
  },
  {
    id: "zh-phone-high-value",
    scenario: "phone",
    channel: "phone",
    segment: "high-value",
    locale: "zh",
    name: "电话回访提纲·大额",
    body:
      "① 问候：{{buyer}}您好，我是{{shop}}的{{agent}}，感谢您选了我们的「{{item}}」。\n" +
      "② 询问：订单（{{amount}}）还没付款，需要我帮您取消，还是有什么顾虑我可以解答？\n" +
      "③ 建议：您对我们的商品或服务有什么建议吗？\n" +
      "④ 对方不方便：道歉后礼貌结束，改发短信；记下原因和答复时间。",
  },
  {
    id: "zh-phone-new",
    scenario: "phone",
    channel: "phone",
    segment: "new",
    locale: "zh",
    name: "电话提纲·新客",
    body:
      "① 问候：您好，我是{{shop}}的{{agent}}，谢谢您第一次在我们家下单。\n" +
      "② 帮忙：「{{item}}」还没付款，是不是付款步骤不太熟？我可以在电话里一步步带您操作。\n" +
      "③ 对方不方便：抱歉打扰，稍后把付款步骤发给您。\n" +
      "④ 记下原因和答复时间，写进备注。",
  },
  {
    id: "zh-promo-low-stock",
    scenario: "promo-low-stock",
    locale: "zh",
    name: "大促·库存紧张",
    body:
      "{{buyer}}，活动太火爆啦！您拍下的「{{item}}」{{attrs}}库存已经不多，付款后才算真正锁定，" +
      "建议尽快完成付款，免得被别人抢先～",
  },
  {
    id: "zh-promo-low-stock-sms",
    scenario: "promo-low-stock",
    channel: "sms",
    locale: "zh",
    name: "大促·库存紧张·短信",
    body: `【{{shop}}】您{{orderTime}}拍的{{item}}活动库存仅剩少量，付款才锁定库存，售罄即止。${zhOptOut}`,
  },
  {
    id: "zh-promo-low-stock-returning",
    scenario: "promo-low-stock",
    segment: "returning",
    locale: "zh",
    name: "大促·库存紧张·老客",
    body: "{{buyer}}，老顾客提醒一声：您抢到的「{{item}}」剩下的不多了，付款后我们按老顾客优先顺序发货～",
  },
  {
    id: "zh-promo-ending",
    scenario: "promo-ending",
    locale: "zh",
    name: "大促·活动将结束",
    body:
      "{{buyer}}您好，活动马上就要结束了，您拍下的「{{item}}」（{{amount}}）结束后将恢复原价，" +
      "现在付款依然按活动价，别错过哦～",
  },
  {
    id: "zh-promo-ending-sms",
    scenario: "promo-ending",
    channel: "sms",
    locale: "zh",
    name: "大促·活动将结束·短信",
    body: `【{{shop}}】活动即将结束，您{{orderTime}}拍的{{item}}尚未付款，结束后恢复原价。${zhOptOut}`,
  },
  {
    id: "zh-payment-help",
    scenario: "payment-help",
    locale: "zh",
    name: "付款遇到问题·指导",
    body:
      "别着急，付款其实很简单：打开App的「我的订单」→「待付款」，找到「{{item}}」点「付款」就可以了。" +
      "钱会先由平台保管，您确认收货后才给到商家，可以放心。哪一步不清楚截图给我，我来帮您看～",
  },
  {
    id: "zh-payment-help-new",
    scenario: "payment-help",
    segment: "new",
    locale: "zh",
    name: "付款遇到问题·新客/长辈",
    body:
      "第一次付款不熟悉很正常，我们慢慢来～① 打开App里的「我的订单」；② 点「待付款」；③ 找到「{{item}}」点「付款」，" +
      "按提示输入支付密码就好。卡在哪一步告诉我，我陪着您。",
  },
  {
    id: "zh-payment-help-link",
    scenario: "payment-help",
    locale: "zh",
    name: "付款遇到问题·发链接",
    body: "这是您这笔订单的付款链接：{{payLink}}，点开就能直接付款（{{amount}}）。付款后我们马上安排发货，有问题随时找我。",
  },

  {
    id: "zh-declined",
    scenario: "declined",
    locale: "zh",
    name: "买家不要了·礼貌收尾",
    body:
      "好的，谢谢您告诉我们～方便说一下是哪里不太合适吗？我们会认真改进。" +
      "这笔「{{item}}」的订单您不用操心，我可以帮您直接关闭；以后有需要随时来找{{agent}}。",
  },
  // ——— English (Shopify) ———
  {
    id: "default-first-en",
    scenario: "first",
    locale: "en",
    name: "First reminder",
    body:
      'Hi {{buyer}}, this is {{shop}}. Your order of "{{item}}" ({{amount}}) placed {{orderTime}} is ' +
      "still waiting for payment. Anything we can help with? Pay now and we pack it today.",
  },
  {
    id: "en-consulted-now",
    scenario: "consulted-now",
    orderKind: "consulted",
    locale: "en",
    name: "Right after the chat",
    body:
      'Thanks for chatting with us, {{buyer}}! I have set "{{item}}" aside for you. Complete the payment ' +
      "before our daily cut-off and it ships today. Anything else, just ask. — {{agent}}",
  },
  {
    id: "en-first-new",
    scenario: "first",
    segment: "new",
    locale: "en",
    name: "First reminder (new customer)",
    body:
      'Welcome to {{shop}}, {{buyer}}! Your first order, "{{item}}", only needs payment now. ' +
      "If checkout gives you any trouble, reply here and I will walk you through it.",
  },
  {
    id: "en-first-returning",
    scenario: "first",
    segment: "returning",
    locale: "en",
    name: "First reminder (returning customer)",
    body:
      'Great to see you back at {{shop}}, {{buyer}}! Your order of "{{item}}" is waiting for payment; ' +
      "as a returning customer your parcel goes out first once it is paid.",
  },
  {
    id: "en-first-high-value",
    scenario: "first",
    segment: "high-value",
    locale: "en",
    name: "First reminder (high value)",
    body:
      'Hello {{buyer}}, I am {{agent}} from {{shop}} and I will look after your order of "{{item}}" ' +
      "({{amount}}) personally. It is still waiting for payment; once paid it ships with priority. " +
      "Any questions, just reply.",
  },
  {
    id: "en-follow-up",
    scenario: "follow-up",
    locale: "en",
    name: "Second reminder",
    body:
      'Hi {{buyer}}, just checking in: your order of "{{item}}" from {{orderTime}} is still unpaid. ' +
      "If shipping, sizing or payment is the problem, tell me and I will sort it out.",
  },
  {
    id: "en-follow-up-sms",
    scenario: "follow-up",
    channel: "sms",
    locale: "en",
    name: "Second reminder (SMS)",
    body: `{{shop}}: your {{item}} order from {{orderTime}} is unpaid. Stock is low; we are holding it for you. ${enOptOut}`,
  },
  {
    id: "en-final",
    scenario: "final",
    locale: "en",
    name: "Last reminder before it closes",
    body:
      'Hi {{buyer}}, a quick heads-up: your order of "{{item}}" closes automatically in {{timeLeft}}. ' +
      "Pay now and you will not have to order again.",
  },
  {
    id: "en-final-sms",
    scenario: "final",
    channel: "sms",
    locale: "en",
    name: "Last reminder (SMS)",
    body: `{{shop}}: your {{item}} order from {{orderTime}} closes in {{timeLeft}}. Pay now to keep it. ${enOptOut}`,
  },
  {
    id: "en-phone",
    scenario: "phone",
    channel: "phone",
    locale: "en",
    name: "Phone call outline",
    body:
      "1. Greet: Hello, this is {{agent}} from {{shop}}, do you have a minute?\n" +
      '2. Ask: your order of "{{item}}" ({{amount}}) is not paid yet. Did something get in the way? When would suit you?\n' +
      "3. If they prefer, offer to cancel the order for them.\n" +
      "4. Ask for any suggestion about our service. If they cannot talk: apologise, end politely, follow up by message.",
  },
  {
    id: "en-promo-low-stock",
    scenario: "promo-low-stock",
    locale: "en",
    name: "Sale: low stock",
    body:
      'Hi {{buyer}}, the sale is busy and "{{item}}" is nearly sold out. Your order only holds it ' +
      "once it is paid, so complete payment soon to be sure of it.",
  },
  {
    id: "en-promo-low-stock-sms",
    scenario: "promo-low-stock",
    channel: "sms",
    locale: "en",
    name: "Sale: low stock (SMS)",
    body: `{{shop}}: the {{item}} you ordered {{orderTime}} is almost out of stock. Pay to secure it. ${enOptOut}`,
  },
  {
    id: "en-promo-ending",
    scenario: "promo-ending",
    locale: "en",
    name: "Sale: ending soon",
    body:
      'Hi {{buyer}}, the sale ends soon. Your order of "{{item}}" ({{amount}}) keeps the sale price ' +
      "if you pay before it ends.",
  },
  {
    id: "en-promo-ending-sms",
    scenario: "promo-ending",
    channel: "sms",
    locale: "en",
    name: "Sale: ending soon (SMS)",
    body: `{{shop}}: the sale ends soon and your {{item}} order from {{orderTime}} is unpaid. ${enOptOut}`,
  },
  {
    id: "en-declined",
    scenario: "declined",
    locale: "en",
    name: "Buyer declined: a polite close",
    body:
      "Thanks for letting us know, {{buyer}}. If you have a moment, what did not feel right? It helps us " +
      'improve. I can cancel the order for "{{item}}" for you, so there is nothing left to do on your side.',
  },
  {
    id: "en-payment-help",
    scenario: "payment-help",
    locale: "en",
    name: "Help with payment",
    body:
      "Sorry checkout gave you trouble, {{buyer}}. Here is the payment link for your order: {{payLink}} " +
      "({{amount}}). Payment goes through our secure checkout. If a step fails, send me a screenshot and I will help.",
  },
  {
    id: "en-payment-help-new",
    scenario: "payment-help",
    segment: "new",
    locale: "en",
    name: "Help with payment (new customer)",
    body:
      "No worries, {{buyer}}, paying for the first time can be confusing. Tell me where checkout for " +
      '"{{item}}" gets stuck (a screenshot helps) and I will guide you step by step.',
  },
];

export const DEFAULT_TEMPLATES: MessageTemplate[] = DRAFTS.map((d) => ({
  ...d,
  segment: d.segment ?? "any",
  channel: d.channel ?? "chat",
}));

/** What is known about the order in front of the agent; unknown facts are left out. */
export interface TemplateContext {
  locale: Locale;
  scenario?: TemplateScenario;
  consulted?: boolean;
  returning?: boolean;
  highValue?: boolean;
  channel?: TemplateChannel;
  /** The platform gives a payment link for this order. */
  hasPayLink?: boolean;
}

const SEGMENT_FLAG = {
  new: "returning",
  returning: "returning",
  "high-value": "highValue",
} as const;

/** How well a template fits; undefined when it contradicts a known fact about the order. */
function fit(tpl: MessageTemplate, ctx: TemplateContext): number | undefined {
  let score = 0;
  if (tpl.segment !== "any") {
    const known = ctx[SEGMENT_FLAG[tpl.segment]];
    const wanted = tpl.segment !== "new";
    if (known === !wanted) return undefined;
    // A segment template beats the general one only when the fact is known.
    score += known === wanted ? 4 : -1;
  }
  if (tpl.orderKind) {
    if (ctx.consulted === undefined) score -= 1;
    else if (ctx.consulted === (tpl.orderKind === "consulted")) score += 2;
    else return undefined;
  }
  if (tpl.body.includes("{{payLink}}")) score += ctx.hasPayLink ? 1 : -3;
  if (ctx.channel && tpl.channel === ctx.channel) score += 10;
  if (ctx.scenario && tpl.scenario === ctx.scenario) score += 100;
  return score;
}

/**
 * The templates that suit an order, best first: the requested scenario, then the channel, then the
 * buyer's segment and the kind of order. Other scenarios follow, because the agent may need one
 * the plan did not foresee (a buyer asking for help with paying). Templates that contradict what
 * is known (a "returning buyer" text for a new buyer) are left out. Falls back to Chinese when the
 * locale has no templates.
 */
export function templatesFor(
  ctx: TemplateContext,
  templates: readonly MessageTemplate[] = DEFAULT_TEMPLATES,
): MessageTemplate[] {
  let pool = templates.filter((tpl) => tpl.locale === ctx.locale);
  if (pool.length === 0) pool = templates.filter((tpl) => tpl.locale === "zh");
  return pool
    .map((tpl, index) => ({ tpl, index, score: fit(tpl, ctx) }))
    .filter(
      (x): x is { tpl: MessageTemplate; index: number; score: number } =>
        x.score !== undefined,
    )
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.tpl);
}

/** The facts templatesFor needs, read from a stored order. Returning buyers come from the caller. */
export function templateContext(
  order: Pick<StoredOrder, "platform" | "consulted" | "amountCents">,
  opts: {
    highValueCents: number;
    scenario?: TemplateScenario;
    channel?: TemplateChannel;
    returning?: boolean;
    hasPayLink?: boolean;
  },
): TemplateContext {
  return {
    locale: order.platform === "shopify" ? "en" : "zh",
    scenario: opts.scenario,
    channel: opts.channel,
    consulted: order.consulted,
    returning: opts.returning,
    highValue:
      order.amountCents === undefined
        ? undefined
        : order.amountCents >= opts.highValueCents,
    hasPayLink: opts.hasPayLink,
  };
}
