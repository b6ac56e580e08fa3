import type { DueActions, ManualStatus } from "@/components/popup/due-actions";
import { DueItem } from "@/components/popup/DueItem";
import { withHeldRows } from "@/components/popup/held-rows";
import { EmptyQueue } from "@/components/shared/EmptyQueue";
import { rowsPerGroup } from "@/components/popup/row-text";
import type { UndoControl } from "@/components/popup/use-held-rows";
import type { SnoozeChoice } from "@/lib/engine/snooze";
import { t, type Locale, type MessageKey } from "@/lib/i18n";
import type { StoredOrder } from "@/lib/model/order";
import type { PopupData } from "@/lib/db/popup-data";
import { ownerProp } from "@/components/popup/owner-prop";
import {
  FIRST_SCREEN_ROWS,
  type QueueGroup,
  type QueueGroupId,
} from "@/lib/db/queue";

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
  /**
   * Reads more of a group than the popup read at first (its "show more" button, offered once
   * the whole queue is in); the list re-renders from the new props.
   */
  onShowMore?(id: QueueGroupId): void;
  /**
   * Rows just marked paid or closed, or snoozed, stay in place offering undo (use-held-rows.ts);
   * without it the actions take effect with no undo.
   */
  undo?: UndoControl;
  /**
   * Whether PayNudge has seen an order page yet (lib/db/orders-ever.ts): an empty queue says what
   * to open until it has. `null` while it is read (the empty queue says nothing yet); left out: it
   * has (the queue is simply empty today).
   */
  seenOrders?: boolean | null;
  /**
   * The team held (team mode): over the whole team's queue each row says whose its order is; over
   * the agent's own, only those passed to them (接手).
   */
  team?: PopupData["team"];
}

const GROUP_TITLES: Record<QueueGroup["id"], MessageKey> = {
  overdue: "popup.overdue",
  due: "popup.due",
  later: "popup.later",
  noSlot: "popup.noSlot",
  done: "popup.done",
};

/** The day's queue in groups, soonest first. Renders from props only. */
export function DueList({
  groups,
  now,
  locale,
  firstScreen = false,
  onShowMore,
  undo,
  seenOrders = true,
  team,
  ...actions
}: DueListProps) {
  if (groups === undefined)
    return (
      <p className="status" role="status">
        {t(locale, "popup.loading")}
      </p>
    );
  const shown = (undo ? withHeldRows(groups, undo.held) : groups).filter(
    (g) => g.count > 0,
  );
  const budget = rowsPerGroup(
    shown,
    firstScreen ? FIRST_SCREEN_ROWS : Infinity,
  );
  if (!shown.length)
    return <EmptyQueue locale={locale} seenOrders={seenOrders ?? undefined} />;
  // No nudge is planned for a no-slot order: its rows offer no message to copy and no nudge to log
  // (one would go past the buyer cap or into quiet hours), only its page and paid / closed.
  const { onCopy, onMarkNudged, onSetStatus, onSnooze, ...rest } = actions;
  /** The row's paid/closed and snooze, held in place with an undo when the list has one. */
  const undoable = (
    order: StoredOrder,
    group: QueueGroupId,
    index: number,
  ): Pick<DueActions, "onSetStatus" | "onSnooze"> => {
    const setStatus = onSetStatus;
    const snooze = onSnooze;
    if (!undo) return { onSetStatus, onSnooze };
    const at = { order, group, index };
    return {
      ...(setStatus && {
        onSetStatus: (o: StoredOrder, status: ManualStatus) =>
          undo.run({ ...at, action: status }, () => setStatus(o, status)),
      }),
      ...(snooze && {
        onSnooze: (o: StoredOrder, choice: SnoozeChoice) =>
          undo.run({ ...at, action: "snooze" }, () => snooze(o, choice)),
      }),
    };
  };
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
            {group.orders.slice(0, budget[g]).map((order, index) => {
              const held = undo?.held.get(order.key);
              const owned = ownerProp(order, team, now);
              // A colleague's order (team mode): nothing to send the buyer from here.
              const theirs = owned.owner?.mine === false;
              return (
                <DueItem
                  key={order.key}
                  order={order}
                  now={now}
                  locale={locale}
                  {...rest}
                  {...undoable(order, group.id, index)}
                  {...(held && { held, onUndo: () => undo?.undo(order.key) })}
                  {...owned}
                  {...(group.id === "noSlot"
                    ? { noSlot: true }
                    : theirs
                      ? {}
                      : { onCopy, onMarkNudged })}
                />
              );
            })}
          </ul>
          {!firstScreen && group.count > group.orders.length && (
            <div className="more actions">
              {/* A count that stopped at its cap ("99+") says how many at least, never a guess. */}
              <span>
                {group.countIsLowerBound
                  ? t(locale, "popup.moreThan", {
                      n: group.count - group.orders.length,
                    })
                  : t(locale, "popup.more", {
                      n: group.count - group.orders.length,
                    })}
              </span>
              {onShowMore && (
                <button
                  type="button"
                  data-action="show-more"
                  onClick={() => onShowMore(group.id)}
                >
                  {t(locale, "popup.showMore")}
                </button>
              )}
            </div>
          )}
        </section>
      ))}
    </>
  );
}
