import { z } from "zod";
import type { RequestData, RequestType } from "@/lib/messaging/protocol";
import {
  ImportChunkSchema,
  ImportManifestSchema,
  ImportSessionSchema,
} from "@/lib/schemas/import-requests";
import {
  LogNudgeRequestSchema,
  MessageRequestSchema,
  RestoreOrderSchema,
  SetOrderStatusSchema,
  SnoozeRequestSchema,
  StepDoneRequestSchema,
  ViewsForRequestSchema,
} from "@/lib/schemas/order-requests";
import { OrdersSeenSchema } from "@/lib/schemas/orders-seen";
import {
  EndAbTestSchema,
  EngineSettingsPatchSchema,
  GeneralSettingsSchema,
  NotificationsPausedSchema,
  PlatformEnabledSchema,
  RetentionSchema,
  SitePatternSchema,
  StartAbTestSchema,
  TaughtPageSchema,
  TaughtReaderSchema,
  TemplateIdSchema,
  WipeRequestSchema,
} from "@/lib/schemas/settings-requests";
import { MessageTemplateSchema } from "@/lib/schemas/templates";
import { TeamLogImportSchema } from "@/lib/schemas/team-log";
import {
  TeamMeRequestSchema,
  TeamRosterRequestSchema,
} from "@/lib/schemas/team-requests";

/** A request without data: whatever comes along is ignored. */
const NO_DATA = z.unknown().transform(() => undefined);

/**
 * Each request's check on arrival, by request type (messaging/protocol.ts): a request without one
 * does not compile. A batch of orders is checked here as an envelope only; its rows one by one
 * (parseOrdersSeen), so that one bad row never loses the others.
 */
export const REQUEST_SCHEMAS: {
  [K in RequestType]: z.ZodType<
    K extends "ordersSeen" ? z.output<typeof OrdersSeenSchema> : RequestData<K>
  >;
} = {
  ordersSeen: OrdersSeenSchema,
  viewsFor: ViewsForRequestSchema,
  enabledPlatforms: NO_DATA,
  taughtReaders: NO_DATA,
  panelPlace: NO_DATA,
  panelFor: MessageRequestSchema,
  messageFor: MessageRequestSchema,
  openSettings: NO_DATA,
  openWorkspace: MessageRequestSchema,
  openOrder: MessageRequestSchema,
  logNudge: LogNudgeRequestSchema,
  snooze: SnoozeRequestSchema,
  stepDone: StepDoneRequestSchema,
  setOrderStatus: SetOrderStatusSchema,
  takeOver: MessageRequestSchema,
  restoreOrder: RestoreOrderSchema,
  saveGeneralSettings: GeneralSettingsSchema,
  saveEngineSettings: EngineSettingsPatchSchema,
  saveTemplate: MessageTemplateSchema,
  deleteTemplate: TemplateIdSchema,
  setPlatformEnabled: PlatformEnabledSchema,
  setNotificationsPaused: NotificationsPausedSchema,
  setRetentionDays: RetentionSchema,
  saveTaughtReader: TaughtReaderSchema,
  deleteTaughtReader: TaughtPageSchema,
  syncGrantedSites: NO_DATA,
  revokeSite: SitePatternSchema,
  startAbTest: StartAbTestSchema,
  endAbTest: EndAbTestSchema,
  setTeamRoster: TeamRosterRequestSchema,
  setTeamMe: TeamMeRequestSchema,
  removeTeamRoster: NO_DATA,
  importBegin: ImportManifestSchema,
  importChunk: ImportChunkSchema,
  importCommit: ImportSessionSchema,
  importAbort: ImportSessionSchema,
  wipeAllData: WipeRequestSchema,
  importTeamLog: TeamLogImportSchema,
};

/** A request's data checked by its own schema; throws (a ZodError) when it does not pass. */
export function parseRequest<K extends Exclude<RequestType, "ordersSeen">>(
  type: K,
  data: unknown,
): RequestData<K> {
  return (REQUEST_SCHEMAS[type] as z.ZodType<RequestData<K>>).parse(data);
}
