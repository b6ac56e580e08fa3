import { describe, expect, it } from "vitest";
import {
  badgeStates,
  type Page,
  ACTIVE_STATES,
  activeOrders,
} from "@/test/support/browser/harness";
import { fixture, onRealUrls } from "@/test/support/browser/fixture-pages";

/*
 * The Shopify admin in the seller's language, served on the real admin.shopify.com URL in real
 * Chromium with the built extension: badges on exactly the unpaid orders of the Chinese
 * (zh-CN, zh-TW) and Japanese admins, with their states; an admin in a language PayNudge does not
 * know (German) is left to the generic reader, which badges no order unpaid (and, reading no
 * German, none at all) rather than every order as `other`.
 */

/**
 * Each language's fixture under its own order names (#2xxx, #3xxx, …): an order is known by its
 * platform and name, and the languages must not share orders.
 */
const page = (name: string, prefix: string) => () =>
  fixture(name)().replaceAll('"name": "#10', `"name": "#${prefix}`);

const PAGES: Record<string, () => string> = {
  "admin.shopify.com/store/shop-zh-cn/orders": page("shopify-zh-CN.html", "21"),
  "admin.shopify.com/store/shop-zh-tw/orders": page("shopify-zh-TW.html", "31"),
  "admin.shopify.com/store/shop-ja/orders": page("shopify-ja.html", "41"),
  "admin.shopify.com/store/shop-de/orders": page("shopify-de.html", "51"),
};

const ext = onRealUrls(PAGES);

async function open(url: string): Promise<Page> {
  const tab = await ext().context.newPage();
  await tab.goto(url);
  return tab;
}

/** Waits until exactly these orders carry a badge with its state; fails on a duplicate. */
async function expectBadges(tab: Page, ids: string[]) {
  await tab.waitForFunction(
    (want) => {
      const hosts = [...document.querySelectorAll("[data-paynudge-order]")];
      const got = hosts
        .map((h) => h.getAttribute("data-paynudge-order"))
        .sort();
      return (
        JSON.stringify(got) === JSON.stringify([...want].sort()) &&
        hosts.every((h) => h.getAttribute("data-paynudge-state"))
      );
    },
    ids,
    { timeout: 15_000 },
  );
  const states = await badgeStates(tab);
  return Object.fromEntries(
    Object.entries(states).map(([id, { state }]) => [id, state]),
  );
}

const CASES: {
  name: string;
  url: string;
  states: Record<string, "unpaid" | "paid" | "closed">;
}[] = [
  {
    name: "zh-CN: 付款待处理 and 逾期 are unpaid",
    url: "https://admin.shopify.com/store/shop-zh-cn/orders",
    states: {
      "#2120": "unpaid",
      "#2119": "paid",
      "#2118": "closed",
      "#2117": "unpaid",
      "#2116": "paid", // its customer is named 付款待处理
      "#2115": "closed",
    },
  },
  {
    name: "zh-TW: 付款待處理 and 逾期 are unpaid",
    url: "https://admin.shopify.com/store/shop-zh-tw/orders",
    states: {
      "#3120": "unpaid",
      "#3119": "paid",
      "#3118": "closed",
      "#3117": "unpaid",
      "#3116": "paid",
    },
  },
  {
    name: "ja: 決済保留中 and 期限超過 are unpaid, オーソリ済み paid",
    url: "https://admin.shopify.com/store/shop-ja/orders",
    states: {
      "#4120": "unpaid",
      "#4119": "paid",
      "#4118": "closed",
      "#4117": "unpaid",
      "#4116": "paid",
      "#4115": "paid",
    },
  },
];

describe("the Shopify admin in the seller's language", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const tab = await open(c.url);
      const states = await expectBadges(tab, Object.keys(c.states));
      for (const [id, want] of Object.entries(c.states)) {
        if (want === "unpaid") expect(ACTIVE_STATES).toContain(states[id]);
        else expect(states[id]).toBe(want);
      }
      await tab.close();
    });
  }

  it("an admin in a language PayNudge does not know: no order read as `other`, none badged unpaid", async () => {
    const tab = await open("https://admin.shopify.com/store/shop-de/orders");
    await tab.waitForSelector("tr.Polaris-IndexTable__TableRow");
    // The page script reads the rows as soon as they are in the document; give it time to badge.
    await tab.waitForTimeout(2000);
    expect(await badgeStates(tab)).toEqual({});
    // The same rows in a language it knows are badged on this very page: the script ran here.
    await tab.evaluate(() => {
      const words = [
        "",
        "Order",
        "Date",
        "Customer",
        "Total",
        "Payment status",
        "Fulfillment status",
        "Items",
      ];
      document.querySelectorAll("th").forEach((th, i) => {
        th.textContent = words[i] ?? "";
      });
      // Zahlung ausstehend (#5120) and Überfällig (#5117) in English; the rest stay German.
      const badges = document.querySelectorAll(
        ".Polaris-Badge--toneWarning span:last-child, .Polaris-Badge--toneCritical span:last-child",
      );
      badges.forEach((b) => (b.textContent = "Payment pending"));
    });
    const states = await expectBadges(tab, [
      "#5120",
      "#5119",
      "#5118",
      "#5117",
      "#5116",
    ]);
    expect(activeOrders(states)).toEqual(["#5117", "#5120"]);
    await tab.close();
  });
});
