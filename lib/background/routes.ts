import { browser } from "wxt/browser";
import type { PayNudgeDB } from "@/lib/db/schema";
import { toBackground } from "@/lib/messaging/messengers";
import type { RequestReply, RequestType } from "@/lib/messaging/protocol";
import { platformsAt } from "@/lib/platforms";
import { getSetting } from "@/lib/schemas/settings";
import {
  handleImportAbort,
  handleImportBegin,
  handleImportChunk,
  handleImportCommit,
  handleWipeAllData,
} from "@/lib/background/all-data";
import {
  handleLogNudge,
  handleMessageFor,
  handlePanelFor,
  handleRestoreOrder,
  handleSetOrderStatus,
  handleSnooze,
  handleStepDone,
} from "@/lib/background/order-actions";
import { answerOrdersSeen, handleViewsFor } from "@/lib/background/orders-seen";
import { handleTakeOver } from "@/lib/background/take-over";
import { requestDueCheck } from "@/lib/background/due-check";
import { handleEndAbTest, handleStartAbTest } from "@/lib/background/ab-tests";
import { openSettings } from "@/lib/background/open-settings";
import {
  handleRemoveTeamRoster,
  handleSetTeamMe,
  handleSetTeamRoster,
} from "@/lib/background/team-roster";
import { openOrder } from "@/lib/background/open-order";
import { openWorkspace } from "@/lib/background/workspace";
import { parseRequest } from "@/lib/schemas/requests";
import { handleImportTeamLog } from "@/lib/background/team-log";
import { pagesChanged } from "@/lib/background/page-sync";
import {
  allowedNow,
  batchOfSenderSite,
  RefusedError,
  guarded,
  orderOfSenderSite,
  type KnownSender,
  type MessageSender,
  type Policy,
} from "@/lib/background/senders";
import {
  handleDeleteTaughtReader,
  handleDeleteTemplate,
  handleRevokeSite,
  handleSaveEngineSettings,
  handleSaveGeneralSettings,
  handleSaveTaughtReader,
  handleSaveTemplate,
  handleSetNotificationsPaused,
  handleSetPlatformEnabled,
  handleSetRetentionDays,
  handleSyncGrantedSites,
  taughtReadersOf,
} from "@/lib/background/settings-handlers";

/*
 * Every request the background answers (lib/messaging/protocol.ts), with the senders it accepts and
 * what follows it: one table, typed against the protocol, so a request without a route (or a
 * policy) does not compile. Each handler checks its request's data on arrival.
 */

/** How one request is answered. */
export interface Route<K extends RequestType> extends Policy<unknown> {
  /**
   * What follows a write whose result the open pages' badges show: they are told once it has landed
   * (page-sync.ts; the page that asked learns from the reply, the others from the signal).
   */
  then?: "refresh-pages";
  /**
   * Answered in the browser's own message listener, its handler started before anything is
   * awaited: the request carries the agent's click as a user gesture (opening the side panel),
   * which lasts only as long as the listener runs. Such a route has no content check.
   */
  gesture?: true;
  handle(
    data: unknown,
    sender: KnownSender,
  ): Promise<RequestReply<K>> | RequestReply<K>;
}

/**
 * Requests that replace or delete the seller's data, or withdraw a site: from the extension's own
 * pages only. A shorter retention deletes old orders, so it counts.
 */
export type DestructiveRequest =
  | "wipeAllData"
  | "setRetentionDays"
  | "importBegin"
  | "importChunk"
  | "importCommit"
  | "importAbort"
  | "revokeSite";

const PAGES = { from: ["page"] } as const;

export type Routes = {
  [K in RequestType]: Route<K> &
    (K extends DestructiveRequest ? typeof PAGES : unknown);
};

