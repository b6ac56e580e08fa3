import { useLiveQuery } from "dexie-react-hooks";
import { format } from "date-fns";
import { useCallback, useEffect, useLayoutEffect, useState } from "react";
import { DueList } from "@/components/popup/DueList";
import { PageReadingView } from "@/components/popup/PageReadingView";
import { TeachPageView } from "@/components/popup/TeachPageView";
import { openWorkspaceBeside } from "@/lib/browser-tabs/workspace-panel";
import { PauseSwitch } from "@/components/popup/PauseSwitch";
import {
  copyMessage,
  logNudge,
  openOrder,
  openSettings,
  restoreOrder,
  setNotificationsPaused,
  setOrderStatus,
  snooze,
} from "@/components/popup/requests";
import { useHeldRows } from "@/components/popup/use-held-rows";
import { useNow } from "@/components/popup/use-now";
import {
  loadPopupData,
  type PopupData,
  type QueueScope,
} from "@/lib/db/popup-data";
import { TeamScopeSwitch } from "@/components/popup/TeamScopeSwitch";
import {
  FULL_QUEUE,
  showMore,
  type GroupLimits,
  type QueueGroupId,
} from "@/lib/db/queue";
import { hasSeenAnyOrder } from "@/lib/db/orders-ever";
import { getDb } from "@/lib/db/schema";
import { pickLocale, t } from "@/lib/i18n";
import type { StoredOrder } from "@/lib/model/order";

/** The page's tab when the popup runs in a tab of its own (`popup.html?tab=ID`), as tests open it. */
function pageTab(): number | undefined {
  const id = Number(new URLSearchParams(location.search).get("tab"));
  return Number.isInteger(id) && id > 0 ? id : undefined;
}

export function PopupApp({ initial }: { initial?: PopupData }) {
  const locale = pickLocale(navigator.languages);
  // Each tick re-runs the query, so states and countdowns move on while the popup stays open.
  const tick = useNow(30_000);
  // The groups the agent asked to see more of: the live query reads those further from then on.
  const [more, setMore] = useState<GroupLimits>({});
  const [scope, setScope] = useState<QueueScope>("mine");
  const data = useLiveQuery(
    () => loadPopupData(getDb(), { ...FULL_QUEUE, more }, Date.now(), scope),
    [tick, more, scope],
    initial,
  );
  const onShowMore = useCallback(
    (id: QueueGroupId) => setMore((shown) => showMore(shown, id)),
    [],
  );
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
  // Asked only of an empty queue: has PayNudge seen an order page at all, or is nothing due today?
  const empty = complete && data.groups.every((group) => group.count === 0);
  const seenOrders = useLiveQuery(
    async () => (empty ? hasSeenAnyOrder(getDb()) : true),
    [empty],
  );
  const undo = useHeldRows(restoreOrder);
  const agent = data?.agent;
  const markNudged = useCallback(
    // A repeat the background refused (a double click, another tab) says so instead of nothing.
    async (order: StoredOrder) => {
      const reply = await logNudge(order, agent, Date.now());
      return reply.duplicate
        ? t(locale, "popup.alreadyLogged", {
            time: format(reply.duplicate.at, "HH:mm"),
          })
        : "";
    },
    [agent, locale],
  );
  return (
    <main>
      <header>
        <h1>{t(locale, "popup.title")}</h1>
        {/* Ways onward from the quick glance: the report and the settings, each in a tab. */}
        <nav className="popup-links" aria-label={t(locale, "popup.links")}>
          <button
            type="button"
            className="link"
            data-link="workspace"
            onClick={() =>
              void openWorkspaceBeside(pageTab()).then(
                (opened) => {
                  // The workspace stands beside the page now: the glance has done its part.
                  if (opened && pageTab() === undefined) window.close();
                },
                (error: unknown) =>
                  console.error("PayNudge: the workspace did not open", error),
              )
            }
          >
            {t(locale, "popup.workspace")}
          </button>
          <a href="/report.html" target="_blank" data-link="report">
            {t(locale, "popup.report")}
          </a>
          <a href="/options.html" target="_blank" data-link="settings">
            {t(locale, "popup.settings")}
          </a>
        </nav>
        <PauseSwitch
          paused={data?.paused}
          locale={locale}
          onChange={setNotificationsPaused}
        />
      </header>
      <TeachPageView locale={locale} tabId={pageTab()} />
      {data?.team && (
        <TeamScopeSwitch
          scope={scope}
          me={data.team.held.me}
          locale={locale}
          onChange={setScope}
        />
      )}
      <DueList
        groups={data?.groups}
        now={data?.now ?? tick}
        locale={locale}
        firstScreen={!complete}
        onOpen={openOrder}
        onCopy={copyMessage}
        onMarkNudged={markNudged}
        onSetStatus={setOrderStatus}
        onSnooze={snooze}
        onOpenSettings={openSettings}
        onShowMore={onShowMore}
        undo={undo}
        seenOrders={seenOrders ?? null}
        {...(data?.team && { team: data.team })}
      />
      <PageReadingView locale={locale} tabId={pageTab()} />
    </main>
  );
}
