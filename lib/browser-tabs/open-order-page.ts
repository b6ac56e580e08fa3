import { browser } from "wxt/browser";

function samePage(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.origin === y.origin && x.pathname === y.pathname;
  } catch {
    return false;
  }
}

/** Focus a tab already showing the order's page, or open one. */
export async function openOrderPage(pageUrl: string): Promise<void> {
  const tabs = await browser.tabs.query({});
  const open = tabs.find((tab) => tab.url && samePage(tab.url, pageUrl));
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined)
      await browser.windows.update(open.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: pageUrl });
}
