import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useEffect, useState } from "react";
import { copyText } from "../../components/clipboard";
import { DueList, type ManualStatus } from "../../components/DueList";
import { PauseSwitch } from "../../components/popup/PauseSwitch";
import { toBackgroundAdmin } from "../../lib/admin-messages";
import { getDb } from "../../lib/db";
import type { SnoozeChoice } from "../../lib/engine/snooze";
import { pickLocale, t } from "../../lib/i18n";
import { toBackground } from "../../lib/messaging";
import { openOrderPage } from "../../lib/open-order";
import type { StoredOrder } from "../../lib/order";
import { todayQueue } from "../../lib/queue";
import { getSetting, loadEngineSettings } from "../../lib/settings";

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * Everything the popup shows, in one live query: the queue and the few settings it needs, read
 * once. The clock is read when the query runs, so a change the agent just made (a nudge logged a
 * moment ago) is judged against the time it happened, not the last tick.
 */
async function loadPopup() {
  const db = getDb();
  const now = Date.now();
  const [groups, engine, paused, agent] = await Promise.all([
    todayQueue(db, now),
    loadEngineSettings(db),
    getSetting(db, "notificationsPaused"),
    getSetting(db, "agentName"),
  ]);
  return { now, groups, closeAfterMs: engine.closeAfterMs, paused, agent };
}

// Every write goes through the background; the live query re-renders the list when it lands.
async function copyMessage(order: StoredOrder): Promise<{ missing: number }> {
  const { text, missing } = await toBackground.sendMessage("messageFor", {
    key: order.key,
  });
  if (!(await copyText(text)))
    throw new Error("PayNudge: the clipboard refused the message");
  return { missing: missing.length };
}

async function setStatus(
  order: StoredOrder,
  status: ManualStatus,
): Promise<void> {
  await toBackgroundAdmin.sendMessage("setOrderStatus", {
    key: order.key,
    status,
  });
}

async function snooze(order: StoredOrder, choice: SnoozeChoice): Promise<void> {
  await toBackground.sendMessage("snooze", { key: order.key, for: choice });
}

export function App() {
  const locale = pickLocale(navigator.languages);
  // Each tick re-runs the query, so states and countdowns move on while the popup stays open.
  const tick = useNow(30_000);
  const data = useLiveQuery(() => loadPopup(), [tick]);
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
  }, [locale]);
  const loaded = data !== undefined;
  useEffect(() => {
    // Read by the popup benchmark (npm run bench): the moment the list first shows real data.
    if (loaded) performance.mark("paynudge:popup-list-ready");
  }, [loaded]);
  const agent = data?.agent;
  const markNudged = useCallback(
    async (order: StoredOrder) => {
      await toBackground.sendMessage("logNudge", {
        key: order.key,
        channel: order.nextChannel ?? "chat",
        ...(order.nextStep !== undefined && { step: order.nextStep }),
        ...(agent && { agent }),
        at: Date.now(),
      });
    },
    [agent],
  );
  const setPaused = useCallback((paused: boolean) => {
    toBackgroundAdmin
      .sendMessage("setNotificationsPaused", { paused })
      .catch((error: unknown) => console.error("PayNudge pause", error));
  }, []);
  return (
    <main>
      <header>
        <h1>{t(locale, "popup.title")}</h1>
        <PauseSwitch
          paused={data?.paused}
          locale={locale}
          onChange={setPaused}
        />
      </header>
      <DueList
        groups={data?.groups}
        now={data?.now ?? tick}
        locale={locale}
        closeAfterMs={data?.closeAfterMs}
        onOpen={(order) => void openOrderPage(order.pageUrl)}
        onCopy={copyMessage}
        onMarkNudged={markNudged}
        onSetStatus={setStatus}
        onSnooze={snooze}
      />
    </main>
  );
}
