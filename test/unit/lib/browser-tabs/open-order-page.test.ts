import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { openOrderPage, type AskTab } from "@/lib/browser-tabs/open-order-page";

/*
 * 打开订单页 (issue 15) goes to the order itself: a tab that shows it comes to the front (the exact
 * page it was seen on, `?page=2` included, before others on the same path) and is asked to reveal
 * its row; else the tab of its exact page, else its page opened in a new tab, asked again until its
 * order script has read the rows.
 */

const LIST = "http://localhost:5178/paynudge-demo/list_sold_items.htm";
const PAGE_2 = `${LIST}?tab=all&page=2`;
const FAST = { waitMs: 1000, everyMs: 10 };

/** The order scripts of the tabs: which tab ids show the order; every question asked, in order. */
function scripts(showing: (tabId: number) => boolean | "no-script") {
  const asked: [number, boolean][] = [];
  const ask: AskTab = async (tabId, show) => {
    asked.push([tabId, show]);
    const answer = showing(tabId);
    if (answer === "no-script") throw new Error("no receiver");
    return answer;
  };
  return { ask, asked };
}

let update: { mock: { calls: unknown[][] } };
beforeEach(() => {
  fakeBrowser.reset();
  update = vi.spyOn(fakeBrowser.tabs, "update");
});
afterEach(() => {
  vi.restoreAllMocks();
});

const focused = () => update.mock.calls.map(([tabId]) => tabId as number);
const open = (url: string) => fakeBrowser.tabs.create({ url });

describe("opening an order's page", () => {
  it("brings forward the tab of the exact page (its query too) that shows the order, and reveals the row there", async () => {
    const first = await open(`${LIST}?tab=all&page=1`);
    // Parameters in another order are the same page.
    const second = await open(`${LIST}?page=2&tab=all`);
    await open("http://localhost:5178/elsewhere.htm");
    const { ask, asked } = scripts(() => true);
    expect(await openOrderPage(PAGE_2, ask, FAST)).toBe("revealed");
    expect(focused()).toEqual([second.id]);
    expect(asked).toContainEqual([second.id, true]);
    expect(asked).not.toContainEqual([first.id, true]);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(4);
  });

  it("takes a tab on the same path when it is the one showing the order, without bringing others forward", async () => {
    const pageOne = await open(`${LIST}?tab=all&page=1`);
    const other = await open(`${LIST}?tab=waitBuyerPay&page=1`);
    const { ask, asked } = scripts((id) => id === other.id);
    expect(await openOrderPage(PAGE_2, ask, FAST)).toBe("revealed");
    expect(focused()).toEqual([other.id]);
    // Both were asked whether they show it; only the one that does was asked to show it.
    expect(asked).toContainEqual([pageOne.id, false]);
    expect(asked.filter(([, show]) => show)).toEqual([[other.id, true]]);
  });

  it("opens the order's page when the open tab on its path shows another page of the list, and reveals the row once read", async () => {
    const pageOne = await open(`${LIST}?tab=all&page=1`);
    let opened: number | undefined;
    let tries = 0;
    const { ask } = scripts((id) => {
      if (id === pageOne.id) return false;
      opened = id;
      // The new tab's script is not there at first, then has not read the rows yet.
      tries += 1;
      return tries < 3 ? "no-script" : tries < 5 ? false : true;
    });
    expect(await openOrderPage(PAGE_2, ask, FAST)).toBe("opened");
    const tabs = await fakeBrowser.tabs.query({});
    const created = tabs.find((tab) => tab.id === opened);
    expect(created?.url).toBe(PAGE_2);
    expect(tries).toBe(5);
    expect(focused()).not.toContain(pageOne.id);
  });

  it("opens the page when no tab shows its list, and gives up asking after a while", async () => {
    await open("https://example.com/");
    const { ask, asked } = scripts(() => "no-script");
    expect(await openOrderPage(PAGE_2, ask, FAST)).toBe("opened");
    const urls = (await fakeBrowser.tabs.query({})).map((tab) => tab.url);
    expect(urls).toContain(PAGE_2);
    // Only the new tab was asked, and more than once.
    expect(new Set(asked.map(([id]) => id)).size).toBe(1);
    expect(asked.length).toBeGreaterThan(1);
  });

  it("brings forward the tab of the exact page still loading, and reveals the row once its script has read it", async () => {
    const tab = await open(PAGE_2);
    let tries = 0;
    const { ask } = scripts(() => {
      tries += 1;
      return tries < 4 ? "no-script" : true;
    });
    expect(await openOrderPage(PAGE_2, ask, FAST)).toBe("revealed");
    expect(focused()).toEqual([tab.id]);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(2);
  });
});
