import { memo, useEffect, useRef } from "react";
import { stepText, whenText } from "@/components/popup/row-text";
import { t, type Locale } from "@/lib/i18n";
import { nudgeState } from "@/lib/model/nudge-state";
import { formatAmount, itemSummary, type StoredOrder } from "@/lib/model/order";
import { ownerText, type OwnerView } from "@/lib/model/order-view";

/**
 * One order of the workspace's queue or search: buyer, amount and item first, then its platform,
 * step and when it is due. The whole row selects the order (its panel opens beside the list).
 */
function Row({
  order,
  now,
  locale,
  selected,
  onSelect,
  owner,
}: {
  order: StoredOrder;
  now: number;
  locale: Locale;
  selected: boolean;
  onSelect(key: string): void;
  /** Whose the order is (team mode). */
  owner?: OwnerView;
}) {
  const state = nudgeState(order, now);
  const step = stepText(order, locale);
  const ref = useRef<HTMLLIElement>(null);
  // The order a badge's click opened may sit far down the day's queue: its row comes into view.
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: "nearest" });
  }, [selected]);
  return (
    <li
      ref={ref}
      className={`work-row ${state}`}
      data-order={order.orderId}
      data-state={state}
      data-owner={owner?.name}
    >
      <button
        type="button"
        aria-current={selected ? "true" : undefined}
        onClick={() => onSelect(order.key)}
      >
        <span className="line1">
          <strong className="buyer">
            {order.buyer ?? t(locale, "unknown.buyer")}
          </strong>
          <span className="amount">
            {formatAmount(order.amountCents, order.currency) ?? ""}
          </span>
        </span>
        <span className="line2 item">
          {itemSummary(order.items, locale) ?? t(locale, "unknown.item")}
        </span>
        <span className="line3">
          <span className="platform">
            {t(locale, `platform.${order.platform}`)}
            {order.shopName ? ` · ${order.shopName}` : ""}
            {step ? ` · ${step}` : ""}
          </span>
          {owner && (
            <span className={owner.mine ? "owner mine" : "owner"}>
              {ownerText(owner, locale)}
            </span>
          )}
          <span className="due">{whenText(order, now, locale)}</span>
        </span>
      </button>
    </li>
  );
}

/**
 * Every read of the queue gives fresh order objects: a row is drawn again only when its order's
 * stored fields, the clock or its selection changed, so an order leaving the queue re-renders one
 * row, not the day's hundreds (npm run bench: that re-render fits in a frame).
 */
export const WorkRow = memo(
  Row,
  (before, after) =>
    before.now === after.now &&
    before.locale === after.locale &&
    before.selected === after.selected &&
    before.onSelect === after.onSelect &&
    JSON.stringify(before.owner) === JSON.stringify(after.owner) &&
    (before.order === after.order ||
      JSON.stringify(before.order) === JSON.stringify(after.order)),
);
