import { composeContext, type ComposeContext } from "../compose";
import type { PayNudgeDB } from "../db";
import { MessageRequestSchema } from "../messages";

/** The badge panel's data for one order. */
export async function handlePanelFor(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<ComposeContext> {
  const { key } = MessageRequestSchema.parse(data);
  return composeContext(db, key, now);
}
