import { z } from "zod";
import type { AlertRow, NoticeRow, NudgeLog } from "@/lib/db/schema";
import type { MessageTemplate } from "@/lib/templates/shipped";
import { NUDGE_CHANNELS, STEP_SCENARIOS } from "@/lib/model/steps";
import { orderKey, type StoredOrder } from "@/lib/model/order";
import { OrderSnapshotSchema } from "@/lib/schemas/order";
import { OUTCOME_IDS, REASON_IDS, WHEN_IDS } from "@/lib/templates/outcomes";
import { isSettingKey, SETTING_SCHEMAS } from "@/lib/db/settings";
import { MessageTemplateSchema } from "@/lib/db/templates";

/*
 * Every table's rows as the background writes them, checked strictly: what an import may put in
 * the database. Unknown fields are refused (a row with them was not written by PayNudge), strings
 * and arrays are bounded, times are integer epoch ms. The type checks below fail the build when a
 * stored type gains a field its schema lacks, so an export always imports back.
 */

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const key = z.string().min(1).max(80);
const stepId = z.string().min(1).max(40);
const agent = z.string().min(1).max(60);

export const StoredOrderSchema = OrderSnapshotSchema.extend({
  key,
  pageUrl: z.string().max(4096),
  shopName: z.string().min(1).max(200).optional(),
  firstSeenAt: epochMs,
  lastSeenAt: epochMs,
  nextDueAt: epochMs.optional(),
  notifiedDueAt: epochMs.optional(),
  nudgeCount: z.number().int().min(0).max(1000),
  lastNudgeAt: epochMs.optional(),
  manualStatus: z.enum(["paid", "closed"]).optional(),
  lastAgent: agent.optional(),
  deadlineAt: epochMs.optional(),
  nextStep: stepId.optional(),
  nextChannel: z.enum(NUDGE_CHANNELS).optional(),
  nextScenario: z.enum(STEP_SCENARIOS).optional(),
  replanAt: epochMs.optional(),
  snoozedUntil: epochMs.optional(),
  doneSteps: z.array(stepId).max(100).optional(),
  declinedAt: epochMs.optional(),
})
  .strict()
  .refine((o) => o.key === orderKey(o.platform, o.orderId), {
    message: "key does not match platform and order id",
    path: ["key"],
  });

export const NudgeLogSchema = z
  .object({
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    orderKey: key,
    at: epochMs,
    channel: z.enum(NUDGE_CHANNELS),
    step: stepId.optional(),
    templateId: z.string().min(1).max(80).optional(),
    agent: agent.optional(),
    outcome: z.enum(OUTCOME_IDS).optional(),
    reason: z.enum(REASON_IDS).optional(),
    when: z.enum(WHEN_IDS).optional(),
    note: z.string().min(1).max(300).optional(),
  })
  .strict();

export const AlertRowSchema = z
  .object({
    id: z.string().min(1).max(200),
    orderKey: key,
    dueAt: epochMs,
    shownAt: epochMs,
    times: z.number().int().min(0).max(1_000_000),
    late: z.boolean(),
    grouped: z.boolean(),
  })
  .strict();

/**
 * What a notification on screen holds. Runtime state rather than data: a backup's rows are
 * checked like any other and then dropped, since an import takes PayNudge's notifications down.
 */
export const NoticeRowSchema = z
  .object({
    id: z.string().min(1).max(200),
    at: epochMs,
    grouped: z.boolean(),
    moments: z
      .array(
        z.object({ orderKey: key, dueAt: epochMs, late: z.boolean() }).strict(),
      )
      .max(10_000),
    created: z.boolean(),
  })
  .strict();

/** A setting row: a key this version knows, with a value its own schema accepts. */
export const SettingRowSchema = z
  .object({ key: z.string().max(100), value: z.unknown() })
  .strict()
  .superRefine((row, ctx) => {
    if (!isSettingKey(row.key))
      ctx.addIssue({
        code: "custom",
        message: "unknown setting",
        path: ["key"],
      });
    else if (!SETTING_SCHEMAS[row.key].safeParse(row.value).success)
      ctx.addIssue({
        code: "custom",
        message: "invalid value",
        path: ["value"],
      });
  })
  .transform((row) =>
    isSettingKey(row.key)
      ? { key: row.key, value: SETTING_SCHEMAS[row.key].parse(row.value) }
      : row,
  );

/** Templates are checked by the options page's own schema; fields it does not know are dropped. */
export const TemplateRowSchema = MessageTemplateSchema;

export const ROW_SCHEMAS = {
  orders: StoredOrderSchema,
  nudges: NudgeLogSchema,
  settings: SettingRowSchema,
  alerts: AlertRowSchema,
  templates: TemplateRowSchema,
  notices: NoticeRowSchema,
} as const;
export type TableName = keyof typeof ROW_SCHEMAS;
export const TABLE_NAMES = Object.keys(ROW_SCHEMAS) as TableName[];

/** Tables a backup carries and an import restores; the others are emptied by an import. */
export const RESTORED_TABLES: readonly TableName[] = [
  "orders",
  "nudges",
  "settings",
  "alerts",
  "templates",
];

/**
 * Most rows a table may hold after an import: far above what a shop keeps (a large shop's backup
 * is ~100 000 orders), low enough that a crafted file cannot fill the disk.
 */
export const MAX_ROWS: Record<TableName, number> = {
  orders: 500_000,
  nudges: 2_000_000,
  settings: Object.keys(SETTING_SCHEMAS).length,
  alerts: 2_000_000,
  templates: 1_000,
  notices: 100_000,
};

/** The primary key of a row of each table, to refuse duplicates before the database does. */
export const PRIMARY_KEY: Record<TableName, string> = {
  orders: "key",
  nudges: "id",
  settings: "key",
  alerts: "id",
  templates: "id",
  notices: "id",
};

// A stored type with a field its schema does not list would make exports that never import back.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Keys<T> = keyof T & string;
const schemasCoverTypes: [
  Exactly<Keys<StoredOrder>, Keys<z.infer<typeof StoredOrderSchema>>>,
  Exactly<Keys<NudgeLog>, Keys<z.infer<typeof NudgeLogSchema>>>,
  Exactly<Keys<AlertRow>, Keys<z.infer<typeof AlertRowSchema>>>,
  Exactly<Keys<MessageTemplate>, Keys<z.infer<typeof TemplateRowSchema>>>,
  Exactly<Keys<NoticeRow>, Keys<z.infer<typeof NoticeRowSchema>>>,
] = [true, true, true, true, true];
void schemasCoverTypes;
