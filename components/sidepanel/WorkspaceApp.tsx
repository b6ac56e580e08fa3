import { useLiveQuery } from "dexie-react-hooks";
import { useCallback, useEffect, useLayoutEffect, useState } from "react";
import { useNow } from "@/components/popup/use-now";
import { OrderPanel } from "@/components/sidepanel/OrderPanel";
import { WorkRow } from "@/components/sidepanel/WorkRow";
import { EmptyQueue } from "@/components/shared/EmptyQueue";
import { hasSeenAnyOrder } from "@/lib/db/orders-ever";
import {
  loadPopupData,
  type PopupData,
  type QueueScope,
} from "@/lib/db/popup-data";
import { TeamScopeSwitch } from "@/components/popup/TeamScopeSwitch";
import { ownerProp } from "@/components/popup/owner-prop";
import type { QueueGroup, QueueRead } from "@/lib/db/queue";
import { getDb } from "@/lib/db/schema";
import {
  passes,
  searchOrders,
  SEARCH_LIMIT,
  type WorkspaceFilter,
} from "@/lib/db/workspace";
import { pickLocale, t, type MessageKey } from "@/lib/i18n";
import { PLATFORM_IDS } from "@/lib/model/order";

/*
 * The workspace, in the browser's side panel beside the order page: the day's queue (overdue, due
 * now, later, no slot, done), a search over every order kept, filters by platform and shop, and the
 * selected order's panel. A badge's click opens it on that order (`?order=` names it), so nothing
 * of the platform's page is covered.
 */

/** Rows of each group the workspace reads: a working day's queue, not a glance. */
const WORKSPACE_QUEUE: QueueRead = { limit: 200, counts: true };

const GROUP_TITLES: Record<QueueGroup["id"], MessageKey> = {
  overdue: "popup.overdue",
  due: "popup.due",
  later: "popup.later",
  noSlot: "popup.noSlot",
  done: "popup.done",
};

function orderInUrl(): string | undefined {
  return new URLSearchParams(location.search).get("order") ?? undefined;
}

export function WorkspaceApp({ initial }: { initial?: PopupData }) {
  const locale = pickLocale(navigator.languages);
  // One clock for the queue's read and its rows: a write elsewhere re-reads the queue at the same
  // moment, so only the rows whose order changed are drawn again (WorkRow is memoized).
  const now = useNow(30_000);
  const [selected, setSelected] = useState(orderInUrl);
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<WorkspaceFilter>({});
  const [scope, setScope] = useState<QueueScope>("mine");
  const data = useLiveQuery(
    () => loadPopupData(getDb(), WORKSPACE_QUEUE, now, scope),
    [now, scope],
    initial,
  );
  const team = data?.team;
  const seenOrders = useLiveQuery(() => hasSeenAnyOrder(getDb()), []);
  const found = useLiveQuery(
    () => searchOrders(getDb(), query, filter),
    [query, filter],
  );
  const loaded = data !== undefined;
  // The first rows are in the document (before paint): npm run bench's end mark.
  useLayoutEffect(() => {
    if (loaded) performance.mark("paynudge:workspace-rows");
  }, [loaded]);
  useEffect(() => {
    document.documentElement.lang = locale === "zh" ? "zh-CN" : "en";
    document.title = t(locale, "workspace.title");
  }, [locale]);
  // The queue's shops, for the filter: those the day's orders name.
  const shops = [
    ...new Set(
      (data?.groups ?? []).flatMap((g) =>
        g.orders.flatMap((o) => (o.shopName ? [o.shopName] : [])),
      ),
    ),
  ].sort();
  const select = useCallback((key: string | undefined) => {
    setSelected(key);
    const url = new URL(location.href);
    if (key) url.searchParams.set("order", key);
    else url.searchParams.delete("order");
    history.replaceState(null, "", url);
  }, []);
  const row = (order: QueueGroup["orders"][number]) => (
    <WorkRow
      key={order.key}
      order={order}
      now={now}
      locale={locale}
      selected={order.key === selected}
      onSelect={select}
      {...ownerProp(order, team, now)}
    />
  );
  const searching = query.trim() !== "";

  return (
    <div className={`workspace${selected ? " has-order" : ""}`}>
      <main className="queue" aria-labelledby="workspace-title">
        {/* The report (what the nudges recovered) opens in a tab of its own, beside the work. */}
        <a
          className="report-link"
          href="/report.html"
          target="_blank"
          data-link="report"
        >
          {t(locale, "popup.report")}
        </a>
        <h1 id="workspace-title">{t(locale, "workspace.title")}</h1>
        {team && (
          <TeamScopeSwitch
            scope={scope}
            me={team.held.me}
            locale={locale}
            onChange={setScope}
          />
        )}
        <div className="filters" role="search">
          <input
            type="search"
            value={query}
            placeholder={t(locale, "workspace.searchHint")}
            aria-label={t(locale, "workspace.search")}
            onChange={(event) => setQuery(event.target.value)}
          />
          <select
            aria-label={t(locale, "workspace.platform")}
            value={filter.platform ?? ""}
            onChange={(event) =>
              setFilter((f) => ({
                ...f,
                platform: event.target.value || undefined,
              }))
            }
          >
            <option value="">{t(locale, "workspace.allPlatforms")}</option>
            {PLATFORM_IDS.map((id) => (
              <option key={id} value={id}>
                {t(locale, `platform.${id}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t(locale, "workspace.shop")}
            value={filter.shop ?? ""}
            onChange={(event) =>
              setFilter((f) => ({
                ...f,
                shop: event.target.value || undefined,
              }))
            }
          >
            <option value="">{t(locale, "workspace.allShops")}</option>
            {shops.map((shop) => (
              <option key={shop} value={shop}>
                {shop}
              </option>
            ))}
          </select>
        </div>
        {searching ? (
          <section className="group" data-group="search" aria-live="polite">
            <h2>
              {t(locale, "workspace.found", { n: found?.length ?? 0 })}
              {found && found.length >= SEARCH_LIMIT
                ? ` ${t(locale, "workspace.foundMore")}`
                : ""}
            </h2>
            <ul>{(found ?? []).map(row)}</ul>
          </section>
        ) : data === undefined ? (
          <p role="status">{t(locale, "popup.loading")}</p>
        ) : (
          data.groups.map((group) => {
            const orders = group.orders.filter((o) => passes(o, filter));
            if (!orders.length) return null;
            const more = group.count > group.orders.length;
            return (
              <section className="group" data-group={group.id} key={group.id}>
                <h2>
                  {t(locale, GROUP_TITLES[group.id])}{" "}
                  <span className="count">
                    {orders.length}
                    {more || group.countIsLowerBound ? "+" : ""}
                  </span>
                </h2>
                <ul>{orders.map(row)}</ul>
              </section>
            );
          })
        )}
        {!searching &&
          data !== undefined &&
          !data.groups.some((g) => g.orders.some((o) => passes(o, filter))) && (
            // Before any order page was seen, what to open; after, that nothing is due.
            <EmptyQueue locale={locale} seenOrders={seenOrders} />
          )}
      </main>
      {selected && (
        <OrderPanel
          key={selected}
          orderKey={selected}
          locale={locale}
          now={now}
          onClose={() => select(undefined)}
        />
      )}
    </div>
  );
}
