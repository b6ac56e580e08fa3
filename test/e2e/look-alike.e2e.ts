import { describe, expect, it } from "vitest";
import {
  until,
  type Page,
  activeOrders,
  badgeStateById,
} from "@/test/support/browser/harness";
import { fixture, onRealUrls } from "@/test/support/browser/fixture-pages";

/*
 * Look-alike text (issue 14), in real Chromium with the built extension, on the platforms' real
 * URLs: where the generic reader takes over, a banner, a card slotted into the list, a sidebar ad
 * linking off the site and a dialog, each showing an order number and 等待买家付款, get no badge;
 * on a JD list whose rows also carry 订单详情 links with orderId=, each order is read whole and its
 * unpaid state is seen.
 */

const ADS_URL = "https://mms.pinduoduo.com/orders/list-ads";
const JD_URL = "https://porder.shop.jd.com/order/orderlist/allOrders";

const ext = onRealUrls({
  "mms.pinduoduo.com/orders/list-ads": fixture("ad-cards.html"),
  "porder.shop.jd.com/order/orderlist/allOrders": fixture(
    "jd-detail-links.html",
  ),
});

/** Waits until the badges carry their states and stay the same for a second (no late badge). */
async function settledBadges(page: Page, count: number) {
  const first = await until(
    () => badgeStateById(page),
    (b) => Object.keys(b).length >= count && Object.values(b).every((s) => !!s),
  );
  await page.waitForTimeout(1000);
  const later = await badgeStateById(page);
  expect(later).toEqual(first);
  return later;
}

describe("look-alike text gets no badge", () => {
  it("Pinduoduo after a redesign: badges on the four orders only, none on the banner, the card in the list, the sidebar ad or the dialog", async () => {
    const page = await ext().context.newPage();
    await page.goto(ADS_URL);
    const states = await settledBadges(page, 4);
    expect(Object.keys(states).sort()).toEqual([
      "240518-100000000000001",
      "240518-100000000000002",
      "240518-100000000000003",
      "240518-100000000000004",
    ]);
    expect(activeOrders(states)).toEqual([
      "240518-100000000000001",
      "240518-100000000000004",
    ]);
    expect(states["240518-100000000000002"]).toBe("paid");
    expect(states["240518-100000000000003"]).toBe("closed");
    // No badge host anywhere inside the look-alikes.
    expect(
      await page.evaluate(
        () =>
          document.querySelectorAll(
            '[role="banner"] [data-paynudge-order], [role="dialog"] [data-paynudge-order], .k3 [data-paynudge-order], .k5 [data-paynudge-order]',
          ).length,
      ),
    ).toBe(0);
    await page.close();
  });
});

describe("JD rows with 订单详情 links carrying orderId=", () => {
  it("each order read whole: the unpaid ones unpaid, the paid and cancelled ones no active badge", async () => {
    const page = await ext().context.newPage();
    await page.goto(JD_URL);
    const states = await settledBadges(page, 5);
    expect(Object.keys(states).sort()).toEqual([
      "311000000001",
      "311000000002",
      "311000000003",
      "311000000004",
      "311000000005",
    ]);
    expect(activeOrders(states)).toEqual([
      "311000000001",
      "311000000003",
      "311000000005",
    ]);
    expect(states["311000000002"]).toBe("paid");
    expect(states["311000000004"]).toBe("closed");
    // One badge per order, beside its id link (never beside a 详情 link).
    expect(
      await page.$$eval("[data-paynudge-order]", (hosts) =>
        hosts.map((h) => h.parentElement?.className),
      ),
    ).toEqual(["number", "number", "number", "number", "number"]);
    await page.close();
  });
});
