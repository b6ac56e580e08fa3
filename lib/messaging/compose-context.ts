import type { Locale } from "@/lib/i18n";
import type { StoredOrder } from "@/lib/model/order";
import type { OwnerView } from "@/lib/model/order-view";
import type { TemplateValues } from "@/lib/templates/render";
import type { MessageTemplate } from "@/lib/templates/shipped";

/**
 * Everything needed to write to one buyer: the order, its filled-in values and the fitting
 * templates. What the badge panel is sent (panelFor), and what the background fills a message from.
 */
export interface ComposeContext {
  order: StoredOrder;
  values: TemplateValues;
  /** Best first for this order's current step, channel and segment. */
  templates: MessageTemplate[];
  /** The buyer's language: Shopify buyers read English. */
  locale: Locale;
  agent?: string;
  step?: string;
  /** A second nudge inside this span after a colleague's is warned about. */
  cooldownMs: number;
  /** Team mode: whose the order is now. */
  owner?: OwnerView;
}
