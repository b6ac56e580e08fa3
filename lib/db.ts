import Dexie, { type EntityTable } from 'dexie';
import type { StoredOrder } from './order';

export type NudgeChannel = 'chat' | 'sms' | 'phone' | 'button';

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
  note?: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'paynudge';

/**
 * The one schema. Shipped versions are history: add a new `version(n)` with its own upgrader
 * rather than editing an old one.
 */
export class PayNudgeDB extends Dexie {
  orders!: EntityTable<StoredOrder, 'key'>;
  nudges!: EntityTable<NudgeLog, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      orders: 'key, platform, orderId, status, nextDueAt, createdAt, lastSeenAt, buyer',
      nudges: '++id, orderKey, at',
      settings: 'key',
    });
  }
}

let shared: PayNudgeDB | undefined;

/** The extension origin's database, shared by background, popup and options. */
export function getDb(): PayNudgeDB {
  shared ??= new PayNudgeDB();
  return shared;
}
