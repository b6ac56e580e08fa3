import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { toBackgroundAdmin } from "../lib/admin-messages";
import {
  handleImportBackup,
  handleSaveGeneralSettings,
  handleSetNotificationsPaused,
  handleSetOrderStatus,
  handleWipeAllData,
} from "../lib/background/admin-handlers";
import {
  handleLogNudge,
  handleMessageFor,
  handleNotificationButton,
  handleNotificationClick,
  handleOrdersSeen,
  handleSnooze,
  handleStepDone,
  handleViewsFor,
} from "../lib/background/handlers";
import { pagesChanged } from "../lib/background/page-sync";
import { handlePanelFor } from "../lib/background/panel-handlers";
import {
  handleDeleteTemplate,
  handleRevokeSite,
  handleSaveEngineSettings,
  handleSaveTemplate,
  handleSetPlatformEnabled,
  handleSyncGrantedSites,
} from "../lib/background/options-handlers";
import { ALARM_NAME, runDueCheck } from "../lib/background/scheduler";
import { watchGrantedSites } from "../lib/background/granted-sites";
import { getDb } from "../lib/db";
import { getSetting } from "../lib/settings";
import { toBackground } from "../lib/messaging";

export default defineBackground(() => {
  const db = getDb();
  // A write the open pages' badges show: they are told once it has landed (the page that asked
  // learns from the reply, others from the signal).
  const andPages = <T>(write: Promise<T>): Promise<T> =>
    write.then((result) => (pagesChanged(), result));
  // Every event re-reads the database: a service worker may be stopped and restarted any time.
  const check = () =>
    runDueCheck(db, Date.now()).catch((error) =>
      console.error("PayNudge due check", error),
    );

  toBackground.onMessage("ordersSeen", ({ data }) =>
    handleOrdersSeen(db, data, Date.now()),
  );
  toBackground.onMessage("messageFor", ({ data }) =>
    handleMessageFor(db, data, Date.now()),
  );
  toBackground.onMessage("panelFor", ({ data }) =>
    handlePanelFor(db, data, Date.now()),
  );
  toBackground.onMessage("enabledPlatforms", () =>
    getSetting(db, "enabledPlatforms"),
  );
  toBackground.onMessage("logNudge", ({ data }) =>
    andPages(handleLogNudge(db, data, Date.now())),
  );
  toBackground.onMessage("snooze", ({ data }) =>
    andPages(handleSnooze(db, data, Date.now())),
  );
  toBackground.onMessage("viewsFor", ({ data }) => handleViewsFor(db, data));
  toBackground.onMessage("stepDone", ({ data }) =>
    andPages(handleStepDone(db, data, Date.now())),
  );
  toBackgroundAdmin.onMessage("saveGeneralSettings", ({ data }) =>
    handleSaveGeneralSettings(db, data),
  );
  toBackgroundAdmin.onMessage("importBackup", ({ data }) =>
    andPages(handleImportBackup(db, data, Date.now())),
  );
  toBackgroundAdmin.onMessage("wipeAllData", ({ data }) =>
    andPages(handleWipeAllData(db, data, Date.now())),
  );
  toBackgroundAdmin.onMessage("saveEngineSettings", ({ data }) =>
    andPages(handleSaveEngineSettings(db, data, Date.now())),
  );
  toBackgroundAdmin.onMessage("saveTemplate", ({ data }) =>
    handleSaveTemplate(db, data),
  );
  toBackgroundAdmin.onMessage("deleteTemplate", ({ data }) =>
    handleDeleteTemplate(db, data),
  );
  toBackgroundAdmin.onMessage("setPlatformEnabled", ({ data }) =>
    andPages(handleSetPlatformEnabled(db, data)),
  );
  toBackgroundAdmin.onMessage("syncGrantedSites", () =>
    handleSyncGrantedSites(),
  );
  toBackgroundAdmin.onMessage("revokeSite", ({ data }) =>
    handleRevokeSite(data),
  );
  toBackgroundAdmin.onMessage("setOrderStatus", ({ data }) =>
    andPages(handleSetOrderStatus(db, data, Date.now())),
  );
  toBackgroundAdmin.onMessage("setNotificationsPaused", ({ data }) =>
    handleSetNotificationsPaused(db, data, Date.now()),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_NAME) void check();
  });
  const report = (error: unknown) =>
    console.error("PayNudge notification", error);
  browser.notifications.onClicked.addListener(
    (id) => void handleNotificationClick(db, id).catch(report),
  );
  browser.notifications.onButtonClicked.addListener(
    (id, index) =>
      void andPages(handleNotificationButton(db, id, index, Date.now())).catch(
        report,
      ),
  );
  // Never reset data here: onInstalled fires on every launch of an unpacked extension.
  browser.runtime.onInstalled.addListener(() => void check());
  browser.runtime.onStartup.addListener(() => void check());
  // The order content script on the sites the seller granted, kept in step with the permissions.
  watchGrantedSites();
});
