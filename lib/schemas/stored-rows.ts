import { z } from "zod";
import type {
  AlertRow,
  NoticeMoment,
  NoticeRow,
  SettingRow,
} from "@/lib/db/schema";
import type { TableName } from "@/lib/db/tables";
import type { NudgeLog } from "@/lib/model/nudge-log";
import { NO_SLOT_CAUSES, orderKey, type StoredOrder } from "@/lib/model/order";
import { NUDGE_CHANNELS, STEP_SCENARIOS } from "@/lib/model/steps";
import { epochMs, OrderSnapshotSchema } from "@/lib/schemas/order";
import { payWhenText } from "@/lib/schemas/pay-when";
import { schemaOf } from "@/lib/schemas/schema-of";
import { isSettingKey, SETTING_SCHEMAS } from "@/lib/schemas/settings";
import { MessageTemplateSchema } from "@/lib/schemas/templates";
import { OUTCOME_IDS, REASON_IDS, WHEN_IDS } from "@/lib/templates/outcomes";

/*
 * Every table's rows as the background writes them, checked strictly: what an import may put in
 * the database. Unknown fields are refused (a row with them was not written by PayNudge), strings
 * and arrays are bounded, times are integer epoch ms. Each schema is checked against its row's
 * type (schemaOf), so a stored type that gains a field fails the build until its schema has it too,
 * and an export always imports back.
 */

const key = z.string().min(1).max(80);
const stepId = z.string().min(1).max(40);
const agent = z.string().min(1).max(60);

const StoredOrderSchema = schemaOf<StoredOrder>()(
  OrderSnapshotSchema.extend({
    key,
    pageUrl: z.string().max(4096),
    shopName: z.string().min(1).max(200).optional(),
    firstSeenAt: epochMs,
    lastSeenAt: epochMs,
    nextDueAt: epochMs.optional(),
    notifiedDueAt: epochMs.optional(),
    openDueAt: epochMs.optional(),
    pendingDueAt: epochMs.optional(),
    noSlotUntil: epochMs.optional(),
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
    promisedAt: epochMs.optional(),
    noSlotCause: z.enum(NO_SLOT_CAUSES).optional(),
    promisedWhen: z.enum(WHEN_IDS).optional(),
    claimedBy: agent.optional(),
    claimedAt: epochMs.optional(),
    mergedNudges: z.number().int().min(0).max(1_000_000).optional(),
    unpaidSeenAt: epochMs.optional(),
    paidSeenAt: epochMs.optional(),
  })
    .strict()
    .refine((o) => o.key === orderKey(o.platform, o.orderId), {
      message: "key does not match platform and order id",
      path: ["key"],
    }),
);

const NudgeLogSchema = schemaOf<NudgeLog>()(
  z
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
      // A word or the "HH:mm" the agent typed, as the log request accepted it.
      when: payWhenText.optional(),
      note: z.string().min(1).max(300).optional(),
      importedFrom: agent.optional(),
    })
    .strict(),
);

const AlertRowSchema = schemaOf<AlertRow>()(
  z
    .object({
      id: z.string().min(1).max(200),
      orderKey: key,
      dueAt: epochMs,
      shownAt: epochMs,
      times: z.number().int().min(0).max(1_000_000),
      late: z.boolean(),
      grouped: z.boolean(),
    })
    .strict(),
);

const NoticeMomentSchema = schemaOf<NoticeMoment>()(
  z.object({ orderKey: key, dueAt: epochMs, late: z.boolean() }).strict(),
);

/**
 * What a notification on screen holds. Runtime state rather than data: a backup's rows are
 * checked like any other and then dropped, since an import takes PayNudge's notifications down.
 */
const NoticeRowSchema = schemaOf<NoticeRow>()(
  z
    .object({
      id: z.string().min(1).max(200),
      at: epochMs,
      grouped: z.boolean(),
      moments: z.array(NoticeMomentSchema).max(10_000),
      created: z.boolean(),
    })
    .strict(),
);

/** A setting row: a key this version knows, with a value its own schema accepts. */
const SettingRowSchema = schemaOf<SettingRow>()(
  z
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
    ),
);

/** Templates are checked by the options page's own schema; fields it does not know are dropped. */
const TemplateRowSchema = MessageTemplateSchema;

/** Each table's rows' schema. */
export const ROW_SCHEMAS: { [K in TableName]: z.ZodType } = {
  orders: StoredOrderSchema,
  nudges: NudgeLogSchema,
  settings: SettingRowSchema,
  alerts: AlertRowSchema,
  templates: TemplateRowSchema,
  notices: NoticeRowSchema,
};
