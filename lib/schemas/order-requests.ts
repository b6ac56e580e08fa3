import { z } from "zod";
import { SNOOZE_CHOICES } from "@/lib/engine/snooze";
import type {
  LogNudgeRequest,
  MessageRequest,
  RestoreOrderRequest,
  SetOrderStatusRequest,
  SnoozeRequest,
  StepDoneRequest,
  ViewsForRequest,
} from "@/lib/messaging/order-requests";
import { ORDER_STATUSES } from "@/lib/model/order";
import { NUDGE_CHANNELS } from "@/lib/model/steps";
import { epochMs } from "@/lib/schemas/order";
import { payWhenText } from "@/lib/schemas/pay-when";
import { schemaOf } from "@/lib/schemas/schema-of";
import { OUTCOME_IDS, REASON_IDS } from "@/lib/templates/outcomes";

/* Checks on the requests about one order (messaging/order-requests.ts), on arrival. */

const orderKey = z.string().min(1).max(80);
const step = z.string().min(1).max(40);

export const MessageRequestSchema = schemaOf<MessageRequest>()(
  z.object({ key: orderKey }),
);

export const LogNudgeRequestSchema = schemaOf<LogNudgeRequest>()(
  z.object({
    key: orderKey,
    channel: z.enum(NUDGE_CHANNELS),
    step: step.optional(),
    at: epochMs,
    agent: z.string().min(1).max(60).optional(),
    templateId: z.string().min(1).max(80).optional(),
    outcome: z.enum(OUTCOME_IDS).optional(),
    reason: z.enum(REASON_IDS).optional(),
    when: payWhenText.optional(),
    note: z.string().min(1).max(300).optional(),
    again: z.boolean().optional(),
  }),
);

export const SnoozeRequestSchema = schemaOf<SnoozeRequest>()(
  z.object({ key: orderKey, for: z.enum(SNOOZE_CHOICES) }),
);

export const StepDoneRequestSchema = schemaOf<StepDoneRequest>()(
  z.object({ key: orderKey, step: step.optional() }),
);

export const ViewsForRequestSchema = schemaOf<ViewsForRequest>()(
  z.object({ keys: z.array(orderKey).max(5000) }),
);

export const SetOrderStatusSchema = schemaOf<SetOrderStatusRequest>()(
  z.object({ key: orderKey, status: z.enum(["paid", "closed"]) }),
);

export const RestoreOrderSchema = schemaOf<RestoreOrderRequest>()(
  z.object({
    key: orderKey,
    status: z.enum(ORDER_STATUSES),
    manualStatus: z.enum(["paid", "closed"]).optional(),
    snoozedUntil: epochMs.optional(),
    paidSeenAt: epochMs.optional(),
  }),
);
