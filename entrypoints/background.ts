import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { toBackgroundAdmin } from '../lib/admin-messages';
import { handleImportBackup, handleSaveGeneralSettings, handleWipeAllData } from '../lib/background/admin-handlers';
import { handleMessageFor, handleOrdersSeen } from '../lib/background/handlers';
import { ALARM_NAME, orderKeyOfNotification, runDueCheck } from '../lib/background/scheduler';
import { getDb } from '../lib/db';
import { toBackground } from '../lib/messaging';
import { openOrderPage } from '../lib/open-order';

export default defineBackground(() => {
  const db = getDb();
  // Every event re-reads the database: a service worker may be stopped and restarted any time.
  const check = () => runDueCheck(db, Date.now()).catch((error) => console.error('PayNudge due check', error));

  toBackground.onMessage('ordersSeen', ({ data }) => handleOrdersSeen(db, data, Date.now()));
  toBackground.onMessage('messageFor', ({ data }) => handleMessageFor(db, data, Date.now()));
  toBackgroundAdmin.onMessage('saveGeneralSettings', ({ data }) => handleSaveGeneralSettings(db, data));
  toBackgroundAdmin.onMessage('importBackup', ({ data }) => handleImportBackup(db, data, Date.now()));
  toBackgroundAdmin.onMessage('wipeAllData', ({ data }) => handleWipeAllData(db, data, Date.now()));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_NAME) void check();
  });
  browser.notifications.onClicked.addListener((id) => {
    const key = orderKeyOfNotification(id);
    if (!key) return;
    void db.orders.get(key).then((order) => (order ? openOrderPage(order.pageUrl) : undefined));
    void browser.notifications.clear(id);
  });
  // Never reset data here: onInstalled fires on every launch of an unpacked extension.
  browser.runtime.onInstalled.addListener(() => void check());
  browser.runtime.onStartup.addListener(() => void check());
});
