import { z } from "zod";
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
import { AB_ARMS } from "@/lib/model/ab-test";
import { PLATFORM_IDS } from "@/lib/model/order";
import {
  ATTRIBUTION_HOURS_MAX,
  ATTRIBUTION_HOURS_MIN,
} from "@/lib/model/report";
import { STEP_SCENARIOS } from "@/lib/model/steps";
import { isTaughtReader, type TaughtReader } from "@/lib/model/taught-reader";
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
} from "@/lib/db/setting-values";
import { EngineSettingSchemas } from "@/lib/schemas/engine-settings";
import { schemaOf } from "@/lib/schemas/schema-of";

/* Checks on what the extension's pages ask to change (messaging/settings-requests.ts), on arrival. */

const name = (max: number) => z.string().trim().max(max);

export const GeneralSettingsSchema = schemaOf<GeneralSettings>()(
  z.object({
    agentName: name(30).optional(),
    shopNames: z.partialRecord(z.enum(PLATFORM_IDS), name(60)).optional(),
    panelPlace: z.enum(["workspace", "page"]).optional(),
    attributionHours: z
      .number()
      .int()
      .min(ATTRIBUTION_HOURS_MIN)
      .max(ATTRIBUTION_HOURS_MAX)
      .optional(),
  }),
);

/** Each key checked by its own schema; `closeAfterMs` null for a platform: it never closes by itself. */
export const EngineSettingsPatchSchema = schemaOf<EngineSettingsPatch>()(
  z.object(EngineSettingSchemas).partial().strict(),
);

export const NotificationsPausedSchema = schemaOf<NotificationsPausedRequest>()(
  z.object({ paused: z.boolean() }),
);

/** Whole days, within the bounds the stored setting holds (lib/db/setting-values.ts says why). */
export const RetentionSchema = schemaOf<RetentionRequest>()(
  z.object({
    days: z.int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS),
  }),
);

export const PlatformEnabledSchema = schemaOf<PlatformEnabledRequest>()(
  z.object({ platform: z.enum(PLATFORM_IDS), enabled: z.boolean() }),
);

export const TemplateIdSchema = schemaOf<TemplateIdRequest>()(
  z.object({ id: z.string().min(1).max(80) }),
);

export const SitePatternSchema = schemaOf<SitePatternRequest>()(
  z.object({
    pattern: z
      .string()
      .regex(/^https?:\/\/[^*/]+\/\*$/)
      .max(300),
  }),
);

export const WipeRequestSchema = schemaOf<WipeRequest>()(
  z.object({ confirm: z.literal("DELETE") }),
);

/** A taught reader exactly as stored (lib/model/taught-reader.ts checks every field). */
export const TaughtReaderSchema = schemaOf<TaughtReader>()(
  z.custom<TaughtReader>(isTaughtReader, "not a taught reader"),
);

export const TaughtPageSchema = schemaOf<TaughtPageRequest>()(
  z
    .object({
      host: z.string().min(1).max(260),
      path: z.string().min(1).max(500),
    })
    .strict(),
);

/** As template ids are written (lib/schemas/templates.ts); the test's own id has the same shape. */
const abId = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Two different templates; that both exist and suit the scenario is checked against the store. */
export const StartAbTestSchema = schemaOf<StartAbTestRequest>()(
  z
    .object({
      scenario: z.enum(STEP_SCENARIOS),
      templateA: abId,
      templateB: abId,
    })
    .strict()
    .refine((test) => test.templateA !== test.templateB, {
      message: "the same template twice",
      path: ["templateB"],
    }),
);

export const EndAbTestSchema = schemaOf<EndAbTestRequest>()(
  z.object({ id: abId, winner: z.enum(AB_ARMS).optional() }).strict(),
);
