import { browser } from "wxt/browser";

/*
 * The workspace (the side panel) opened from an extension page: the popup's link, on the agent's
 * click. The side panel is per tab: the page's tab (`?tab=` when the popup runs in a tab of its
 * own), else the active tab of the popup's window.
 */

/** Opens the workspace beside the tab; false where the browser has no side panel. */
export async function openWorkspaceBeside(tabId?: number): Promise<boolean> {
  const panel = (browser as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  if (!panel) return false;
  const target =
    tabId ??
    (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (target === undefined) return false;
  await Promise.all([
    panel.setOptions({ tabId: target, path: "sidepanel.html", enabled: true }),
    panel.open({ tabId: target }),
  ]);
  return true;
}
