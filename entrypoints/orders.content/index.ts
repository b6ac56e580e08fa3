import { defineContentScript } from "wxt/utils/define-content-script";
import { copyText } from "../../components/clipboard";
import { pickLocale } from "../../lib/i18n";
import { toBackground, toContent } from "../../lib/messaging";
import { watchOrders } from "../../lib/page/order-watch";
import { adaptersFor, CONTENT_MATCHES, isKnownHost } from "../../lib/platforms";

/** Set in the extension's isolated world: the script may arrive twice (manifest + a granted site). */
const RUNNING = Symbol.for("paynudge.orders.running");

export default defineContentScript({
  matches: [...CONTENT_MATCHES],
  // Taobao's legacy list is sometimes embedded in an iframe (`?isFrame=true`).
  allFrames: true,
  runAt: "document_idle",
  async main(ctx) {
    const scope = globalThis as unknown as Record<symbol, boolean>;
    if (scope[RUNNING]) return;
    scope[RUNNING] = true;
    ctx.signal.addEventListener("abort", () => delete scope[RUNNING], {
      once: true,
    });
    // On the platforms' hosts the adapters follow the route; anywhere else the script only runs
    // because the seller granted the site (lib/background/granted-sites.ts): the generic adapter.
    const granted = !isKnownHost(new URL(location.href));
    // A platform the seller switched off in the options page is left alone; read again whenever
    // the background says something changed.
    const readEnabled = (): Promise<Partial<Record<string, boolean>>> =>
      toBackground.sendMessage("enabledPlatforms", undefined).catch(() => ({}));
    let enabled = await readEnabled();
    const on = (platform: string) => enabled[platform] !== false;
    if (ctx.isInvalid) return;
    const watcher = watchOrders({
      doc: document,
      adapters: () =>
        adaptersFor(new URL(location.href), { granted }).filter((adapter) =>
          on(adapter.platform),
        ),
      signal: ctx.signal,
      locale: pickLocale(navigator.languages),
      report: (batch) => toBackground.sendMessage("ordersSeen", batch),
      panelFor: (key) => toBackground.sendMessage("panelFor", { key }),
      logNudge: (request) => toBackground.sendMessage("logNudge", request),
      viewsFor: (keys) => toBackground.sendMessage("viewsFor", { keys }),
      copy: (text) => copyText(text),
    });
    const stopListening = toContent.onMessage("ordersChanged", async () => {
      enabled = await readEnabled();
      if (!ctx.isInvalid) await watcher.refresh();
    });
    ctx.signal.addEventListener("abort", stopListening, { once: true });
  },
});
