import type { Locale } from "@/lib/i18n";
import { toBackground } from "@/lib/messaging/messengers";
import type { PageUi } from "@/lib/page/ui-port";
import { BADGE_TAG, createOrderBadge } from "@/components/page/order-badge";
import { createTeachOverlay, TEACH_TAG } from "@/components/page/teach-overlay";

const OWN_TAGS = new Set([BADGE_TAG, TEACH_TAG]);

/** The order script's UI on `doc`: PayNudge's badges, each with its nudge panel, in `locale`. */
export function createPageUi(doc: Document, locale: Locale): PageUi {
  return {
    createBadge: (orderId, onActivate) =>
      createOrderBadge(doc, orderId, locale, onActivate, () => {
        toBackground
          .sendMessage("openSettings", undefined)
          .catch((error: unknown) =>
            console.error("PayNudge: could not open the settings", error),
          );
      }),
    createTeachOverlay: (actions) => createTeachOverlay(doc, locale, actions),
    isOwn: (node) => OWN_TAGS.has(node.nodeName.toLowerCase()),
  };
}
