import type { ComposeContext } from "@/lib/messaging/compose-context";
import type {
  ImportChunkRequest,
  ImportCommitted,
  ImportManifest,
  ImportReply,
  ImportSessionRequest,
} from "@/lib/messaging/import-requests";
import type {
  LogNudgeReply,
  LogNudgeRequest,
  MessageReply,
  MessageRequest,
  OrdersSeen,
  RestoreOrderRequest,
  SetOrderStatusRequest,
  SnoozeRequest,
  StepDoneRequest,
  ViewsForRequest,
} from "@/lib/messaging/order-requests";
import type {
  EndAbTestRequest,
  EngineSettingsPatch,
  GeneralSettings,
  NotificationsPausedRequest,
  PlatformEnabledRequest,
  RetentionRequest,
  SitePatternRequest,
  StartAbTestRequest,
  TaughtPageRequest,
  TemplateIdRequest,
  WipeRequest,
} from "@/lib/messaging/settings-requests";
import type {
  TeamMeRequest,
  TeamRemoved,
  TeamRosterReply,
  TeamRosterRequest,
} from "@/lib/messaging/team-requests";
import type { AbTest } from "@/lib/model/ab-test";
import type { OrderView } from "@/lib/model/order-view";
import type { PlatformId } from "@/lib/model/order";
import type { TaughtReader } from "@/lib/model/taught-reader";
import type { MessageTemplate } from "@/lib/templates/shipped";
import type {
  ChatInsert,
  OpenEditors,
  WorkspaceInsert,
} from "@/lib/messaging/workspace-requests";
import type {
  RevealAnswer,
  RevealOrder,
} from "@/lib/messaging/reveal-requests";
import type {
  TeamLogImportReply,
  TeamLogImportRequest,
} from "@/lib/messaging/team-log-requests";

/**
 * Every request the background answers, from the order script and from the extension's own pages
 * alike: one map, one messenger (messengers.ts). The background owns every database write, so the
 * others ask it; each request is checked on arrival (lib/schemas/requests.ts) and names the senders
 * it accepts (lib/background/routes.ts, which does not compile without a route for each).
 */
export interface BackgroundRequests {
  /* Orders a page shows, and what its badges and panels need. */
  ordersSeen(data: OrdersSeen): OrderView[];
  /** Read only: what the background knows of these orders now (absent: it knows none of them). */
  viewsFor(data: ViewsForRequest): OrderView[];
  /** Platforms the seller switched off in the options page (false); absent means on. */
  enabledPlatforms(): Partial<Record<PlatformId, boolean>>;
  /** Where a badge's click shows the order's panel: the workspace (side panel) or the page. */
  panelPlace(): "workspace" | "page";
  /** The readers the seller taught on the asking page's site (lib/model/taught-reader.ts). */
  taughtReaders(): TaughtReader[];
  /** What the badge panel shows: the order, filled-in values and the templates that fit, best first. */
  panelFor(data: MessageRequest): ComposeContext;
  messageFor(data: MessageRequest): MessageReply;
  /**
   * Opens the options page (a copied message had a value missing): a web page cannot open the
   * extension's own pages, so the order script asks.
   */
  openSettings(): void;
  /**
   * Opens the workspace (the side panel) on an order: a badge's click. Rejects where the browser
   * has no side panel; the badge then opens its panel in the page.
   */
  openWorkspace(data: MessageRequest): void;
  /**
   * 打开订单页 from the popup or the workspace: the background goes to the order's tab (a popup
   * closes as soon as another tab comes to the front, so it cannot finish the job itself), scrolls
   * to its row and highlights it, or opens the page where it was last seen.
   */
  openOrder(data: MessageRequest): void;

  /* What the agent did about an order (on its page, or from the popup). */
  logNudge(data: LogNudgeRequest): LogNudgeReply;
  snooze(data: SnoozeRequest): OrderView;
  stepDone(data: StepDoneRequest): OrderView;
  setOrderStatus(data: SetOrderStatusRequest): void;
  /**
   * Team mode: this agent takes the order over from its owner (接手); it is theirs here at once,
   * and the colleagues' once the takeover note is in the memo. Answers the order as it is now.
   */
  takeOver(data: MessageRequest): OrderView;
  /** Undoes a mark or a snooze from the popup: the order as it was before, planned again. */
  restoreOrder(data: RestoreOrderRequest): void;

