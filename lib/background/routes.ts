import type { AdminToBackground } from "@/lib/messaging/admin";
import type { PayNudgeDB } from "@/lib/db/schema";
import type { ContentToBackground } from "@/lib/schemas/content";
import { toBackgroundAdmin } from "@/lib/messaging/admin";
import { toBackground } from "@/lib/messaging/messengers";
import { platformsAt } from "@/lib/platforms";
import { getSetting } from "@/lib/db/settings";
import {
  handleImportAbort,
  handleImportBegin,
  handleImportChunk,
  handleImportCommit,
  handleSaveGeneralSettings,
  handleSetNotificationsPaused,
  handleSetOrderStatus,
  handleWipeAllData,
} from "@/lib/background/admin-handlers";
import {
  handleLogNudge,
  handleMessageFor,
  answerOrdersSeen,
  handleSnooze,
  handleStepDone,
  handleViewsFor,
} from "@/lib/background/handlers";
import {
  handleDeleteTemplate,
  handleRevokeSite,
  handleSaveEngineSettings,
  handleSaveTemplate,
  handleSetPlatformEnabled,
  handleSyncGrantedSites,
} from "@/lib/background/options-handlers";
import { andPages } from "@/lib/background/page-sync";
import { handlePanelFor } from "@/lib/background/panel-handlers";
import {
  batchOfSenderSite,
  guarded,
  orderOfSenderSite,
  type MessageSender,
} from "@/lib/background/senders";

/*
 * Every request the background answers, with the senders it accepts: one table per protocol, each
 * typed against its protocol map, so a request without a route (or a policy) does not compile.
 */

type Route<P, K extends keyof P> = (message: {
  data: unknown;
  sender: MessageSender;
}) => Promise<P[K] extends (...args: never[]) => infer R ? R : never>;
type Routes<P> = { [K in keyof P]: Route<P, K> };

const PAGES = { from: ["page"] } as const;

/** Wires both tables to their messengers; `now` is read when each request arrives. */
export function registerRoutes(db: PayNudgeDB): void {
  const ownOrder = {
    from: ["content", "page"],
    contentCheck: orderOfSenderSite(db),
  } as const;

  const content: Routes<ContentToBackground> = {
    ordersSeen: guarded(
      "ordersSeen",
      { from: ["content"], contentCheck: batchOfSenderSite },
      (data) => answerOrdersSeen(db, data, Date.now(), platformsAt),
    ),
    enabledPlatforms: guarded("enabledPlatforms", { from: ["content"] }, () =>
      getSetting(db, "enabledPlatforms"),
    ),
    viewsFor: guarded("viewsFor", { from: ["content"] }, (data, sender) =>
      handleViewsFor(db, data, sender.origin),
    ),
    panelFor: guarded("panelFor", ownOrder, (data) =>
      handlePanelFor(db, data, Date.now()),
    ),
    messageFor: guarded("messageFor", ownOrder, (data) =>
      handleMessageFor(db, data, Date.now()),
    ),
    logNudge: guarded("logNudge", ownOrder, (data) =>
      andPages(handleLogNudge(db, data, Date.now())),
    ),
    snooze: guarded("snooze", ownOrder, (data) =>
      andPages(handleSnooze(db, data, Date.now())),
    ),
    stepDone: guarded("stepDone", ownOrder, (data) =>
      andPages(handleStepDone(db, data, Date.now())),
    ),
  };

  // Settings and data change only from the extension's own pages.
  const admin: Routes<AdminToBackground> = {
    saveGeneralSettings: guarded("saveGeneralSettings", PAGES, (data) =>
      handleSaveGeneralSettings(db, data),
    ),
    // A backup restored in chunks: begin, chunks (staged), commit swaps the data in.
    importBegin: guarded("importBegin", PAGES, (data) =>
      handleImportBegin(data),
    ),
    importChunk: guarded("importChunk", PAGES, (data) =>
      handleImportChunk(data),
    ),
    importCommit: guarded("importCommit", PAGES, (data) =>
      andPages(handleImportCommit(db, data, Date.now())),
    ),
    importAbort: guarded("importAbort", PAGES, (data) =>
      handleImportAbort(data),
    ),
    wipeAllData: guarded("wipeAllData", PAGES, (data) =>
      andPages(handleWipeAllData(db, data, Date.now())),
    ),
    saveEngineSettings: guarded("saveEngineSettings", PAGES, (data) =>
      andPages(handleSaveEngineSettings(db, data, Date.now())),
    ),
    saveTemplate: guarded("saveTemplate", PAGES, (data) =>
      handleSaveTemplate(db, data),
    ),
    deleteTemplate: guarded("deleteTemplate", PAGES, (data) =>
      handleDeleteTemplate(db, data),
    ),
    setPlatformEnabled: guarded("setPlatformEnabled", PAGES, (data) =>
      andPages(handleSetPlatformEnabled(db, data)),
    ),
    syncGrantedSites: guarded("syncGrantedSites", PAGES, () =>
      handleSyncGrantedSites(),
    ),
    revokeSite: guarded("revokeSite", PAGES, (data) => handleRevokeSite(data)),
    setOrderStatus: guarded("setOrderStatus", PAGES, (data) =>
      andPages(handleSetOrderStatus(db, data, Date.now())),
    ),
    setNotificationsPaused: guarded("setNotificationsPaused", PAGES, (data) =>
      handleSetNotificationsPaused(db, data, Date.now()),
    ),
  };

  // The messengers' listener types are per request; the tables above hold each one's own.
  for (const [type, route] of Object.entries(content))
    toBackground.onMessage(type as keyof ContentToBackground, route as never);
  for (const [type, route] of Object.entries(admin))
    toBackgroundAdmin.onMessage(
      type as keyof AdminToBackground,
      route as never,
    );
}
