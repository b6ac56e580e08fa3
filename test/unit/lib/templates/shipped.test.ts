import { describe, expect, it } from "vitest";
import {
  DEFAULT_TEMPLATES,
  isTemplateScenario,
  shippedTemplates,
  TEMPLATE_CHANNELS,
  TEMPLATE_SCENARIOS,
  templateContext,
  templatesFor,
  type MessageTemplate,
  type TemplateChannel,
  type TemplateContext,
  type TemplateScenario,
} from "@/lib/templates/shipped";
import type { ReasonId } from "@/lib/templates/outcomes";
import enTemplates from "@/locales/templates/en.json";
import zhTemplates from "@/locales/templates/zh-CN.json";
import type { StoredOrder } from "@/lib/model/order";
import {
  orderValues,
  renderParts,
  renderTemplate,
  smsCheck,
  unknownVariables,
  type TemplateValues,
} from "@/lib/templates/render";

const zhValues: TemplateValues = {
  shop: "暖暖家居生活馆旗舰店",
  buyer: "牛**",
  item: "加厚珊瑚绒四件套 1.8米床",
  attrs: "颜色分类：燕麦色",
  orderTime: "11-23 14:05",
  amount: "¥239.00",
  timeLeft: "2小时55分",
  agent: "阿华",
  payLink: "https://example.invalid/pay",
};
const enValues: TemplateValues = {
  ...zhValues,
  shop: "Cosy Home Goods",
  buyer: "Jaydon",
  item: "Linen duvet cover set",
  orderTime: "11-23 14:05",
  timeLeft: "25m",
};

const ids = (list: readonly MessageTemplate[]) => list.map((t) => t.id);

/** The shipped texts written for a reason, read from the data files themselves. */
const REASON_TEXTS = [
  ...zhTemplates.map((e) => ({ ...e, locale: "zh" as const })),
  ...enTemplates.map((e) => ({ ...e, locale: "en" as const })),
].flatMap((e) =>
  "reason" in e && typeof e.reason === "string"
    ? [e as typeof e & { reason: string; channel?: string }]
    : [],
);

/** The reasons buyers give most (shared/domain.md), each with its own words at every later step. */
const MAIN_REASONS: readonly ReasonId[] = [
  "shipping-cost",
  "comparing",
  "coupon",
  "payment-method",
  "balance",
];

/** The steps after a first nudge, on the plan's channel or the chat it falls back to. */
const LATER_STEPS: readonly [TemplateScenario, TemplateChannel][] = [
  ["follow-up", "chat"],
  ["follow-up", "sms"],
  ["final", "chat"],
  ["final", "sms"],
];

/** What else may be known of an order: nothing, a returning buyer, a new one, a big order, a kind. */
const FACTS: readonly Partial<TemplateContext>[] = [
  {},
  { returning: true },
  { returning: false },
  { highValue: true },
  { highValue: true, returning: true },
  { consulted: true },
  { consulted: false },
  { hasPayLink: true },
];

