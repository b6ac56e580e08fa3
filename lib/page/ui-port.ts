import type { Locale } from "@/lib/i18n";
import type { NudgeEntry } from "@/lib/model/nudge-log";
import type { StoredOrder } from "@/lib/model/order";
import type { ColleagueWarning } from "@/lib/templates/notes";
import type {
  OutcomeId,
  PayWhenText,
  ReasonId,
} from "@/lib/templates/outcomes";
import type { TemplateValues } from "@/lib/templates/render";
import type { MessageTemplate } from "@/lib/templates/shipped";
import type { OrderView, OwnerView } from "@/lib/model/order-view";
import type { ChatInsert } from "@/lib/messaging/workspace-requests";
import type { TeachRefusal, TeachStep } from "@/lib/model/teaching";

/*
 * What the order script's logic needs of its UI, and nothing more: a badge per order row, the
 * nudge panel under a badge, and the clipboard. The page logic is handed a PageUi
 * (components/page/page-ui.ts makes the real one) instead of importing the components, so it can
 * be read, and tested, as logic.
 */

/**
 * What the agent did, as the panel hands it over for the nudge log: channel, step, template,
 * agent, time, the buyer's answer in the panel's known terms, and the note written for it.
 */
export type NudgeLogEntry = NudgeEntry & {
  outcome?: OutcomeId;
  reason?: ReasonId;
  when?: PayWhenText;
  /** The standard note written for this nudge. */
  note: string;
  /** The agent says this is another nudge of a step just logged (再记一次), not a repeat. */
  again?: true;
};

/**
 * What became of a logged nudge: the order's count now, and `duplicateAt` when nothing was logged
 * because the same step was logged then (a double click, another tab).
 */
interface LogAnswer {
  nudgeCount: number;
  duplicateAt?: number;
}

/** What the nudge panel of one order shows, and what its controls do. */
export interface PanelModel {
  /** A StoredOrder does; so does a badge's OrderView plus the buyer read off the row. */
  order: Pick<StoredOrder, "orderId" | "nudgeCount"> & { buyer?: string };
  /** Best first, as templatesFor() orders them; the first is preselected. */
  templates: readonly MessageTemplate[];
  values: TemplateValues;
  /** The buyer's language, which the panel speaks. */
  locale: Locale;
  /** This agent's nickname, for the note. */
  agent?: string;
  /** The plan step this nudge carries out (e.g. 'first'); defaults to the template's scenario. */
  step?: string;
  /** The latest standard note found in the row's memo, from colleagueWarning(). */
  warning?: ColleagueWarning;
  /** A chat box is open on the page; without it the insert button explains why it is off. */
  canInsertMessage?: boolean;
  /** The memo field is open on the page. */
  canInsertNote?: boolean;
  /** Resolve false when copying failed. `cause` is the agent's (trusted) click, for the clipboard. */
  onCopy(text: string, templateId: string, cause: Event): unknown;
  /**
   * Inserts into the page's chat box once the open chat's buyer is checked against the order's
   * (`ChatInsert` says how it went); false when inserting failed. Without it there is no insert button.
   */
  onInsert?(
    text: string,
    templateId: string,
  ): ChatInsert | boolean | Promise<ChatInsert | boolean>;
  /** Rejects when the nudge could not be logged. */
  onLog(entry: NudgeLogEntry): Promise<LogAnswer>;
  onCopyNote(note: string, cause: Event): unknown;
  onInsertNote?(note: string): unknown;
  onClose?(): void;
  /** Team mode: whose the order is; a colleague's holds every action until the agent takes it over. */
  owner?: OwnerView;
  /** Takes the order over (接手); resolves to whose it is then. */
  onTakeOver?(): Promise<OwnerView | undefined>;
}

/** The badge on one order row. */
export interface BadgeUi {
  /**
   * The element the page logic puts into the row. It carries the stable test hooks
   * (data-paynudge-order, -state, -due) and nothing else the page could read.
   */
  readonly host: Element;
  /** Shows what the background knows of the order. */
  update(view: OrderView, now: number): void;
  /** Shows the order again at `now` (countdowns, a state reached by time alone). */
  refresh(now: number): void;
  /** The latest standard note in the row's memo (maybe a colleague's): shown when it is the newest reminder. */
  setMemoNote(
    note: { agent: string; at: number } | undefined,
    now: number,
  ): void;
  /**
   * Says for a moment whether the message was copied; when it still had values it could not fill
   * (`missing`, variable names), warns naming them and offers the settings instead.
   */
  copied(ok: boolean, missing?: readonly string[]): void;
  /**
   * Copies `text` on the agent's click (`cause`, refused unless trusted), keeping any scratch
   * field of the copy inside the badge, out of the page's reach.
   */
  copy(text: string, cause: Event): Promise<boolean>;
  /** Opens the nudge panel under the badge, or refreshes it when it is open. */
  openPanel(model: PanelModel): void;
  closePanel(): void;
  readonly panelOpen: boolean;
  /** Takes the badge (and its panel) out of the page. */
  remove(): void;
}

/** What the page's teaching bar says: the click asked for next, or why the last one taught nothing. */
export interface TeachView {
  step: TeachStep;
  refusal?: TeachRefusal;
  /** Once a reader is derived: the rows it finds, the orders read, those waiting for payment. */
  found?: { rows: number; orders: number; unpaid: number };
}

/** What the teaching bar's own buttons do (each on the agent's trusted click only). */
export interface TeachActions {
  /** Leaves the time out (the page shows none). */
  skip(): void;
  restart(): void;
  cancel(): void;
}

/** The bar and outlines shown while the seller teaches a page (lib/page/teach-mode.ts). */
export interface TeachOverlay {
  show(view: TeachView): void;
  /** Outlines the rows a reader would read; `picked` (the row and fields clicked) stand out. */
  mark(rows: readonly Element[], picked: readonly Element[]): void;
  /** Outlines what a click would pick now, or nothing. */
  hover(el: Element | null): void;
  remove(): void;
}

export interface PageUi {
  /**
   * A badge for one order, not yet in the page. `onActivate` gets the agent's own (trusted)
   * click on it, the proof a clipboard write needs.
   */
  createBadge(
    orderId: string,
    onActivate: (cause: MouseEvent) => void,
  ): BadgeUi;
  /** The teaching bar, in the page until removed. */
  createTeachOverlay(actions: TeachActions): TeachOverlay;
  /** True for a node of PayNudge's own UI: adding or removing one is no change of the page. */
  isOwn(node: Node): boolean;
}
