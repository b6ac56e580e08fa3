import type { DueActions } from "@/components/popup/due-actions";
import { DueItem } from "@/components/popup/DueItem";
import { rowsPerGroup } from "@/components/popup/row-text";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import { FIRST_SCREEN_ROWS, type QueueGroup } from "@/lib/db/queue";

export interface DueListProps extends DueActions {
  /** `undefined` while loading. */
  groups: readonly QueueGroup[] | undefined;
  now: number;
  locale: Locale;
  /**
   * Only the first screen's rows are known yet (the popup's first paint): show at most
   * FIRST_SCREEN_ROWS across the groups, and no "more" lines until the whole queue is in.
   */
  firstScreen?: boolean;
}

const GROUP_TITLES: Record<QueueGroup["id"], MessageKey> = {
  overdue: "popup.overdue",
  due: "popup.due",
  later: "popup.later",
  done: "popup.done",
};

/** The day's queue in groups, soonest first. Renders from props only. */
export function DueList({
  groups,
  now,
  locale,
  firstScreen = false,
  ...actions
}: DueListProps) {
  if (groups === undefined)
    return (
      <p className="status" role="status">
        {t(locale, "popup.loading")}
      </p>
    );
  const shown = groups.filter((g) => g.count > 0);
  const budget = rowsPerGroup(
    shown,
    firstScreen ? FIRST_SCREEN_ROWS : Infinity,
  );
  if (!shown.length)
    return <p className="status empty">{t(locale, "popup.empty")}</p>;
  return (
    <>
      {shown.map((group, g) => (
        <section className="group" data-group={group.id} key={group.id}>
          <h2>
            {t(locale, GROUP_TITLES[group.id])}{" "}
            <span className="count">
              {group.count}
              {group.countIsLowerBound ? "+" : ""}
            </span>
          </h2>
          <ul>
            {group.orders.slice(0, budget[g]).map((order) => (
              <DueItem
                key={order.key}
                order={order}
                now={now}
                locale={locale}
                {...actions}
              />
            ))}
          </ul>
          {!firstScreen && group.count > group.orders.length && (
            <p className="more">
              {t(locale, "popup.more", {
                n: group.count - group.orders.length,
              })}
            </p>
          )}
        </section>
      ))}
    </>
  );
}