  /* Settings. */
  saveGeneralSettings(data: GeneralSettings): void;
  /** Saves engine settings and re-plans every open order; answers how many plans changed. */
  saveEngineSettings(data: EngineSettingsPatch): { replanned: number };
  /** Stores a seller's template (an edit of a shipped one overrides it). */
  saveTemplate(data: MessageTemplate): void;
  /** Deletes a seller's template, or their edit of a shipped one (restores the shipped wording). */
  deleteTemplate(data: TemplateIdRequest): void;
  setPlatformEnabled(data: PlatformEnabledRequest): void;
  setNotificationsPaused(data: NotificationsPausedRequest): void;
  /** Stores the retention, then prunes in the background what it no longer keeps (not awaited). */
  setRetentionDays(data: RetentionRequest): void;
  /** Stores a page's taught reader (replacing the one taught there before). */
  saveTaughtReader(data: TaughtReader): void;
  /** Forgets a taught page: the built-in readers read it again. */
  deleteTaughtReader(data: TaughtPageRequest): void;
  /** The sites granted to the generic adapter; registrations are synced with the permissions first. */
  syncGrantedSites(): string[];
  /** Withdraws a granted site's permission and its content-script registration. */
  revokeSite(data: SitePatternRequest): string[];
  /**
   * Starts an A/B test of two of a scenario's templates (refused while one runs for it): its
   * orders are split between them. Answers the test stored.
   */
  startAbTest(data: StartAbTestRequest): AbTest;
  /** Ends a running A/B test, keeping the winner's template as the scenario's preferred one. */
  endAbTest(data: EndAbTestRequest): AbTest;
  /**
   * Holds a team roster from its code or file (issue 17): a damaged, malformed, oversized, older
   * or another team's roster is refused with the held one unchanged (team-requests.ts).
   */
  setTeamRoster(data: TeamRosterRequest): TeamRosterReply;
  /** Which name of the held roster is this agent's. */
  setTeamMe(data: TeamMeRequest): void;
  /** Back to solo use: the roster and the agent's name in it go; answers them for the undo. */
  removeTeamRoster(): TeamRemoved;

  /* All data at once (import-requests.ts describes the chunked import). */
  /** Starts restoring a backup: its envelope and each table's row count. */
  importBegin(data: ImportManifest): ImportReply<{ session: string }>;
  /** One chunk of a table's rows, checked and staged; the data is untouched until the commit. */
  importChunk(data: ImportChunkRequest): ImportReply<{ staged: number }>;
  /**
   * Replaces all data with the staged rows in one transaction; answers how many rows each table
   * received, and whether re-planning the reminders afterwards failed (the data is in either way).
   */
  importCommit(data: ImportSessionRequest): ImportReply<ImportCommitted>;
  /** Drops a staged import the page gave up on. */
  importAbort(data: ImportSessionRequest): void;
  wipeAllData(data: WipeRequest): void;
  /**
   * 合并同事的记录 (issue 17): a colleague's team log file, checked whole and merged in one
   * transaction without duplicates, or refused with nothing stored (team-log-requests.ts).
   */
  importTeamLog(data: TeamLogImportRequest): TeamLogImportReply;
}

export type RequestType = keyof BackgroundRequests;
/** What a request carries (undefined for one without data). */
export type RequestData<K extends RequestType> = Parameters<
  BackgroundRequests[K]
>[0];
/** What the background answers to it. */
export type RequestReply<K extends RequestType> = ReturnType<
  BackgroundRequests[K]
>;

/**
 * Background → content scripts: a signal without data. Something changed that badges show (a plan,
 * a snooze from the popup, a platform switched off): the page asks again through viewsFor.
 */
export interface ContentSignals {
  ordersChanged(): void;
  /** The workspace asks which of the page's fields are open (to offer inserting). */
  workspaceEditors(): OpenEditors;
  /** The workspace's insert into the page's chat box or memo field (workspace-requests.ts). */
  workspaceInsert(data: WorkspaceInsert): ChatInsert;
  /** 打开订单页: does the page show this order; scroll to its row and highlight it (reveal-requests.ts). */
  revealOrder(data: RevealOrder): RevealAnswer;
}
