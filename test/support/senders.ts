import { fakeBrowser } from "wxt/testing/fake-browser";
import type { MessageSender } from "@/lib/background/senders";

/*
 * Who sends the background a message, as Chrome describes the sender (runtime.MessageSender), for
 * the background's unit tests: its routes accept or refuse a request by these.
 */

/** Taobao's order list: the order script's page unless a test names another. */
export const SHOP =
  "https://trade.taobao.com/trade/itemlist/list_sold_items.htm";

const own = () => `chrome-extension://${fakeBrowser.runtime.id}`;

/** One of the extension's own pages (`options.html`, `report.html`) open in a tab of its own. */
export const extensionPage = (page: string): MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: `${own()}/${page}`,
  tab: { id: 7, url: `${own()}/${page}` } as chrome.tabs.Tab,
});

/** The workspace: the side panel, a page of the extension in no tab. */
export const sidePanel = (): MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: `${own()}/sidepanel.html`,
});

/** The order script in the top frame of a page at `url` (tab 3). */
export const contentScript = (url: string = SHOP): MessageSender => ({
  id: fakeBrowser.runtime.id,
  url,
  tab: { id: 3, url } as chrome.tabs.Tab,
  frameId: 0,
});

/** A page of another extension. */
export const otherExtension = (): MessageSender => ({
  id: "someone-else",
  url: "chrome-extension://someone-else/page.html",
});
