import type { PayNudgeDB } from "@/lib/db/schema";
import { upsertSeenOrders } from "@/lib/db/orders-seen";
import { ownerOf, readTeam } from "@/lib/db/team";
import { toView, type OrderView } from "@/lib/model/order-view";
import { loadEngineSettings } from "@/lib/schemas/engine-settings";
import { MAX_BATCH_ORDERS, parseOrdersSeen } from "@/lib/schemas/orders-seen";
import { parseRequest } from "@/lib/schemas/requests";
import { requestDueCheck } from "@/lib/background/due-check";
import { withdrawNotifications } from "@/lib/background/notices";
import { originOf } from "@/lib/background/senders";

/* The orders a page shows: stored with their plans, and what its badges show of them. */

/**
 * A batch of orders a content script saw, validated and stored with its plans. Rows that fail
 * validation, lie past the batch bound, or (with `platformsAt`, which names the platforms whose
 * orders the batch's page can show) belong to another platform are left out and counted.
 */
export async function storeSeenOrders(
  db: PayNudgeDB,
  data: unknown,
  now: number,
  platformsAt?: (pageUrl: URL) => ReadonlySet<string>,
): Promise<OrderView[]> {
  const parsed = parseOrdersSeen(data);
  const platforms = platformsAt?.(new URL(parsed.pageUrl));
  const orders = platforms
    ? parsed.orders.filter((order) => platforms.has(order.platform))
    : parsed.orders;
  const batch = { ...parsed, orders };
  const foreign = parsed.orders.length - orders.length;
  if (batch.rejected || batch.skipped || foreign)
    console.warn(
      `PayNudge: orders left out of a batch: ${batch.rejected} malformed, ${batch.skipped} past the bound of ${MAX_BATCH_ORDERS}, ${foreign} of another platform`,
    );
  const { views, cancelled } = await upsertSeenOrders(
    db,
    batch,
    now,
    () => loadEngineSettings(db),
    await readTeam(db),
  );
  await withdrawNotifications(cancelled);
  return views;
}

/**
 * A page's batch as the background answers it: stored, then the page has its badges' states while
 * the due check (notifications, alarm, toolbar) runs behind, shared with the batches that follow.
 * That check arms a retry alarm before anything else, so a worker stopped meanwhile loses nothing.
 */
export async function answerOrdersSeen(
  db: PayNudgeDB,
  data: unknown,
  now: number,
  platformsAt?: (pageUrl: URL) => ReadonlySet<string>,
): Promise<OrderView[]> {
  const views = await storeSeenOrders(db, data, now, platformsAt);
  void requestDueCheck(db).catch((error) =>
    console.error("PayNudge due check", error),
  );
  return views;
}

/**
 * What a page's badges show, read fresh; orders the background does not know are left out, and so
 * are those of another site than `origin` (the asking page's, when a content script asks).
 */
export async function handleViewsFor(
  db: PayNudgeDB,
  data: unknown,
  origin?: string,
  now: number = Date.now(),
): Promise<OrderView[]> {
  const { keys } = parseRequest("viewsFor", data);
  const [rows, team] = await Promise.all([
    db.orders.bulkGet(keys),
    readTeam(db),
  ]);
  return rows.flatMap((order) =>
    order && (origin === undefined || originOf(order.pageUrl) === origin)
      ? [toView(order, ownerOf(order, team, now))]
      : [],
  );
}
