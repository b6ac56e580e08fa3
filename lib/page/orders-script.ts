import { browser } from "wxt/browser";
import { pickLocale, type Locale } from "@/lib/i18n";
import { toBackground, toContent } from "@/lib/messaging/messengers";
import { READING_KEY } from "@/lib/model/page-reading";
import { TEACH_KEY, type TeachSlot } from "@/lib/model/teaching";
import type { TaughtReader } from "@/lib/model/taught-reader";
import { adaptersFor, isKnownHost, platformAt } from "@/lib/platforms";
import { claimFrame, extensionAlive } from "@/lib/page/lifetime";
import { watchOrders } from "@/lib/page/order-watch";
import { startTeaching, type Teaching } from "@/lib/page/teach-mode";
import { editorOn, insertInto, insertMessage } from "@/lib/page/chat-insert";
import { isWorkspaceInsert } from "@/lib/messaging/workspace-requests";
import type { PageUi } from "@/lib/page/ui-port";
import { answerReveals } from "@/lib/page/reveal-order";
import { containsAcross } from "@/lib/platforms/shared/shadow";

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
  // The readers the seller taught on this site (tried first on their page), read again likewise.
  const readTaught = (): Promise<TaughtReader[]> =>
    guard(toBackground.sendMessage("taughtReaders", undefined)).catch(() => []);
  // Where a badge's click shows the order's panel; the side panel unless the seller chose the page.
  const readPlace = (): Promise<"workspace" | "page"> =>
    guard(toBackground.sendMessage("panelPlace", undefined)).catch(
      () => "workspace" as const,
    );
  let [enabled, taught, place] = await Promise.all([
    readEnabled(),
    readTaught(),
    readPlace(),
  ]);
  const on = (platform: string) => enabled[platform] !== false;
  if (signal.aborted) return;
  const ui = makeUi(document, pickLocale(navigator.languages));
  const watcher = watchOrders({
    doc: document,
    adapters: () =>
      adaptersFor(new URL(location.href), { granted, taught }).filter(
        (adapter) => on(adapter.platform),
      ),
    signal,
    ui,
    report: (batch) => guard(toBackground.sendMessage("ordersSeen", batch)),
    panelFor: (key) => guard(toBackground.sendMessage("panelFor", { key })),
    logNudge: (request) => guard(toBackground.sendMessage("logNudge", request)),
    takeOver: (key) => guard(toBackground.sendMessage("takeOver", { key })),
    viewsFor: (keys) => guard(toBackground.sendMessage("viewsFor", { keys })),
    // Where there is no side panel the background refuses, and the badge opens its own panel.
    openWorkspace: (key) =>
      place === "workspace"
        ? toBackground.sendMessage("openWorkspace", { key }).then(
            () => true,
            () => false,
          )
        : Promise.resolve(false),
  });
  const stopListening = toContent.onMessage("ordersChanged", async () => {
    [enabled, taught, place] = await Promise.all([
      readEnabled(),
      readTaught(),
      readPlace(),
    ]);
    if (!signal.aborted) await watcher.refresh();
  });
  // The workspace (the side panel) writes into this page's chat box and memo field through here.
  const stopEditors = toContent.onMessage("workspaceEditors", () => ({
    chat: editorOn(document, watcher.editors(), "chat") !== undefined,
    memo: editorOn(document, watcher.editors(), "memo") !== undefined,
  }));
  const stopInsert = toContent.onMessage("workspaceInsert", ({ data }) => {
    if (!isWorkspaceInsert(data)) return { status: "failed" as const };
    if (data.kind === "memo")
      return {
        status: insertInto(document, watcher.editors(), "memo", data.text)
          ? ("inserted" as const)
          : ("failed" as const),
      };
    return insertMessage(document, watcher.editors(), data.buyer, data.text);
  });
  // 打开订单页: the background asks whether this frame shows an order, and to bring its row into view.
  answerReveals(document, signal, {
    rowOf: (badge) =>
      watcher
        .editors()
        ?.findRows(document)
        .find((row) => containsAcross(row, badge)),
  });
  // What this frame reads, for the popup's "what PayNudge reads here" (lib/model/page-reading.ts).
  const slot = globalThis as Record<symbol, unknown>;
  slot[Symbol.for(READING_KEY)] = watcher.reading;
  // Teaching this page, started and saved from the popup (lib/model/teaching.ts).
  let teaching: Teaching | undefined;
  const teach: TeachSlot = {
    start() {
      teaching?.stop();
      teaching = startTeaching({
        doc: document,
        ui,
        platform: platformAt(new URL(location.href)),
        signal,
      });
      return teaching.state();
    },
    state: () => teaching?.state() ?? null,
    finish() {
      teaching?.stop();
      teaching = undefined;
    },
  };
  slot[Symbol.for(TEACH_KEY)] = teach;
  signal.addEventListener(
    "abort",
    () => {
      stopListening();
      stopEditors();
      stopInsert();
      teaching?.stop();
      if (slot[Symbol.for(READING_KEY)] === watcher.reading)
        delete slot[Symbol.for(READING_KEY)];
      if (slot[Symbol.for(TEACH_KEY)] === teach)
        delete slot[Symbol.for(TEACH_KEY)];
    },
    { once: true },
  );
}
