import { browser } from "wxt/browser";
import { toContent } from "@/lib/messaging/messengers";

/** A burst of writes (a re-plan of every open order, an import) sends one signal. */
const SETTLE_MS = 50;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Tells the open pages that what their badges show changed: a plan, a snooze or a mark from the
 * popup, a platform switched off. Only a signal crosses; each page asks for its own orders
 * (viewsFor), so nothing about one shop's orders is sent to another site's tab.
 */
export function pagesChanged(): void {
  clearTimeout(timer);
  timer = setTimeout(() => void broadcast(), SETTLE_MS);
}

/**
 * A write whose result the open pages' badges show: they are told once it has landed (the page
 * that asked learns from the reply, the others from the signal).
 */
export function andPages<T>(write: Promise<T>): Promise<T> {
  return write.then((result) => (pagesChanged(), result));
}

async function broadcast(): Promise<void> {
  try {
    // Web pages only: the order script never runs in the extension's own or the browser's pages.
    const tabs = (await browser.tabs.query({})).filter((tab) =>
      /^https?:/.test(tab.url ?? ""),
    );
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : // A tab without the order script has no receiver: nothing to tell it.
            toContent
              .sendMessage("ordersChanged", undefined, tab.id)
              .catch(() => undefined),
      ),
    );
  } catch (error) {
    console.error("PayNudge: could not tell the open pages", error);
  }
}
