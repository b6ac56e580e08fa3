import { t, type Locale } from "@/lib/i18n";
import type { PlatformId, StoredOrder } from "@/lib/model/order";
import { orderValues, type TemplateValues } from "@/lib/templates/render";

const MIN = 60_000;

/** A made-up unpaid order for the template preview: Taobao for Chinese, Shopify for English. */
function sampleOrder(locale: Locale, now: number): StoredOrder {
  const platform: PlatformId = locale === "en" ? "shopify" : "taobao";
  const createdAt = now - 35 * MIN;
  return {
    key: `${platform}:sample`,
    platform,
    orderId: "sample",
    status: "unpaid",
    createdAt,
    amountCents: locale === "en" ? 4590 : 23900,
    currency: locale === "en" ? "USD" : "CNY",
    buyer: t(locale, "sample.buyer"),
    items: [
      {
        title: t(locale, "sample.item"),
        attrs: t(locale, "sample.itemAttrs"),
        quantity: 1,
      },
    ],
    pageUrl: "",
    firstSeenAt: createdAt,
    lastSeenAt: now,
    nudgeCount: 0,
  };
}

/** The sample order's values in each buyer language, with the seller's own shop names and nickname. */
export function sampleValues(
  now: number,
  settings: {
    agentName?: string;
    shopNames: Partial<Record<PlatformId, string>>;
  },
): Record<Locale, TemplateValues> {
  const values = (locale: Locale) => {
    const order = sampleOrder(locale, now);
    const fallback = t(locale, "sample.shop");
    return orderValues(order, {
      now,
      locale,
      agent: settings.agentName || t(locale, "sample.agent"),
      shopName: settings.shopNames[order.platform] || fallback,
      payLink: "https://pay.example.com/sample",
    });
  };
  return { zh: values("zh"), en: values("en") };
}
