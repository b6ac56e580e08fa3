import Dexie, { type EntityTable } from "dexie";
import { DB_NAME } from "./db-name";
import type { MessageTemplate } from "./default-templates";
import type { NudgeChannel } from "./engine/types";
import type { StoredOrder } from "./order";

export type { NudgeChannel };
export { DB_NAME };

/** One nudge an agent made, the shared record that stops a second agent repeating it. */
export interface NudgeLog {
  id?: number;
  orderKey: string;
  at: number;
  channel: NudgeChannel;
  step?: string;
  templateId?: string;
  agent?: string;
  outcome?: string;
  reason?: string;
  /** When the buyer said they would pay (an outcome detail). */
  when?: string;
  note?: string;
}

/**
 * One desktop notification PayNudge raised for an order's due moment. `times` counts creations
 * (written just before each one), so a due moment notified twice would show here.
 */
export interface AlertRow {
  /** `${orderKey}@${dueAt}` */
  id: string;
  orderKey: string;
  dueAt: number;
  shownAt: number;
  times: number;
  /** Shown later than its due moment (the browser was closed): worded as overdue. */
  late: boolean;
  /** Shown inside the one summary notification rather than on its own. */
  grouped: boolean;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * The one schema. Shipped versions are history: add a new `version(n)` with its own upgrader
 * rather than editing an old one.
 */
export class PayNudgeDB extends Dexie {
  orders!: EntityTable<StoredOrder, "key">;
  nudges!: EntityTable<NudgeLog, "id">;
  settings!: EntityTable<SettingRow, "key">;
  alerts!: EntityTable<AlertRow, "id">;
  /** The seller's templates and their edits of shipped ones (lib/templates-store.ts). */
  templates!: EntityTable<MessageTemplate, "id">;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      orders:
        "key, platform, orderId, status, nextDueAt, replanAt, createdAt, lastSeenAt, buyer",
      nudges: "++id, orderKey, at",
      settings: "key",
      alerts: "id, orderKey, shownAt",
      templates: "id, scenario",
    });
    // The popup's "done today": orders by their last nudge, read through an index instead of
    // scanning the day's nudge log. Dexie builds the index from the rows already stored.
    this.version(2).stores({
      orders:
        "key, platform, orderId, status, nextDueAt, replanAt, createdAt, lastSeenAt, buyer, lastNudgeAt",
    });
  }
}

let shared: PayNudgeDB | undefined;

/** The extension origin's database, shared by background, popup and options. */
export function getDb(): PayNudgeDB {
  shared ??= new PayNudgeDB();
  return shared;
}
