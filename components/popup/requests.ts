import { copyText } from "@/components/shared/clipboard";
import type { ManualStatus } from "@/components/popup/due-actions";
import type { SnoozeChoice } from "@/lib/engine/snooze";
import { toBackground } from "@/lib/messaging/messengers";
import type { LogNudgeReply } from "@/lib/messaging/order-requests";
import type { StoredOrder } from "@/lib/model/order";

/*
 * What the popup's rows and switch do. Every write goes through the background; the popup's live
 * query re-renders the list when it lands, so these only settle or fail.
 */

/** Copies the order's filled-in reminder; resolves with the variables it could not fill. */
export async function copyMessage(
  order: StoredOrder,
): Promise<{ missing: string[] }> {
  const { text, missing } = await toBackground.sendMessage("messageFor", {
    key: order.key,
  });
  if (!(await copyText(text)))
    throw new Error("PayNudge: the clipboard refused the message");
  return { missing };
}

/** Logs a nudge by the order's next channel and step, made by `agent` at `at`. */
export async function logNudge(
  order: StoredOrder,
  agent: string | undefined,
  at: number,
): Promise<LogNudgeReply> {
  return toBackground.sendMessage("logNudge", {
    key: order.key,
    channel: order.nextChannel ?? "chat",
    ...(order.nextStep !== undefined && { step: order.nextStep }),
    ...(agent && { agent }),
    at,
  });
}

export async function setOrderStatus(
  order: StoredOrder,
  status: ManualStatus,
): Promise<void> {
  await toBackground.sendMessage("setOrderStatus", { key: order.key, status });
}

export async function snooze(
  order: StoredOrder,
  choice: SnoozeChoice,
): Promise<void> {
  await toBackground.sendMessage("snooze", { key: order.key, for: choice });
}

/** Undo of a mark or a snooze: the order's status, mark, snooze and payment sight as in `before`. */
export async function restoreOrder(before: StoredOrder): Promise<void> {
  await toBackground.sendMessage("restoreOrder", {
    key: before.key,
    status: before.status,
    ...(before.manualStatus !== undefined && {
      manualStatus: before.manualStatus,
    }),
    ...(before.snoozedUntil !== undefined && {
      snoozedUntil: before.snoozedUntil,
    }),
    ...(before.paidSeenAt !== undefined && { paidSeenAt: before.paidSeenAt }),
  });
}

/** Off duty on or off; a failure is logged (the switch shows the stored value either way). */
export function setNotificationsPaused(paused: boolean): void {
  toBackground
    .sendMessage("setNotificationsPaused", { paused })
    .catch((error: unknown) => console.error("PayNudge pause", error));
}

/** The options page, where the shop name and the agent's nickname are set. */
export function openSettings(): void {
  toBackground
    .sendMessage("openSettings", undefined)
    .catch((error: unknown) => console.error("PayNudge settings", error));
}

/**
 * Goes to the order: its tab brought to the front with the row highlighted, or its page opened.
 * The background does it (lib/background/open-order.ts): this popup closes once another tab is
 * in front.
 */
export function openOrder(order: StoredOrder): void {
  toBackground
    .sendMessage("openOrder", { key: order.key })
    .catch((error: unknown) => console.error("PayNudge open order", error));
}
