import { browser } from "wxt/browser";

/**
 * The options page, where the shop name and the agent's nickname are set: focused when it is open,
 * else opened in a tab. A web page cannot open chrome-extension:// URLs itself.
 */
export async function openSettings(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
