/*
 * Notification ids: an order's names its due moment, a summary its run, so that one on screen is
 * never taken for another. Ids an older version used are still recognised.
 */

const ORDER_PREFIX = "paynudge:order:";
/**
 * Before notification ids named their due moment, every summary had this one id (and an order's
 * notification was `paynudge:order:<key>`): still recognised, so those an older version left on
 * screen are replaced by newer ones and answer clicks.
 */
export const LEGACY_SUMMARY_ID = "paynudge:summary";
const SUMMARY_PREFIX = `${LEGACY_SUMMARY_ID}:`;

/**
 * An order's notification for one due moment. The id names the moment, so a notification of an
 * earlier step still on screen can never be taken for this one.
 */
export function notificationId(orderKey: string, dueAt: number): string {
  return `${ORDER_PREFIX}${orderKey}@${dueAt}`;
}

/** A run's summary: one id per run, never reused for other content (NoticeRow says what it lists). */
export function summaryNotificationId(runAt: number): string {
  return `${SUMMARY_PREFIX}${runAt}`;
}

function isSummaryNotification(id: string): boolean {
  return id === LEGACY_SUMMARY_ID || id.startsWith(SUMMARY_PREFIX);
}

/** The order an order's notification is for, whatever its due moment. */
export function orderKeyOfNotification(id: string): string | undefined {
  if (!id.startsWith(ORDER_PREFIX)) return undefined;
  const rest = id.slice(ORDER_PREFIX.length);
  const at = rest.lastIndexOf("@");
  return at > 0 && /^\d+$/.test(rest.slice(at + 1)) ? rest.slice(0, at) : rest;
}

/** Notifications that replace one another: an order's own, or the summaries. */
export function slotOf(id: string): string | undefined {
  if (isSummaryNotification(id)) return LEGACY_SUMMARY_ID;
  const key = orderKeyOfNotification(id);
  return key === undefined ? undefined : ORDER_PREFIX + key;
}