describe("the default template set", () => {
  it("has unique ids and uses only known variables", () => {
    expect(new Set(ids(DEFAULT_TEMPLATES)).size).toBe(DEFAULT_TEMPLATES.length);
    for (const tpl of DEFAULT_TEMPLATES) {
      expect(unknownVariables(tpl.body), tpl.id).toEqual([]);
      expect(tpl.name.length, tpl.id).toBeGreaterThan(0);
    }
  });

  it("covers every scenario in Chinese and English with a general template", () => {
    for (const locale of ["zh", "en"] as const) {
      for (const scenario of TEMPLATE_SCENARIOS) {
        const general = DEFAULT_TEMPLATES.filter(
          (t) =>
            t.locale === locale &&
            t.scenario === scenario &&
            t.segment === "any",
        );
        expect(general.length, `${locale} ${scenario}`).toBeGreaterThan(0);
      }
    }
  });

  it("covers every segment, silent and consulted orders, and SMS for the later steps in Chinese", () => {
    const zh = DEFAULT_TEMPLATES.filter((t) => t.locale === "zh");
    for (const segment of ["new", "returning", "high-value"] as const) {
      expect(
        zh.some((t) => t.segment === segment && t.scenario === "first"),
        segment,
      ).toBe(true);
    }
    expect(
      zh.some((t) => t.scenario === "first" && t.orderKind === "silent"),
    ).toBe(true);
    expect(
      zh.some(
        (t) => t.scenario === "consulted-now" && t.orderKind === "consulted",
      ),
    ).toBe(true);
    for (const scenario of [
      "follow-up",
      "final",
      "promo-low-stock",
      "promo-ending",
    ] as const) {
      expect(
        zh.some((t) => t.scenario === scenario && t.channel === "sms"),
        scenario,
      ).toBe(true);
    }
    expect(
      DEFAULT_TEMPLATES.filter((t) => t.scenario === "phone").every(
        (t) => t.channel === "phone",
      ),
    ).toBe(true);
    expect(
      zh.some((t) => t.scenario === "phone" && t.segment === "high-value"),
    ).toBe(true);
  });

  it("gives every SMS the shop, item, order time, a technique and the opt-out, in at most two messages", () => {
    const sms = DEFAULT_TEMPLATES.filter((t) => t.channel === "sms");
    expect(sms.length).toBeGreaterThanOrEqual(8);
    for (const tpl of sms) {
      const values = tpl.locale === "zh" ? zhValues : enValues;
      const rendered = renderTemplate(tpl.body, values, tpl.locale);
      expect(rendered.missing, tpl.id).toEqual([]);
      const check = smsCheck(tpl.body, rendered.text);
      expect(check, tpl.id).toMatchObject({
        hasShop: true,
        hasItem: true,
        hasTime: true,
        hasTechnique: true,
        hasOptOut: true,
      });
      expect(check.segments, `${tpl.id}: ${rendered.text}`).toBeLessThanOrEqual(
        2,
      );
      if (tpl.locale === "zh")
        expect(tpl.body.endsWith("拒收请回复R"), tpl.id).toBe(true);
    }
  });

  it("keeps the Chinese SMS wording itself within one message", () => {
    for (const tpl of DEFAULT_TEMPLATES.filter(
      (t) => t.channel === "sms" && t.locale === "zh",
    )) {
      expect(
        smsCheck(tpl.body, tpl.body.replace(/\{\{\w+\}\}/g, "")).segments,
        tpl.id,
      ).toBe(1);
    }
  });
});

