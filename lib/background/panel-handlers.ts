import { composeContext, type ComposeContext } from "@/lib/db/compose";
import type { PayNudgeDB } from "@/lib/db/schema";
import { MessageRequestSchema } from "@/lib/schemas/content";

/** The badge panel's data for one order. */
export async function handlePanelFor(
  db: PayNudgeDB,
  data: unknown,
  now: number,
): Promise<ComposeContext> {
  const { key } = MessageRequestSchema.parse(data);
  return composeContext(db, key, now);
}
