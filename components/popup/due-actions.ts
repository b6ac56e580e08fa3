import type { SnoozeChoice } from "@/lib/engine/snooze";
import type { StoredOrder } from "@/lib/model/order";

/** What the agent may mark an order as from the popup (the page may not show it yet). */
export type ManualStatus = NonNullable<StoredOrder["manualStatus"]>;

/**
 * What the agent can do with a row. Each returns a promise that settles when the background has
 * done it; the list itself re-renders from new props (the popup's live query), so the callbacks
 * only report success or failure. A row shows only the actions it is given.
 */
export interface DueActions {
  onOpen(order: StoredOrder): void;
  /** Copies the filled-in message; resolves with the variables it could not fill (names). */
  onCopy?(order: StoredOrder): Promise<{ missing: string[] }>;
  onMarkNudged?(order: StoredOrder): Promise<string>;
  onSetStatus?(order: StoredOrder, status: ManualStatus): Promise<void>;
  onSnooze?(order: StoredOrder, choice: SnoozeChoice): Promise<void>;
  /** Opens the options page, offered when a copied message had a value missing. */
  onOpenSettings?(): void;
}
