import type { PayNudgeDB } from '../db';
import { templateFor } from '../default-templates';
import { parseOrdersSeen, MessageRequestSchema, type MessageReply, type OrderView } from '../messages';
import { upsertSeenOrders } from '../orders-repo';
import { orderValues, renderTemplate } from '../template';
import { getSetting } from '../settings';
import { runDueCheck, withdrawNotifications } from './scheduler';

/** A batch of orders a content script saw: validated, stored, re-planned; alarms follow. */
export async function handleOrdersSeen(db: PayNudgeDB, data: unknown, now: number): Promise<OrderView[]> {
  const batch = parseOrdersSeen(data);
  if (batch.rejected) console.warn(`PayNudge: ${batch.rejected} malformed order(s) ignored`);
  const { views, cancelled } = await upsertSeenOrders(db, batch, now);
  await withdrawNotifications(cancelled);
  await runDueCheck(db, now);
  return views;
}

/** The filled-in reminder for one order, in the language of its platform's buyers. */
export async function handleMessageFor(db: PayNudgeDB, data: unknown, now: number): Promise<MessageReply> {
  const { key } = MessageRequestSchema.parse(data);
  const order = await db.orders.get(key);
  if (!order) throw new Error(`PayNudge: unknown order ${key}`);
  const locale = order.platform === 'shopify' ? 'en' : 'zh';
  const [agent, shopNames] = await Promise.all([getSetting(db, 'agentName'), getSetting(db, 'shopNames')]);
  const values = orderValues(order, { now, locale, agent, shopName: shopNames[order.platform] });
  const { text, missing } = renderTemplate(templateFor('first', locale).body, values, locale);
  return { text, missing };
}
