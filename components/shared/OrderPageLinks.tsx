import { t, type Locale } from "@/lib/i18n";
import { PLATFORM_IDS } from "@/lib/model/order";
import { PLATFORMS } from "@/lib/model/platforms";

/**
 * The platforms with an order list of their own, each linked to it (the one table,
 * lib/model/platforms.ts): the welcome page and the empty queue say what to open.
 */
export function OrderPageLinks({ locale }: { locale: Locale }) {
  return (
    <ul className="order-pages">
      {PLATFORM_IDS.map((id) => {
        const platform = PLATFORMS[id];
        const orderPage = "orderPage" in platform ? platform.orderPage : "";
        if (!orderPage) return null;
        return (
          <li key={id}>
            <a href={orderPage} target="_blank" rel="noreferrer">
              {t(locale, platform.label)}
            </a>{" "}
            <span className="host">{new URL(orderPage).host}</span>
          </li>
        );
      })}
    </ul>
  );
}
