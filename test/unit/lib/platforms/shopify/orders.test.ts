import { describe, expect, it, vi } from "vitest";
import type { OrderSnapshot } from "@/lib/model/order";
import { shopify } from "@/lib/platforms/shopify/orders";
import {
  at,
  click,
  fixturePages,
  parseAll,
} from "@/test/support/platform-fixture";
import { until } from "@/test/support/until";

// Fixture pages render late; a loaded two-core machine must not fail a correct test.
vi.setConfig({ testTimeout: 20_000 });

const { rendered } = fixturePages();

describe("Shopify admin orders", () => {
  // Shopify shows "Jul 20 at 4:34pm" without the year: this year's, unless that lies ahead.
  const JULY = at(2024, 7, 21, 10);
  for (const url of [
    "https://admin.shopify.com/store/demo-shop/orders",
    "https://demo-shop.myshopify.com/admin/orders",
  ]) {
    it(`reads the Polaris index table on ${new URL(url).hostname}`, async () => {
      const { orders } = await rendered("shopify.html", url, shopify, 5, JULY);
      expect(orders).toEqual<OrderSnapshot[]>([
        {
          platform: "shopify",
          orderId: "#1020",
          status: "unpaid",
          statusText: "Payment pending",
          createdAt: at(2024, 7, 20, 16, 34),
          amountCents: 96944,
          currency: "USD",
          buyer: "Jaydon Stanton",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1019",
          status: "paid",
          statusText: "Paid",
          createdAt: at(2024, 7, 20, 9, 5),
          amountCents: 120400,
          currency: "USD",
          buyer: "Kristin Watson",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1018",
          status: "closed",
          statusText: "Voided",
          createdAt: at(2024, 7, 19, 23, 59),
          amountCents: 4510,
          currency: "USD",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1017",
          status: "unpaid",
          statusText: "Payment pending",
          createdAt: at(2024, 7, 18, 13, 2),
          amountCents: 8800,
          currency: "USD",
          buyer: "Cody Fisher",
          items: [],
        },
        {
          platform: "shopify",
          orderId: "#1016",
          status: "paid",
          statusText: "Partially refunded",
          createdAt: at(2024, 7, 18, 8, 30),
          amountCents: 1250,
          currency: "USD",
          buyer: "Esther Howard",
          items: [],
        },
      ]);
    });
  }
  it("follows the Unpaid view (a route change)", async () => {
    const { dom, doc } = await rendered(
      "shopify.html",
      "https://admin.shopify.com/store/demo-shop/orders",
      shopify,
      5,
      JULY,
    );
    click(dom, '[data-view="Unpaid"]');
    const unpaid = await until(
      () => parseAll(shopify, doc, JULY),
      (o) => o.length === 2,
    );
    expect(unpaid.map((o) => o.orderId)).toEqual(["#1020", "#1017"]);
    expect(dom.window.location.search).toBe("?financial_status=unpaid");
  });
});