describe("choosing templates for an order", () => {
  it("puts the requested scenario first, then the others", () => {
    const list = templatesFor({ locale: "zh", scenario: "final" });
    expect(list[0]!.id).toBe("zh-final");
    const firstOther = list.findIndex((t) => t.scenario !== "final");
    expect(list.slice(0, firstOther).every((t) => t.scenario === "final")).toBe(
      true,
    );
    expect(list.slice(firstOther).some((t) => t.scenario === "final")).toBe(
      false,
    );
    expect(list.some((t) => t.scenario === "payment-help")).toBe(true);
  });

  it("prefers the segment template when the fact is known and leaves out contradicting ones", () => {
    expect(
      templatesFor({ locale: "zh", scenario: "first", returning: true })[0]!.id,
    ).toBe("zh-first-returning");
    expect(
      templatesFor({ locale: "zh", scenario: "first", highValue: true })[0]!.id,
    ).toBe("zh-first-high-value");
    const newBuyer = templatesFor({
      locale: "zh",
      scenario: "first",
      returning: false,
    });
    expect(newBuyer[0]!.id).toBe("zh-first-new");
    expect(newBuyer.some((t) => t.segment === "returning")).toBe(false);
    const small = templatesFor({
      locale: "zh",
      scenario: "first",
      highValue: false,
    });
    expect(small.some((t) => t.segment === "high-value")).toBe(false);
    // Unknown facts: the general message leads, segment ones stay available below it.
    const unknown = templatesFor({ locale: "zh", scenario: "first" });
    expect(unknown[0]!.id).toBe("default-first-zh");
    expect(ids(unknown)).toContain("zh-first-returning");
  });

  it("matches the kind of order: silent or consulted", () => {
    const silent = templatesFor({
      locale: "zh",
      scenario: "first",
      consulted: false,
    });
    expect(silent[0]!.id).toBe("zh-first-silent");
    expect(silent.some((t) => t.orderKind === "consulted")).toBe(false);
    expect(
      templatesFor({ locale: "zh", scenario: "first", consulted: true })[0]!.id,
    ).toBe("zh-first-consulted");
    expect(
      templatesFor({
        locale: "zh",
        scenario: "consulted-now",
        consulted: true,
        returning: true,
      })[0]!.id,
    ).toBe("zh-consulted-now-returning");
  });

  it("puts the requested channel first within the scenario", () => {
    const list = templatesFor({
      locale: "zh",
      scenario: "follow-up",
      channel: "sms",
      returning: true,
    });
    expect(ids(list).slice(0, 3)).toEqual([
      "zh-follow-up-sms-returning",
      "zh-follow-up-sms",
      "zh-follow-up",
    ]);
  });

  it("ranks the payment-link text last unless the platform has a link", () => {
    const without = ids(
      templatesFor({ locale: "zh", scenario: "payment-help" }),
    );
    expect(without[0]).toBe("zh-payment-help");
    expect(without.indexOf("zh-payment-help-link")).toBeGreaterThan(
      without.indexOf("zh-payment-help-new"),
    );
    expect(
      templatesFor({
        locale: "zh",
        scenario: "payment-help",
        hasPayLink: true,
      })[0]!.id,
    ).toBe("zh-payment-help-link");
  });

  it("answers in English for English and falls back to Chinese when a custom set has no English", () => {
    expect(
      templatesFor({ locale: "en", scenario: "final" }).every(
        (t) => t.locale === "en",
      ),
    ).toBe(true);
    const zhOnly = DEFAULT_TEMPLATES.filter((t) => t.locale === "zh");
    const list = templatesFor({ locale: "en", scenario: "final" }, zhOnly);
    expect(list[0]!.id).toBe("zh-final");
  });

  it("has a text of its own for each main reason at each later step, chat and SMS, in Chinese and English", () => {
    for (const locale of ["zh", "en"] as const)
      for (const reason of MAIN_REASONS)
        for (const [scenario, channel] of LATER_STEPS)
          expect(
            REASON_TEXTS.filter(
              (e) =>
                e.locale === locale &&
                e.reason === reason &&
                e.scenario === scenario &&
                (e.channel ?? "chat") === channel,
            ),
            `${locale} ${reason} ${scenario} ${channel}`,
          ).toHaveLength(1);
  });

  it("answers the reason the buyer gave with the text written for it, at whatever step comes next", () => {
    expect(REASON_TEXTS.length).toBeGreaterThanOrEqual(40);
    for (const e of REASON_TEXTS)
      // Whatever else is known of the order: the buyer's word outranks it.
      for (const facts of FACTS) {
        const list = templatesFor({
          locale: e.locale,
          scenario: e.scenario as TemplateScenario,
          channel: (e.channel ?? "chat") as TemplateChannel,
          reason: e.reason as ReasonId,
          ...facts,
        });
        expect(list[0]!.id, `${e.id} ${JSON.stringify(facts)}`).toBe(e.id);
      }
  });

  it("never leads with a reason's text when no reason was logged, at any step, channel or kind of buyer", () => {
    const reasonIds = new Set(REASON_TEXTS.map((e) => e.id));
    for (const locale of ["zh", "en"] as const)
      for (const scenario of TEMPLATE_SCENARIOS)
        for (const channel of [undefined, ...TEMPLATE_CHANNELS])
          for (const facts of FACTS) {
            const list = templatesFor({ locale, scenario, channel, ...facts });
            const what = `${locale} ${scenario} ${channel} ${JSON.stringify(facts)}`;
            expect(list.length, what).toBeGreaterThan(0);
            expect(reasonIds.has(list[0]!.id), `${what}: ${list[0]!.id}`).toBe(
              false,
            );
          }
  });

  it("keeps a step's own text for a reason nothing was written for, or a step no reason's text fits", () => {
    // A reason with no text of its own: the order is as if none was logged.
    for (const [scenario, channel] of LATER_STEPS)
      expect(
        ids(
          templatesFor({
            locale: "zh",
            scenario,
            channel,
            reason: "wrong-order",
          }),
        ),
      ).toEqual(ids(templatesFor({ locale: "zh", scenario, channel })));
    expect(
      templatesFor({
        locale: "zh",
        scenario: "phone",
        channel: "phone",
        reason: "coupon",
      })[0]!.id,
    ).toBe("zh-phone");
    expect(
      templatesFor({
        locale: "zh",
        scenario: "promo-ending",
        channel: "sms",
        reason: "coupon",
      })[0]!.id,
    ).toBe("zh-promo-ending-sms");
    // The returning buyer's texts still lead when no reason was logged.
    expect(
      templatesFor({
        locale: "zh",
        scenario: "follow-up",
        channel: "sms",
        returning: true,
      })[0]!.id,
    ).toBe("zh-follow-up-sms-returning");
  });

  it("keeps the reasons' texts after the step's general ones when no reason was logged", () => {
    const list = ids(templatesFor({ locale: "zh", scenario: "follow-up" }));
    expect(list[0]).toBe("zh-follow-up");
    expect(list.indexOf("zh-follow-up-coupon")).toBeGreaterThan(
      list.indexOf("zh-follow-up-sms-returning"),
    );
    expect(list.indexOf("zh-follow-up-coupon")).toBeLessThan(
      list.indexOf("zh-final"),
    );
  });

  it("keeps a reason's text answering it after the seller edits its wording", () => {
    const pool = DEFAULT_TEMPLATES.map((t) =>
      t.id === "zh-follow-up-coupon" ? { ...t, body: "改过的：{{item}}" } : t,
    );
    expect(
      templatesFor(
        { locale: "zh", scenario: "follow-up", reason: "coupon" },
        pool,
      )[0]!.body,
    ).toBe("改过的：{{item}}");
  });

  it("accepts a plan step’s scenario given as a string", () => {
    expect(isTemplateScenario("follow-up")).toBe(true);
    expect(isTemplateScenario("constructor")).toBe(false);
    expect(isTemplateScenario(undefined)).toBe(false);
  });

  it("reads the context from a stored order", () => {
    expect(
      templateContext(
        { platform: "shopify", amountCents: 90_000 },
        { highValueCents: 50_000 },
      ),
    ).toMatchObject({
      locale: "en",
      highValue: true,
    });
    expect(
      templateContext(
        { platform: "taobao", amountCents: 12_800, consulted: false },
        { highValueCents: 50_000, scenario: "first" },
      ),
    ).toEqual({
      locale: "zh",
      scenario: "first",
      consulted: false,
      highValue: false,
      channel: undefined,
      returning: undefined,
      hasPayLink: undefined,
    });
    expect(
      templateContext({ platform: "jd" }, { highValueCents: 50_000 }).highValue,
    ).toBeUndefined();
    expect(
      templateContext(
        { platform: "jd" },
        { highValueCents: 50_000, reason: "coupon", returning: true },
      ),
    ).toMatchObject({ reason: "coupon", returning: true });
  });
});

