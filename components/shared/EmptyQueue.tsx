import { OrderPageLinks } from "@/components/shared/OrderPageLinks";
import { t, type Locale } from "@/lib/i18n";

export interface EmptyQueueProps {
  locale: Locale;
  /** lib/db/orders-ever.ts hasSeenAnyOrder; undefined while it is read (nothing is said yet). */
  seenOrders: boolean | undefined;
}

/**
 * The queue with nothing due: "nothing today" only once PayNudge has seen an order page; before
 * that, what to open so that it can.
 */
export function EmptyQueue({ locale, seenOrders }: EmptyQueueProps) {
  if (seenOrders === undefined) return null;
  if (seenOrders)
    return <p className="status empty">{t(locale, "emptyQueue.nothingDue")}</p>;
  return (
    <div className="status empty first-run">
      <p>{t(locale, "emptyQueue.noOrdersYet")}</p>
      <OrderPageLinks locale={locale} />
    </div>
  );
}