/** The table; `now` is read when each request arrives. */
export function backgroundRoutes(db: PayNudgeDB): Routes {
  /** A content script acts only on orders of its own site; an extension page on any. */
  /**
   * Whose each order is changed with the roster or the agent's name: notifications and the toolbar
   * count follow (the due check), as the pages' badges do (refresh-pages).
   */
  const afterTeamChange = async <T>(change: Promise<T>): Promise<T> => {
    const answer = await change;
    void requestDueCheck(db).catch((error: unknown) =>
      console.error("PayNudge due check", error),
    );
    return answer;
  };

  const ownOrder = {
    from: ["content", "page"],
    contentCheck: orderOfSenderSite(db),
  } as const;

  return {
    // The order script reports and asks about its page's orders.
    ordersSeen: {
      from: ["content"],
      contentCheck: batchOfSenderSite,
      handle: (data) => answerOrdersSeen(db, data, Date.now(), platformsAt),
    },
    enabledPlatforms: {
      from: ["content"],
      handle: () => getSetting(db, "enabledPlatforms"),
    },
    panelPlace: {
      from: ["content"],
      handle: () => getSetting(db, "panelPlace"),
    },
    taughtReaders: {
      from: ["content"],
      handle: (_data, sender) => taughtReadersOf(db, sender.origin),
    },
    viewsFor: {
      from: ["content"],
      handle: (data, sender) => handleViewsFor(db, data, sender.origin),
    },
    panelFor: {
      ...ownOrder,
      handle: (data) => handlePanelFor(db, data, Date.now()),
    },
    messageFor: {
      ...ownOrder,
      handle: (data) => handleMessageFor(db, data, Date.now()),
    },
    // Shows the seller's own settings and changes nothing: any page with a badge may ask.
    openSettings: {
      from: ["content", "page"],
      handle: () => openSettings(),
    },
    // Shows one of the page's own orders beside it; answered at once, while the agent's click
    // still counts as a gesture (no database read before the side panel opens).
    openWorkspace: {
      from: ["content"],
      gesture: true,
      handle: (data, sender) =>
        openWorkspace(sender.tabId, parseRequest("openWorkspace", data).key),
    },
    // 打开订单页 from the popup or the workspace: brings a tab forward, so the extension's pages only.
    openOrder: {
      ...PAGES,
      handle: (data) => openOrder(db, parseRequest("openOrder", data).key),
    },
    logNudge: {
      ...ownOrder,
      then: "refresh-pages",
      handle: (data) => handleLogNudge(db, data, Date.now()),
    },
    snooze: {
      ...ownOrder,
      then: "refresh-pages",
      handle: (data) => handleSnooze(db, data, Date.now()),
    },
    stepDone: {
      ...ownOrder,
      then: "refresh-pages",
      handle: (data) => handleStepDone(db, data, Date.now()),
    },

    // From the order's panel on its page (a trusted click) or the workspace, as a nudge is logged.
    takeOver: {
      ...ownOrder,
      then: "refresh-pages",
      handle: (data) => handleTakeOver(db, data, Date.now()),
    },

    // Settings and data change only from the extension's own pages.
    setOrderStatus: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleSetOrderStatus(db, data, Date.now()),
    },
    // The popup's undo sets a status as the agent's mark does: from the extension's pages only.
    restoreOrder: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleRestoreOrder(db, data, Date.now()),
    },
    saveGeneralSettings: {
      ...PAGES,
      handle: (data) => handleSaveGeneralSettings(db, data),
    },
    saveEngineSettings: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleSaveEngineSettings(db, data, Date.now()),
    },
    saveTemplate: {
      ...PAGES,
      handle: (data) => handleSaveTemplate(db, data),
    },
    deleteTemplate: {
      ...PAGES,
      handle: (data) => handleDeleteTemplate(db, data),
    },
    setPlatformEnabled: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleSetPlatformEnabled(db, data),
    },
    setNotificationsPaused: {
      ...PAGES,
      handle: (data) => handleSetNotificationsPaused(db, data, Date.now()),
    },
    setRetentionDays: {
      ...PAGES,
      handle: (data) => handleSetRetentionDays(db, data, Date.now()),
    },
    // The page may be taught only from the extension's own pages: the popup saves what was picked.
    saveTaughtReader: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleSaveTaughtReader(db, data),
    },
    deleteTaughtReader: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleDeleteTaughtReader(db, data),
    },
    syncGrantedSites: { ...PAGES, handle: () => handleSyncGrantedSites() },
    revokeSite: { ...PAGES, handle: (data) => handleRevokeSite(data) },
    // An A/B test decides which words every agent is shown first: the extension's pages only.
    startAbTest: {
      ...PAGES,
      handle: (data) => handleStartAbTest(db, data, Date.now()),
    },
    endAbTest: {
      ...PAGES,
      handle: (data) => handleEndAbTest(db, data, Date.now()),
    },
    // The team roster decides whose orders each agent is shown: the extension's pages only.
    setTeamRoster: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => afterTeamChange(handleSetTeamRoster(db, data)),
    },
    setTeamMe: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => afterTeamChange(handleSetTeamMe(db, data)),
    },
    removeTeamRoster: {
      ...PAGES,
      then: "refresh-pages",
      handle: () => afterTeamChange(handleRemoveTeamRoster(db)),
    },

    // A backup restored in chunks: begin, chunks (staged), commit swaps the data in.
    importBegin: { ...PAGES, handle: (data) => handleImportBegin(data) },
    importChunk: { ...PAGES, handle: (data) => handleImportChunk(data) },
    importCommit: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleImportCommit(db, data, Date.now()),
    },
    importAbort: { ...PAGES, handle: (data) => handleImportAbort(data) },
    wipeAllData: {
      ...PAGES,
      then: "refresh-pages",
      handle: (data) => handleWipeAllData(db, data, Date.now()),
    },
    // Adds colleagues' nudges to this machine's log: data changes from the extension's pages only.
    // Nothing a badge shows changes (team-log-merge.ts leaves this machine's orders as they are).
    importTeamLog: {
      ...PAGES,
      handle: (data) => handleImportTeamLog(db, data),
    },
  };
}

