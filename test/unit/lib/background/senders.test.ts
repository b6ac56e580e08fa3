import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { handleOrdersSeen } from "@/test/support/seen";
import {
  batchOfSenderSite,
  classifySender,
  guarded,
  orderOfSenderSite,
  RefusedError,
  type MessageSender,
} from "@/lib/background/senders";
import { PayNudgeDB } from "@/lib/db/schema";

const ID = "abcdefghijklmnopabcdefghijklmnop";
const OWN = `chrome-extension://${ID}`;
const SHOP = "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";
const OTHER = "https://mms.pinduoduo.com/orders/list";

const popup: MessageSender = { id: ID, url: `${OWN}/popup.html`, origin: OWN };
const options: MessageSender = {
  id: ID,
  url: `${OWN}/options.html`,
  tab: { id: 7, url: `${OWN}/options.html` } as chrome.tabs.Tab,
};
const content = (url: string, tabId = 3): MessageSender => ({
  id: ID,
  url,
  tab: { id: tabId, url } as chrome.tabs.Tab,
  frameId: 0,
});

describe("who sent a message, from what the browser stamps on it", () => {
  it("tells the extension's own pages from a content script in a web page", () => {
    expect(classifySender(popup, ID)).toEqual({ kind: "page", origin: OWN });
    expect(classifySender(options, ID)).toEqual({ kind: "page", origin: OWN });
    // With its tab: the side panel a badge opens is that tab's.
    expect(classifySender(content(SHOP), ID)).toEqual({
      kind: "content",
      origin: "https://trade.taobao.com",
      tabId: 3,
    });
  });

  it("knows no other extension, no tabless web sender, no extension page framed by a web page, no odd scheme", () => {
    expect(
      classifySender({ ...popup, id: "x".repeat(32) }, ID),
    ).toBeUndefined();
    expect(classifySender({ id: ID, url: SHOP }, ID)).toBeUndefined();
    expect(
      classifySender(
        {
          id: ID,
          url: `${OWN}/popup.html`,
          tab: { id: 3, url: SHOP } as chrome.tabs.Tab,
        },
        ID,
      ),
    ).toBeUndefined();
    expect(classifySender(content("file:///tmp/x.html"), ID)).toBeUndefined();
    expect(classifySender({ id: ID }, ID)).toBeUndefined();
  });
});

describe("a request's sender policy", () => {
  let db: PayNudgeDB;
  beforeEach(async () => {
    fakeBrowser.reset();
    db = new PayNudgeDB(`test-${crypto.randomUUID()}`);
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await handleOrdersSeen(
      db,
      {
        pageUrl: SHOP,
        orders: [
          {
            platform: "taobao",
            orderId: "1",
            status: "unpaid",
            createdAt: Date.now(),
            items: [],
          },
        ],
      },
      Date.now(),
    );
  });
  // classifySender reads the running extension's id; the fake browser's is stable.
  const as = (sender: MessageSender): MessageSender => ({
    ...sender,
    id: fakeBrowser.runtime.id,
    url: sender.url?.replace(ID, fakeBrowser.runtime.id),
    tab: sender.tab && {
      ...sender.tab,
      url: sender.tab.url?.replace(ID, fakeBrowser.runtime.id),
    },
  });

  it("runs an admin request from an extension page and refuses it from a web page, before the handler runs", async () => {
    const handle = vi.fn(() => "wiped");
    const route = guarded("wipeAllData", { from: ["page"] }, handle);
    await expect(route({ data: {}, sender: as(options) })).resolves.toBe(
      "wiped",
    );
    await expect(
      route({ data: {}, sender: as(content(SHOP)) }),
    ).rejects.toThrow(RefusedError);
    await expect(
      route({ data: {}, sender: { ...as(popup), id: "y".repeat(32) } }),
    ).rejects.toThrow(/unknown sender/);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'refused "wipeAllData" from https://trade.taobao.com',
      ),
    );
  });

  it("lets a content script act only on an order of its own site; an extension page on any", async () => {
    const handle = vi.fn(() => "logged");
    const route = guarded(
      "logNudge",
      { from: ["content", "page"], contentCheck: orderOfSenderSite(db) },
      handle,
    );
    const data = { key: "taobao:1" };
    await expect(route({ data, sender: as(content(SHOP)) })).resolves.toBe(
      "logged",
    );
    await expect(route({ data, sender: as(popup) })).resolves.toBe("logged");
    await expect(route({ data, sender: as(content(OTHER)) })).rejects.toThrow(
      /another site/,
    );
    await expect(
      route({ data: { key: "taobao:2" }, sender: as(content(SHOP)) }),
    ).rejects.toThrow(/not shown/);
    await expect(
      route({ data: {}, sender: as(content(SHOP)) }),
    ).rejects.toThrow(/no order/);
    expect(handle).toHaveBeenCalledTimes(2);
  });

  it("takes a batch of orders only from a content script of the page it names", () => {
    const sender = {
      kind: "content" as const,
      origin: "https://trade.taobao.com",
    };
    expect(batchOfSenderSite({ pageUrl: SHOP }, sender)).toBeUndefined();
    expect(batchOfSenderSite({ pageUrl: OTHER }, sender)).toMatch(
      /another site/,
    );
    expect(batchOfSenderSite({ pageUrl: 42 }, sender)).toMatch(/another site/);
    expect(batchOfSenderSite(null, sender)).toMatch(/another site/);
  });
});