describe("SMS check", () => {
  it("counts Chinese text as 70 for one message and 67 per part beyond", () => {
    const zh = (n: number) => "好".repeat(n);
    expect(smsCheck(zh(70)).segments).toBe(1);
    expect(smsCheck(zh(71)).segments).toBe(2);
    expect(smsCheck(zh(134)).segments).toBe(2);
    expect(smsCheck(zh(135)).segments).toBe(3);
    expect(smsCheck("").segments).toBe(0);
  });

  it("counts plain Latin text as 160 / 153, extension characters as two", () => {
    expect(smsCheck("a".repeat(160)).segments).toBe(1);
    expect(smsCheck("a".repeat(161)).segments).toBe(2);
    expect(smsCheck("a".repeat(306)).segments).toBe(2);
    expect(smsCheck("€".repeat(80)).length).toBe(160);
    // One Chinese character turns the whole text into UCS-2.
    expect(smsCheck(`${"a".repeat(80)}好`).segments).toBe(2);
  });

  it("reports which of the four elements and the opt-out are missing", () => {
    expect(smsCheck("【{{shop}}】您的{{item}}还没付款")).toMatchObject({
      hasShop: true,
      hasItem: true,
      hasTime: false,
      hasTechnique: false,
      hasOptOut: false,
    });
    expect(smsCheck("{{orderTime}} 库存不多 拒收请回复R")).toMatchObject({
      hasShop: false,
      hasTime: true,
      hasTechnique: true,
      hasOptOut: true,
    });
  });
});

describe("order values", () => {
  it("passes a payment link through only when the platform gave one", () => {
    const order: StoredOrder = {
      key: "shopify:1020",
      platform: "shopify",
      orderId: "1020",
      status: "unpaid",
      items: [],
      pageUrl: "https://admin.shopify.com/store/x/orders",
      firstSeenAt: 0,
      lastSeenAt: 0,
      nudgeCount: 0,
    };
    expect(
      orderValues(order, {
        now: 0,
        locale: "en",
        payLink: "https://pay.example/1020",
      }).payLink,
    ).toBe("https://pay.example/1020");
    expect(
      orderValues(order, { now: 0, locale: "en" }).payLink,
    ).toBeUndefined();
  });
});

