import { browser } from "wxt/browser";

/*
 * The workspace: the browser's side panel beside the order page (entrypoints/sidepanel). A badge's
 * click opens it on that order, so the order's panel covers nothing of the platform's page.
 */

/** The side panel's page, on one order (`order`: its key). */
export function workspacePath(key?: string): string {
  return key === undefined
    ? "sidepanel.html"
    : `sidepanel.html?order=${encodeURIComponent(key)}`;
}

/**
 * Opens the side panel of `tabId` on the order. Both calls start before anything is awaited: open()
 * is allowed only while the agent's click that sent this request still counts as a user gesture.
 * Rejects where there is no side panel (the badge then opens its panel in the page).
 */
export async function openWorkspace(
  tabId: number | undefined,
  key: string,
): Promise<void> {
  const panel = (browser as { sidePanel?: typeof chrome.sidePanel }).sidePanel;
  if (!panel || tabId === undefined) throw new Error("no side panel here");
  await Promise.all([
    panel.setOptions({ tabId, path: workspacePath(key), enabled: true }),
    panel.open({ tabId }),
  ]);
}
