import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import {
  handleNotificationButton,
  handleNotificationClick,
  handleNotificationClosed,
} from "@/lib/background/notification-actions";
import { andPages } from "@/lib/background/page-sync";
import { registerRoutes } from "@/lib/background/routes";
import { ALARM_NAME, runDueCheck } from "@/lib/background/due-check";
import { watchGrantedSites } from "@/lib/background/granted-sites";
import { getDb } from "@/lib/db/schema";
import {
  COMMANDS,
  copyNextDue,
  openWorkspaceFor,
} from "@/lib/background/shortcuts";
import { replanEveryOpenOrder } from "@/lib/background/replan-all";
import { keepReportLines } from "@/lib/background/report-lines";
import { openWelcomeOnce } from "@/lib/background/welcome";
import {
  armPrune,
  ensurePruneAlarm,
  PRUNE_ALARM,
  runPrune,
} from "@/lib/background/prune";

export default defineBackground(() => {
  const db = getDb();
  // Every event re-reads the database: a service worker may be stopped and restarted any time.
  const check = () =>
    runDueCheck(db, Date.now()).catch((error) =>
      console.error("PayNudge due check", error),
    );

  // Every request, with the senders it accepts (lib/background/routes.ts).
  registerRoutes(db);
  // The report's lines follow every write, for the worker's whole life (lib/background/report-lines.ts).
  keepReportLines(db);

  // Old paid and closed orders go daily and shortly after each launch (lib/background/prune.ts).
  const prune = () =>
    runPrune(db, Date.now()).catch((error) =>
      console.error("PayNudge prune", error),
    );
  const armPruning = () =>
    void armPrune().catch((error) => console.error("PayNudge prune", error));
  void ensurePruneAlarm().catch((error) =>
    console.error("PayNudge prune", error),
  );

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_NAME) void check();
    if (alarm.name === PRUNE_ALARM) void prune();
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
  // Closed before the run that raised it could record it: counted as shown, not raised again.
  browser.notifications.onClosed.addListener(
    (id) => void handleNotificationClosed(db, id).catch(report),
  );
  // Never reset data here: onInstalled fires on every launch of an unpacked extension. A new
  // version re-plans the open orders (its engine may plan them differently), then checks.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    armPruning();
    // The welcome page opens once per profile: the database, not this event, says it was shown.
    void openWelcomeOnce(db, reason, Date.now()).catch((error) =>
      console.error("PayNudge welcome", error),
    );
    if (reason !== "update") return void check();
    void replanEveryOpenOrder(db, Date.now()).catch((error) =>
      console.error("PayNudge re-plan after update", error),
    );
  });
  browser.runtime.onStartup.addListener(() => {
    armPruning();
    void check();
  });
  // Keyboard shortcuts: the side panel opens inside the listener, while the key press counts.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMANDS.openWorkspace) openWorkspaceFor(tab);
    if (command === COMMANDS.copyNextDue)
      void copyNextDue(db, Date.now()).catch((error) =>
        console.error("PayNudge shortcut", error),
      );
  });
  // The order content script on the sites the seller granted, kept in step with the permissions.
  watchGrantedSites();
});