describe("rendering in parts", () => {
  it("splits the rendered text so missing values can be highlighted, joining to the same text", () => {
    const body = "{{buyer}}您好，我是{{agent}}{{agent}}，{{coupon}}{{shop}}";
    const values = { buyer: "牛**", shop: "$& 小铺" };
    const parts = renderParts(body, values, "zh");
    expect(parts).toEqual([
      { text: "牛**您好，我是" },
      { text: "【未填:客服】", missing: "agent" },
      { text: "【未填:客服】", missing: "agent" },
      { text: "，{{coupon}}$& 小铺" },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe(
      renderTemplate(body, values, "zh").text,
    );
    expect(renderParts("", {}, "zh")).toEqual([]);
  });
});

describe("the shipped wording's data files", () => {
  it("keep the ids, in their order, that sellers' stored edits refer to", () => {
    const byLocale = (locale: string) =>
      ids(DEFAULT_TEMPLATES.filter((t) => t.locale === locale));
    expect(byLocale("zh")).toEqual([
      "default-first-zh",
      "zh-consulted-now",
      "zh-consulted-now-new",
      "zh-consulted-now-returning",
      "zh-first-silent",
      "zh-first-consulted",
      "zh-first-new",
      "zh-first-returning",
      "zh-first-high-value",
      "zh-follow-up",
      "zh-follow-up-sms",
      "zh-follow-up-sms-new",
      "zh-follow-up-sms-returning",
      "zh-final",
      "zh-final-sms",
      "zh-final-high-value",
      "zh-phone",
      "zh-phone-high-value",
      "zh-phone-new",
      "zh-promo-low-stock",
      "zh-promo-low-stock-sms",
      "zh-promo-low-stock-returning",
      "zh-promo-ending",
      "zh-promo-ending-sms",
      "zh-payment-help",
      "zh-payment-help-new",
      "zh-payment-help-link",
      "zh-declined",
      "zh-follow-up-shipping-cost",
      "zh-follow-up-comparing",
      "zh-follow-up-coupon",
      "zh-follow-up-payment-method",
      "zh-follow-up-balance",
      "zh-final-shipping-cost",
      "zh-final-comparing",
      "zh-final-coupon",
      "zh-final-payment-method",
      "zh-final-balance",
      "zh-follow-up-sms-shipping-cost",
      "zh-follow-up-sms-comparing",
      "zh-follow-up-sms-coupon",
      "zh-follow-up-sms-payment-method",
      "zh-follow-up-sms-balance",
      "zh-final-sms-shipping-cost",
      "zh-final-sms-comparing",
      "zh-final-sms-coupon",
      "zh-final-sms-payment-method",
      "zh-final-sms-balance",
    ]);
    expect(byLocale("en")).toEqual([
      "default-first-en",
      "en-consulted-now",
      "en-first-new",
      "en-first-returning",
      "en-first-high-value",
      "en-follow-up",
      "en-follow-up-sms",
      "en-final",
      "en-final-sms",
      "en-phone",
      "en-promo-low-stock",
      "en-promo-low-stock-sms",
      "en-promo-ending",
      "en-promo-ending-sms",
      "en-declined",
      "en-payment-help",
      "en-payment-help-new",
      "en-follow-up-shipping-cost",
      "en-follow-up-comparing",
      "en-follow-up-coupon",
      "en-follow-up-payment-method",
      "en-follow-up-balance",
      "en-final-shipping-cost",
      "en-final-comparing",
      "en-final-coupon",
      "en-final-payment-method",
      "en-final-balance",
      "en-follow-up-sms-shipping-cost",
      "en-follow-up-sms-comparing",
      "en-follow-up-sms-coupon",
      "en-follow-up-sms-payment-method",
      "en-follow-up-sms-balance",
      "en-final-sms-shipping-cost",
      "en-final-sms-comparing",
      "en-final-sms-coupon",
      "en-final-sms-payment-method",
      "en-final-sms-balance",
    ]);
  });

  it("fill in the general segment and chat when an entry names none", () => {
    const [tpl] = shippedTemplates("en", [
      { id: "x", scenario: "first", name: "N", body: "B" },
    ]);
    expect(tpl).toEqual({
      id: "x",
      scenario: "first",
      segment: "any",
      channel: "chat",
      locale: "en",
      name: "N",
      body: "B",
    });
  });

  it("refuse an entry whose scenario, segment, channel or order kind is unknown", () => {
    const entry = { id: "x", scenario: "first", name: "N", body: "B" };
    for (const wrong of [
      { scenario: "frist" },
      { segment: "vip" },
      { channel: "email" },
      { orderKind: "chatty" },
      { reason: "too-expensive" },
    ])
      expect(
        () => shippedTemplates("zh", [{ ...entry, ...wrong }]),
        JSON.stringify(wrong),
      ).toThrow(/x/);
  });
});