/** A route as its listener: the sender checked first (guarded), then the handler, then what follows. */
export function answer<K extends RequestType>(
  type: K,
  route: Route<K>,
): (message: {
  data: unknown;
  sender: MessageSender;
}) => Promise<RequestReply<K>> {
  return guarded(type, route, async (data, sender) => {
    const reply = await route.handle(data, sender);
    if (route.then === "refresh-pages") pagesChanged();
    return reply;
  });
}

/** The messenger's error on the wire: what its sending side rebuilds the Error from. */
const wireError = (error: unknown) =>
  error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack ?? "" }
    : { name: "Error", message: String(error), stack: "" };

/**
 * A gesture route in the browser's own listener, speaking the messenger's format (`{ type, data }`
 * in, `{ res }` or `{ err }` out): checked and handled synchronously, answered when done.
 */
function answerNow<K extends RequestType>(type: K, route: Route<K>): void {
  browser.runtime.onMessage.addListener((message, sender, respond) => {
    if ((message as { type?: unknown } | null)?.type !== type) return false;
    const known = allowedNow(type, route, sender);
    if (known instanceof RefusedError) {
      respond({ err: wireError(known) });
      return false;
    }
    let reply;
    try {
      reply = route.handle((message as { data?: unknown }).data, known);
    } catch (error) {
      respond({ err: wireError(error) });
      return false;
    }
    Promise.resolve(reply).then(
      (res) => respond({ res }),
      (error: unknown) => respond({ err: wireError(error) }),
    );
    return true;
  });
}

/** Wires every route to the one messenger (a gesture route to the browser's own listener). */
export function registerRoutes(db: PayNudgeDB): void {
  const routes = backgroundRoutes(db);
  for (const type of Object.keys(routes) as RequestType[]) {
    const route = routes[type];
    if (route.gesture) answerNow(type, route);
    // The messenger's listener type is per request; the table holds each one's own.
    else toBackground.onMessage(type, answer(type, route) as never);
  }
}
