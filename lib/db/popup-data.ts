import type { PayNudgeDB } from "@/lib/db/schema";
import {
  FULL_QUEUE,
  todayQueue,
  type QueueGroup,
  type QueueRead,
} from "@/lib/db/queue";
import { readPlainSetting } from "@/lib/db/setting-values";
import { isMine, readTeam, type Team } from "@/lib/db/team";
import type { StoredOrder } from "@/lib/model/order";

export interface PopupData {
  /** The clock the queue was judged against. */
  now: number;
  groups: QueueGroup[];
  paused: boolean;
  agent: string | undefined;
  /** The team held (team mode), and whether these groups are this agent's only or the team's. */
  team?: { held: Team; scope: QueueScope };
}

/** Team mode: this agent's orders (the default) or the whole team's. */
export type QueueScope = "mine" | "team";

/**
 * Everything the popup shows, in one read-only transaction; as much of each group as `read` says.
 * The clock is read when the query runs, so a change the agent just made (a nudge logged a moment
 * ago) is judged against the time it happened.
 */
export async function loadPopupData(
  db: PayNudgeDB,
  read: QueueRead = FULL_QUEUE,
  now = Date.now(),
  scope: QueueScope = "mine",
): Promise<PopupData> {
  return db.transaction("r", db.orders, db.settings, async () => {
    const team = await readTeam(db);
    const only =
      team && scope === "mine"
        ? (order: StoredOrder) => isMine(order, team, now)
        : undefined;
    const [groups, paused, agent] = await Promise.all([
      todayQueue(db, now, only ? { ...read, only } : read),
      readPlainSetting(db, "notificationsPaused"),
      readPlainSetting(db, "agentName"),
    ]);
    const data: PopupData = { now, groups, paused, agent };
    if (team) data.team = { held: team, scope };
    return data;
  });
}
