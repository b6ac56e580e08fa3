import { browser } from "wxt/browser";
import { pickLocale, type Locale } from "@/lib/i18n";
import { toBackground, toContent } from "@/lib/messaging/messengers";
import { READING_KEY } from "@/lib/model/page-reading";
import { adaptersFor, isKnownHost } from "@/lib/platforms";
import { claimFrame, extensionAlive } from "@/lib/page/lifetime";
import { watchOrders } from "@/lib/page/order-watch";
import type { PageUi } from "@/lib/page/ui-port";

/**
 * The order script's work in one frame of a seller's page (entrypoints/orders): badges on the
 * order rows, kept in step with the background, until the extension goes away (./lifetime.ts).
 * `makeUi` draws them (the entrypoint hands it components/page's).
 */
export async function runOrdersScript(
  makeUi: (doc: Document, locale: Locale) => PageUi,
): Promise<void> {
  const life = claimFrame(globalThis, () =>
    extensionAlive(() => browser.runtime),
  );
  if (!life) return;
  const { signal } = life;
  // Every message goes through here: one failing because the extension was reloaded or removed
  // ends the script, instead of leaving badges that can no longer do anything.
  const guard = <T>(reply: Promise<T>): Promise<T> => reply.catch(life.check);
  // On the platforms' hosts the adapters follow the route; anywhere else the script only runs
  // because the seller granted the site (lib/background/granted-sites.ts): the generic adapter.
  const granted = !isKnownHost(new URL(location.href));
  // A platform the seller switched off in the options page is left alone; read again whenever
  // the background says something changed.
  const readEnabled = (): Promise<Partial<Record<string, boolean>>> =>
    guard(toBackground.sendMessage("enabledPlatforms", undefined)).catch(
      () => ({}),
    );
  let enabled = await readEnabled();
  const on = (platform: string) => enabled[platform] !== false;
  if (signal.aborted) return;
  const watcher = watchOrders({
    doc: document,
    adapters: () =>
      adaptersFor(new URL(location.href), { granted }).filter((adapter) =>
        on(adapter.platform),
      ),
    signal,
    ui: makeUi(document, pickLocale(navigator.languages)),
    report: (batch) => guard(toBackground.sendMessage("ordersSeen", batch)),
    panelFor: (key) => guard(toBackground.sendMessage("panelFor", { key })),
    logNudge: (request) => guard(toBackground.sendMessage("logNudge", request)),
    viewsFor: (keys) => guard(toBackground.sendMessage("viewsFor", { keys })),
  });
  const stopListening = toContent.onMessage("ordersChanged", async () => {
    enabled = await readEnabled();
    if (!signal.aborted) await watcher.refresh();
  });
  // What this frame reads, for the popup's "what PayNudge reads here" (lib/model/page-reading.ts).
  const slot = globalThis as Record<symbol, unknown>;
  slot[Symbol.for(READING_KEY)] = watcher.reading;
  signal.addEventListener(
    "abort",
    () => {
      stopListening();
      if (slot[Symbol.for(READING_KEY)] === watcher.reading)
        delete slot[Symbol.for(READING_KEY)];
    },
    { once: true },
  );
}
