import Dexie, { type EntityTable } from "dexie";
import { buyerNudgesMiddleware } from "@/lib/db/buyer-nudges";
import { dueIndexMiddleware, withDueIndex } from "@/lib/db/due-index";
import { DB_NAME } from "@/lib/db/name";
import type { DigestDay } from "@/lib/db/report-digest/days";
import {
  DIRTY_TABLE,
  EVERY_LINE,
  reportDirtyMiddleware,
  type MarkRow,
} from "@/lib/db/report-digest/dirty";
import type { MessageTemplate } from "@/lib/templates/shipped";
import type { NudgeLog } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";

export { DB_NAME };

/**
 * The ledger of due moments shown: one row per order and due moment, written once its notification
 * (its own, or a summary listing it) was created. `times` counts those creations, so a due moment
 * shown twice would show here.
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

/** One due moment a notification shows. */
export interface NoticeMoment {
  orderKey: string;
  dueAt: number;
  /** Worded as overdue (AlertRow.late). */
  late: boolean;
}

/**
 * A desktop notification PayNudge raises and what it holds (chrome.notifications tells only which
 * ids are on screen). Written just before `notifications.create`, marked `created` once the
 * creation is in the alert ledger: a run cut short in between leaves it uncreated, and the next
 * run reads the screen to learn whether the creation happened. Kept while on screen, so a click
 * on a summary finds its orders.
 */
export interface NoticeRow {
  /** `paynudge:order:<key>@<dueAt>` or `paynudge:summary:<at>`: never reused for other content. */
  id: string;
  /** The run that raised it (epoch ms): the newer of two notices of one order, or two summaries. */
  at: number;
  grouped: boolean;
  moments: NoticeMoment[];
  created: boolean;
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
  /** The seller's templates and their edits of shipped ones (lib/db/templates.ts). */
  templates!: EntityTable<MessageTemplate, "id">;
  /** Notifications on screen (or about to be) and what each holds (lib/background/notices.ts). */
  notices!: EntityTable<NoticeRow, "id">;
  /**
   * The report's lines (lib/db/report-digest/): kept from orders and nudges, never backed up. The
   * lines by the day they are filed under, and the order keys whose line is out of date.
   */
  reportDays!: EntityTable<DigestDay, "day">;
  reportDirty!: EntityTable<MarkRow, "id">;

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
    // Notification ids name their due moment (or their run, for a summary) and a record says what
    // each holds: a retry can no longer take an older notification still on screen for a new one.
    this.version(3).stores({ notices: "id" });
    // The due check at 双11 scale reads index keys, not the day's backlog of notified rows
    // (lib/db/due-index.ts keeps both fields on every write from now on; this fills the old rows).
    this.version(4)
      .stores({
        orders:
          "key, platform, orderId, status, nextDueAt, replanAt, createdAt, lastSeenAt, buyer, lastNudgeAt, openDueAt, pendingDueAt",
      })
      .upgrade((tx) =>
        tx
          .table<StoredOrder, string>("orders")
          .toCollection()
          .modify((order, ref) => {
            ref.value = withDueIndex(order);
          }),
      );
    // Indexes no read uses (platform, orderId, createdAt) cost every order write: a 1 000-order
    // page writes its rows about a fifth faster without them. The open orders no nudge fits before
    // their close are listed by the popup, soonest close first, through noSlotUntil (due-index.ts;
    // this fills it on the rows that need it).
    this.version(5)
      .stores({
        orders:
          "key, status, nextDueAt, replanAt, lastSeenAt, buyer, lastNudgeAt, openDueAt, pendingDueAt, noSlotUntil",
      })
      .upgrade((tx) =>
        tx
          .table<StoredOrder, string>("orders")
          .filter((order) => order.noSlotCause !== undefined)
          .modify((order, ref) => {
            ref.value = withDueIndex(order);
          }),
      );
    // The report (issue 16) counts the orders first seen unpaid in a range from index keys alone
    // and reads only the orders seen paid since its start, not every order kept. An order unpaid
    // now was unpaid whenever it was seen, so its first sight (firstSeenAt) is its first unpaid
    // one: filled in here, which also spares the first reload after the update from rewriting
    // every open order to add it (lib/db/orders-seen.ts). Orders seen paid before keep no
    // payment moment: when they were paid is unknown.
    this.version(6)
      .stores({
        orders:
          "key, status, nextDueAt, replanAt, lastSeenAt, buyer, lastNudgeAt, openDueAt, pendingDueAt, noSlotUntil, unpaidSeenAt, paidSeenAt",
      })
      .upgrade((tx) =>
        tx
          .table<StoredOrder, string>("orders")
          .where("status")
          .equals("unpaid")
          .modify((order) => {
            order.unpaidSeenAt ??= order.firstSeenAt;
          }),
      );
    // The report over a month of a big shop reads its lines, a day in one row, rather than 200 000
    // orders (issue 16): every line is built once from the rows kept so far.
    this.version(7)
      .stores({ reportDays: "day", [DIRTY_TABLE]: "++id" })
      .upgrade((tx) => tx.table(DIRTY_TABLE).add({ keys: [EVERY_LINE] }));
    this.use(dueIndexMiddleware);
    this.use(reportDirtyMiddleware(this));
    this.use(buyerNudgesMiddleware(this));
  }
}

let shared: PayNudgeDB | undefined;

/** The extension origin's database, shared by background, popup and options. */
export function getDb(): PayNudgeDB {
  shared ??= new PayNudgeDB();
  return shared;
}
