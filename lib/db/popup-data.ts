import type { PayNudgeDB } from "@/lib/db/schema";
import {
  FULL_QUEUE,
  todayQueue,
  type QueueGroup,
  type QueueRead,
} from "@/lib/db/queue";
import { readPlainSetting } from "@/lib/db/setting-values";

export interface PopupData {
  /** The clock the queue was judged against. */
  now: number;
  groups: QueueGroup[];
  paused: boolean;
  agent: string | undefined;
}

/**
 * Everything the popup shows, in one read-only transaction; as much of each group as `read` says.
 * The clock is read when the query runs, so a change the agent just made (a nudge logged a moment
 * ago) is judged against the time it happened.
 */
export async function loadPopupData(
  db: PayNudgeDB,
  read: QueueRead = FULL_QUEUE,
  now = Date.now(),
): Promise<PopupData> {
  const [groups, paused, agent] = await db.transaction(
    "r",
    db.orders,
    db.settings,
    () =>
      Promise.all([
        todayQueue(db, now, read),
        readPlainSetting(db, "notificationsPaused"),
        readPlainSetting(db, "agentName"),
      ]),
  );
  return { now, groups, paused, agent };
}
