import { useLiveQuery } from "dexie-react-hooks";
import {
  StrictMode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useState,
} from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { copyText } from "@/components/shared/clipboard";
import { DueList, type ManualStatus } from "@/components/popup/DueList";
import { PauseSwitch } from "@/components/popup/PauseSwitch";
import { toBackgroundAdmin } from "@/lib/messaging/admin";
import { getDb } from "@/lib/db/schema";
import type { SnoozeChoice } from "@/lib/engine/snooze";
import { pickLocale, t } from "@/lib/i18n";
import { toBackground } from "@/lib/messaging/messengers";
import { openOrderPage } from "@/lib/background/open-order";
import { loadPopupData, type PopupData } from "@/lib/db/popup-data";
import type { StoredOrder } from "@/lib/model/order";

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
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

export function App({ initial }: { initial?: PopupData }) {
  const locale = pickLocale(navigator.languages);
  // Each tick re-runs the query, so states and countdowns move on while the popup stays open.
  const tick = useNow(30_000);
  const data = useLiveQuery(() => loadPopupData(getDb()), [tick], initial);
  // Until the live query first answers, only the first screen's rows (read before React loaded)
  // are known.
  const complete = data !== undefined && data !== initial;
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
  }, [locale]);
  const loaded = data !== undefined;
  // Read by the popup benchmark (npm run bench): the moment the list first shows real data (its
  // rows are in the document, before the browser paints them), and the moment the whole queue is in.
  useLayoutEffect(() => {
    if (loaded) performance.mark("paynudge:popup-list-ready");
  }, [loaded]);
  useEffect(() => {
    if (complete) performance.mark("paynudge:popup-queue-complete");
  }, [complete]);
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
        firstScreen={!complete}
        onOpen={(order) => void openOrderPage(order.pageUrl)}
        onCopy={copyMessage}
        onMarkNudged={markNudged}
        onSetStatus={setStatus}
        onSnooze={snooze}
      />
    </main>
  );
}

export function mountPopup(root: HTMLElement, initial?: PopupData): void {
  const view = createRoot(root);
  // The first screen's rows are already read: render them now rather than in a later task.
  flushSync(() =>
    view.render(
      <StrictMode>
        <App initial={initial} />
      </StrictMode>,
    ),
  );
}
